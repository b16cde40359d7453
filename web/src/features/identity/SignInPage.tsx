import type { LoginResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClinic } from "../../app/clinic";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { api, setCsrfToken } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";
import { finishSignIn, withRedirect } from "./finish-sign-in";

const route = getRouteApi("/sign-in");

const STATUS_TONE: Record<string, "success" | "info" | "warning"> = {
  "signed-out": "success",
  "password-reset": "success",
  timeout: "warning",
  expired: "info",
};

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { redirect, status } = route.useSearch();
  const clinic = useClinic();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const next: FieldErrors = {};
    if (!email.trim()) next.email = t("signIn.emailMissing");
    if (!password) next.password = t("signIn.passwordMissing");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const result = await api<LoginResponse>("/api/auth/login", {
        method: "POST",
        body: { email: email.trim(), password },
        quietUnauthenticated: true,
      });
      setCsrfToken(result.csrfToken);
      if (result.mfaRequired) navigateTo(withRedirect("/sign-in/verify", redirect));
      else if (result.mfaEnrolmentRequired) navigateTo(withRedirect("/sign-in/set-up-verification", redirect));
      else await finishSignIn(redirect);
    } catch (error) {
      setPassword("");
      setFormError(errorMessage(error, t, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const statusTone = status ? STATUS_TONE[status] : undefined;
  return (
    <AuthLayout
      aside={
        <>
          <h2>{t("signIn.newTitle")}</h2>
          <p>
            {t("signIn.newBody")} <Link to="/activate">{t("signIn.activateLink")}</Link>
          </p>
          {clinic ? (
            <p className="text-muted">
              {t("signIn.help")} <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>{clinic.phone}</a>
            </p>
          ) : null}
        </>
      }
    >
      {statusTone ? (
        <Alert tone={statusTone} title={t(`signIn.status.${status}.title`)} live="polite" className="auth-status">
          <p>{t(`signIn.status.${status}.body`)}</p>
        </Alert>
      ) : null}
      <PageHeader title={t("signIn.title")} lead={<p>{t("signIn.lead")}</p>} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("signIn.title")}>
        <TextField
          name="email"
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          isRequired
        />
        <PasswordField
          name="password"
          label={t("fields.password")}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={errors.password}
          isRequired
        />
        <FormActions>
          <Button type="submit" isPending={pending} block>
            {t("common.signIn")}
          </Button>
          <Link to="/forgot-password">{t("signIn.forgot")}</Link>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
