import type { StaffAccount, StaffRole } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { Dialog, DialogActions } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip, type StatusTone } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatRelative } from "../../lib/format";
import { locationsQuery } from "../appointments/data";
import { EMAIL } from "../registration/shared";
import { BackToSetup, Cell } from "./shared";

const ROLES: StaffRole[] = ["front_desk", "nurse", "physician", "admin"];
const staffKey = ["admin", "staff"];
const STATUS_TONE: Record<StaffAccount["status"], StatusTone> = {
  active: "success",
  invited: "info",
  disabled: "neutral",
};

/** Staff accounts: who works here, in which roles; invite, change roles, turn an account off. */
export function StaffPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const staff = useQuery({
    queryKey: staffKey,
    queryFn: () => api<{ staff: StaffAccount[] }>("/api/admin/staff").then((r) => r.staff),
  });
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <div className="stack">
      <PageHeader title={t("staff.title")} lead={<p>{t("staff.lead")}</p>} before={<BackToSetup />} />
      {invited ? (
        <Alert tone="success" title={t("staff.invitedTitle")} live="polite">
          <p>{t("staff.invitedBody", { email: invited })}</p>
        </Alert>
      ) : null}
      {staff.isPending ? <LoadingState /> : null}
      {staff.isError ? (
        <Alert tone="error" title={t("common.loadFailed")}>
          <p>{errorMessage(staff.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {staff.data?.length === 0 ? <EmptyState title={t("staff.emptyTitle")} /> : null}
      {staff.data && staff.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("staff.caption", { count: staff.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("staff.name")}</th>
                <th scope="col">{t("staff.roles")}</th>
                <th scope="col">{t("common.status")}</th>
                <th scope="col">{t("staff.lastSignIn")}</th>
                <th scope="col">{t("staff.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.map((s) => (
                <StaffRow key={s.id} account={s} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <InviteStaff onInvited={setInvited} />
    </div>
  );
}

function RoleBoxes({
  value,
  onChange,
  errorMessage: error,
  idPrefix,
}: {
  value: StaffRole[];
  onChange: (next: StaffRole[]) => void;
  errorMessage?: string;
  idPrefix: string;
}) {
  const { t } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  return (
    <fieldset className="fieldset" data-invalid={error ? true : undefined}>
      <legend className="fieldset__legend">{t("staff.roles")}</legend>
      {error ? <p className="field__error">{error}</p> : null}
      {ROLES.map((role, index) => (
        <Checkbox
          key={role}
          id={index === 0 ? `field-${idPrefix}roles` : undefined}
          isSelected={value.includes(role)}
          onChange={(on) => onChange(on ? [...value, role] : value.filter((r) => r !== role))}
          description={t(`staff.roleHints.${role}`)}
        >
          {common(`roles.${role}`)}
        </Checkbox>
      ))}
    </fieldset>
  );
}

/** The locations a person works at: front desk and nurses see the arrivals boards of these. */
function LocationBoxes({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation("clinicAdmin");
  const locations = useQuery(locationsQuery);
  const active = (locations.data ?? []).filter((l) => l.active || value.includes(l.id));
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t("staff.locations")}</legend>
      <p className="field__hint">{t("staff.locationsHint")}</p>
      {active.map((l) => (
        <Checkbox
          key={l.id}
          isSelected={value.includes(l.id)}
          onChange={(on) => onChange(on ? [...value, l.id] : value.filter((id) => id !== l.id))}
        >
          {l.name}
        </Checkbox>
      ))}
    </fieldset>
  );
}

function StaffRow({ account }: { account: StaffAccount }) {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const me = useMe();
  const queryClient = useQueryClient();
  const [rolesOpen, setRolesOpen] = useState(false);
  const [statusOpen, setStatusOpen] = useState(false);
  const [roles, setRoles] = useState<StaffRole[]>(account.roles);
  const [locationIds, setLocationIds] = useState<string[]>(account.locationIds);
  const [roleError, setRoleError] = useState<string | undefined>();
  const locations = useQuery(locationsQuery);
  const locationNames = account.locationIds
    .map((id) => locations.data?.find((l) => l.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  const update = useMutation({
    mutationFn: (body: { roles?: StaffRole[]; locationIds?: string[]; status?: "active" | "disabled" }) =>
      api<StaffAccount>(`/api/admin/staff/${account.id}`, { method: "PATCH", body }),
    onSuccess: async () => {
      setRolesOpen(false);
      setStatusOpen(false);
      await queryClient.invalidateQueries({ queryKey: staffKey });
    },
  });
  const self = me?.user.id === account.id;
  const disabled = account.status === "disabled";
  return (
    <tr>
      <Cell label={t("staff.name")}>
        <strong>{account.displayName}</strong>
        <br />
        <span className="mono">{account.email}</span>
      </Cell>
      <Cell label={t("staff.roles")}>
        {account.roles.map((r) => common(`roles.${r}`)).join(", ")}
        {locationNames.length > 0 ? (
          <>
            <br />
            <span className="text-muted">{t("staff.worksAt", { locations: locationNames.join(", ") })}</span>
          </>
        ) : null}
      </Cell>
      <Cell label={t("common.status")}>
        <StatusChip tone={STATUS_TONE[account.status]}>{t(`staff.status.${account.status}`)}</StatusChip>
      </Cell>
      <Cell label={t("staff.lastSignIn")}>
        {account.lastLoginAt ? formatRelative(account.lastLoginAt, currentLocale()) : t("staff.never")}
      </Cell>
      <Cell label={t("staff.actions")}>
        {self ? (
          <span className="text-muted">{t("staff.you")}</span>
        ) : (
          <div className="item__actions">
            <Button
              variant="secondary"
              onPress={() => {
                setRoles(account.roles);
                setLocationIds(account.locationIds);
                setRolesOpen(true);
              }}
              aria-label={t("staff.changeRolesNamed", { name: account.displayName })}
            >
              {t("staff.changeRoles")}
            </Button>
            <Button
              variant={disabled ? "secondary" : "danger"}
              onPress={() => setStatusOpen(true)}
              aria-label={
                disabled
                  ? t("staff.reactivateNamed", { name: account.displayName })
                  : t("staff.deactivateNamed", { name: account.displayName })
              }
            >
              {disabled ? t("staff.reactivate") : t("staff.deactivate")}
            </Button>
          </div>
        )}
        <Dialog
          title={t("staff.changeRolesTitle", { name: account.displayName })}
          isOpen={rolesOpen}
          onOpenChange={setRolesOpen}
        >
          <Form
            onSubmit={() => {
              if (roles.length === 0) {
                setRoleError(t("staff.errors.roles"));
                return;
              }
              setRoleError(undefined);
              update.mutate({ roles, locationIds });
            }}
            errors={roleError ? { [`${account.id}roles`]: roleError } : {}}
            formError={update.isError ? errorMessage(update.error, common, i18n.exists) : null}
            aria-label={t("staff.changeRoles")}
          >
            <RoleBoxes value={roles} onChange={setRoles} errorMessage={roleError} idPrefix={account.id} />
            <LocationBoxes value={locationIds} onChange={setLocationIds} />
            <DialogActions>
              <Button type="submit" isPending={update.isPending}>
                {t("staff.saveRoles")}
              </Button>
              <Button variant="secondary" onPress={() => setRolesOpen(false)}>
                {common("common.cancel")}
              </Button>
            </DialogActions>
          </Form>
        </Dialog>
        <Dialog
          title={
            disabled
              ? t("staff.reactivateTitle", { name: account.displayName })
              : t("staff.deactivateTitle", { name: account.displayName })
          }
          isOpen={statusOpen}
          onOpenChange={setStatusOpen}
        >
          <p>{disabled ? t("staff.reactivateBody") : t("staff.deactivateBody", { name: account.displayName })}</p>
          {update.isError ? (
            <Alert tone="error" title={t("common.saveFailed")} live="assertive">
              <p>{errorMessage(update.error, common, i18n.exists)}</p>
            </Alert>
          ) : null}
          <DialogActions>
            <Button
              variant={disabled ? "primary" : "danger"}
              isPending={update.isPending}
              onPress={() => update.mutate({ status: disabled ? "active" : "disabled" })}
            >
              {disabled ? t("staff.reactivate") : t("staff.deactivate")}
            </Button>
            <Button variant="secondary" onPress={() => setStatusOpen(false)}>
              {common("common.cancel")}
            </Button>
          </DialogActions>
        </Dialog>
      </Cell>
    </tr>
  );
}

function InviteStaff({ onInvited }: { onInvited: (email: string) => void }) {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [roles, setRoles] = useState<StaffRole[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const e: FieldErrors = {};
    if (!name.trim()) e.staffName = t("staff.errors.name");
    if (!EMAIL.test(email.trim())) e.staffEmail = t("staff.errors.email");
    if (roles.length === 0) e.newroles = t("staff.errors.roles");
    setErrors(e);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    setPending(true);
    try {
      await api("/api/admin/staff", {
        method: "POST",
        body: { displayName: name.trim(), email: email.trim(), roles, locale: currentLocale() },
      });
      await queryClient.invalidateQueries({ queryKey: staffKey });
      onInvited(email.trim());
      setName("");
      setEmail("");
      setRoles([]);
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card title={t("staff.inviteTitle")} id="invite">
      <p>{t("staff.inviteLead")}</p>
      <Form
        onSubmit={submit}
        errors={errors}
        formError={formError}
        attempt={attempt}
        aria-label={t("staff.inviteTitle")}
      >
        <TextField
          name="staffName"
          label={t("staff.name")}
          value={name}
          onChange={setName}
          errorMessage={errors.staffName}
          isRequired
        />
        <TextField
          name="staffEmail"
          type="email"
          inputMode="email"
          spellCheck={false}
          label={t("staff.email")}
          value={email}
          onChange={setEmail}
          errorMessage={errors.staffEmail}
          isRequired
        />
        <RoleBoxes value={roles} onChange={setRoles} errorMessage={errors.newroles} idPrefix="new" />
        <FormActions>
          <Button type="submit" isPending={pending}>
            {t("staff.invite")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
