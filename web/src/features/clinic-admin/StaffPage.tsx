import type { StaffAccount, StaffRole, UpdateStaffRequest } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { locationsQuery as catalogueLocations, inviteStaff, staffQuery, updateStaff } from "../../api/clinic";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog, DialogActions } from "../../components/Dialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { StatusChip, type StatusTone } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { Cell } from "../../kit/DataTable";
import { ListPage } from "../../kit/ListEditPage";
import { useForm } from "../../kit/use-form";
import { errorMessage, renamed } from "../../lib/errors";
import { formatRelative } from "../../lib/format";
import { EMAIL } from "../registration/shared";
import { BackToSetup } from "./shared";

const ROLES: StaffRole[] = ["front_desk", "nurse", "physician", "admin"];
const STATUS_TONE: Record<StaffAccount["status"], StatusTone> = {
  active: "success",
  invited: "info",
  disabled: "neutral",
};

/** Staff accounts: who works here, in which roles; invite, change roles, turn an account off. */
export function StaffPage() {
  const { t } = useTranslation("clinicAdmin");
  const [invited, setInvited] = useState<string | null>(null);
  return (
    <ListPage
      title={t("staff.title")}
      lead={<p>{t("staff.lead")}</p>}
      before={<BackToSetup />}
      notice={
        invited ? (
          <Alert tone="success" title={t("staff.invitedTitle")} live="polite">
            <p>{t("staff.invitedBody", { email: invited })}</p>
          </Alert>
        ) : null
      }
      query={useQuery(staffQuery())}
      failedTitle={t("common.loadFailed")}
      empty={{ title: t("staff.emptyTitle") }}
      caption={(count) => t("staff.caption", { count })}
      rowKey={(s) => s.id}
      row={(s) => <StaffRow key={s.id} account={s} />}
      columns={[
        { label: t("staff.name") },
        { label: t("staff.roles") },
        { label: t("common.status") },
        { label: t("staff.lastSignIn") },
        { label: t("staff.actions") },
      ]}
    >
      <InviteStaff onInvited={setInvited} />
    </ListPage>
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
  const locations = useQuery(catalogueLocations());
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
  const locations = useQuery(catalogueLocations());
  const locationNames = account.locationIds
    .map((id) => locations.data?.find((l) => l.id === id)?.name)
    .filter((name): name is string => Boolean(name));
  const update = useMutation({
    mutationFn: (body: UpdateStaffRequest) => updateStaff(queryClient, account.id, body),
    onSuccess: () => {
      setRolesOpen(false);
      setStatusOpen(false);
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
        <ConfirmDialog
          title={
            disabled
              ? t("staff.reactivateTitle", { name: account.displayName })
              : t("staff.deactivateTitle", { name: account.displayName })
          }
          isOpen={statusOpen}
          onOpenChange={setStatusOpen}
          confirmLabel={disabled ? t("staff.reactivate") : t("staff.deactivate")}
          confirmVariant={disabled ? "primary" : "danger"}
          isPending={update.isPending}
          onConfirm={() => update.mutate({ status: disabled ? "active" : "disabled" })}
          keepLabel={common("common.cancel")}
        >
          <p>{disabled ? t("staff.reactivateBody") : t("staff.deactivateBody", { name: account.displayName })}</p>
          {update.isError ? <ErrorAlert title={t("common.saveFailed")} error={update.error} /> : null}
        </ConfirmDialog>
      </Cell>
    </tr>
  );
}

function InviteStaff({ onInvited }: { onInvited: (email: string) => void }) {
  const { t } = useTranslation("clinicAdmin");
  const queryClient = useQueryClient();
  const empty = { staffName: "", staffEmail: "", roles: [] as StaffRole[] };
  const form = useForm({
    initial: empty,
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.staffName.trim()) e.staffName = t("staff.errors.name");
      if (!EMAIL.test(v.staffEmail.trim())) e.staffEmail = t("staff.errors.email");
      if (v.roles.length === 0) e.newroles = t("staff.errors.roles");
      return e;
    },
    submit: (v) =>
      inviteStaff(queryClient, {
        displayName: v.staffName.trim(),
        email: v.staffEmail.trim(),
        roles: v.roles,
        locale: currentLocale(),
      }),
    onSuccess: (_, v) => {
      onInvited(v.staffEmail.trim());
      form.reset(empty);
    },
    serverField: renamed({ displayName: "staffName", email: "staffEmail", roles: "newroles" }),
  });

  return (
    <Card title={t("staff.inviteTitle")} id="invite">
      <p>{t("staff.inviteLead")}</p>
      <Form {...form.formProps} aria-label={t("staff.inviteTitle")}>
        <TextField {...form.field("staffName")} label={t("staff.name")} isRequired />
        <TextField
          {...form.field("staffEmail")}
          type="email"
          inputMode="email"
          spellCheck={false}
          label={t("staff.email")}
          isRequired
        />
        <RoleBoxes
          value={form.values.roles}
          onChange={form.set("roles")}
          errorMessage={form.errors.newroles}
          idPrefix="new"
        />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("staff.invite")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
