import type { SessionSummary } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isStaff, meQueryKey, useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { useWeakPassword } from "../../kit/use-weak-password";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, formatRelative, localTimeZone } from "../../lib/format";
import { describeDevice } from "./device";
import { NewPasswordField } from "./PasswordStrength";
import { useReauth } from "./ReauthDialog";

const route = getRouteApi("/signed-in/account/security");

export function SecurityPage() {
  const { t } = useTranslation();
  const { status } = route.useSearch();
  const reauth = useReauth();
  return (
    <div className="stack">
      <PageHeader title={t("security.title")} lead={<p>{t("security.lead")}</p>} />
      {status === "mfa-on" ? (
        <Alert tone="success" title={t("security.mfaOnTitle")} live="polite">
          <p>{t("security.mfaOnBody")}</p>
        </Alert>
      ) : null}
      <ChangePassword runWithReauth={reauth.run} />
      <TwoStep runWithReauth={reauth.run} />
      <Sessions />
      {reauth.dialog}
    </div>
  );
}

type RunWithReauth = <T>(action: () => Promise<T>) => Promise<T | undefined>;

function ChangePassword({ runWithReauth }: { runWithReauth: RunWithReauth }) {
  const { t } = useTranslation();
  const weak = useWeakPassword("newPassword");
  const [done, setDone] = useState(false);
  const empty = { currentPassword: "", newPassword: "" };
  const form = useForm({
    initial: empty,
    validate: ({ currentPassword, newPassword }) => {
      const next: FieldErrors = {};
      if (!currentPassword) next.currentPassword = t("security.currentMissing");
      if (newPassword.length < 8) next.newPassword = t("password.tooShort");
      else if (newPassword.length > 128) next.newPassword = t("password.tooLong");
      return next;
    },
    // undefined when the person closed the password check instead of confirming
    submit: (body) => runWithReauth(() => api("/api/auth/password", { method: "POST", body }).then(() => true)),
    onSuccess: (changed) => {
      setDone(Boolean(changed));
      if (changed) form.reset(empty);
    },
    explain: (error) =>
      weak.explain(error) ??
      (isApiError(error, "invalid_credentials")
        ? { errors: { currentPassword: t("security.currentWrong") }, formError: null }
        : { errors: {} }),
  });

  return (
    <Card title={t("security.passwordTitle")} id="password">
      {done && form.saved ? (
        <Alert tone="success" title={t("security.passwordChanged")} live="polite">
          <p>{t("security.passwordChangedBody")}</p>
        </Alert>
      ) : null}
      <Form {...form.formProps} aria-label={t("security.passwordTitle")}>
        <PasswordField
          {...form.field("currentPassword")}
          label={t("security.currentPassword")}
          autoComplete="current-password"
        />
        <NewPasswordField {...form.field("newPassword")} label={t("reset.newPassword")} weak={weak} />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("security.changePassword")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

function TwoStep({ runWithReauth }: { runWithReauth: RunWithReauth }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const disable = useMutation({
    mutationFn: () => runWithReauth(() => api("/api/auth/mfa", { method: "DELETE" }).then(() => true)),
    onSuccess: async () => {
      setConfirmOpen(false);
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
  if (!me) return null;
  const staff = isStaff(me);
  const on = me.user.mfaEnabled;
  return (
    <Card title={t("security.mfaTitle")} id="two-step">
      <p>
        <StatusChip tone={on ? "success" : "neutral"}>{on ? t("security.mfaOn") : t("security.mfaOff")}</StatusChip>
      </p>
      <p>{t("security.mfaExplain")}</p>
      {staff ? (
        <p className="text-muted">{t("security.mfaStaff")}</p>
      ) : on ? (
        <>
          {disable.isError ? <ErrorAlert title={t("security.mfaOffFailed")} error={disable.error} /> : null}
          <Button variant="secondary" onPress={() => setConfirmOpen(true)}>
            {t("security.mfaTurnOff")}
          </Button>
          <ConfirmDialog
            title={t("security.mfaOffConfirmTitle")}
            isOpen={confirmOpen}
            onOpenChange={setConfirmOpen}
            confirmLabel={t("security.mfaTurnOff")}
            isPending={disable.isPending}
            onConfirm={() => disable.mutate()}
            keepLabel={t("security.mfaKeepOn")}
          >
            <p>{t("security.mfaOffConfirmBody")}</p>
          </ConfirmDialog>
        </>
      ) : (
        <ButtonLink to="/account/security/two-step">{t("security.mfaTurnOn")}</ButtonLink>
      )}
    </Card>
  );
}

function Sessions() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const sessions = useQuery({
    queryKey: ["sessions"],
    queryFn: () => api<{ sessions: SessionSummary[] }>("/api/auth/sessions"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["sessions"] }),
  });
  const zone = localTimeZone();
  return (
    <Card title={t("security.sessionsTitle")} id="sessions">
      <p>{t("security.sessionsLead")}</p>
      {sessions.isPending ? <LoadingState /> : null}
      {sessions.isError ? (
        <Alert tone="error" title={t("security.sessionsFailed")}>
          <p>{errorMessage(sessions.error, t, i18n.exists)}</p>
        </Alert>
      ) : null}
      {revoke.isError ? <ErrorAlert title={t("security.signOutFailed")} error={revoke.error} /> : null}
      {sessions.data ? (
        <ul className="session-list">
          {[...sessions.data.sessions]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
            .map((session) => {
              const device = describeDevice(session.userAgent, t);
              return (
                <li key={session.id}>
                  <div>
                    <p className="session__device">
                      {device}
                      {session.current ? <StatusChip tone="info">{t("security.thisDevice")}</StatusChip> : null}
                    </p>
                    <p className="session__meta">
                      {t("security.lastActive", { when: formatRelative(session.lastSeenAt, locale) })}
                      {" · "}
                      {t("security.signedIn", { when: formatDateTime(session.createdAt, zone, locale) })}
                      {session.ipAddress ? ` · ${t("security.ip", { ip: session.ipAddress })}` : ""}
                    </p>
                  </div>
                  {session.current ? null : (
                    <Button
                      variant="secondary"
                      isPending={revoke.isPending && revoke.variables === session.id}
                      onPress={() => revoke.mutate(session.id)}
                      aria-label={t("security.signOutSessionNamed", { device })}
                    >
                      {t("security.signOutSession")}
                    </Button>
                  )}
                </li>
              );
            })}
        </ul>
      ) : null}
    </Card>
  );
}
