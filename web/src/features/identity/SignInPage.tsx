import type { LoginResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
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
import { useForm } from "../../kit/use-form";
import { api, setCsrfToken } from "../../lib/api";
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
  const { t } = useTranslation();
  const { redirect, status } = route.useSearch();
  const clinic = useClinic();
  const form = useForm({
    initial: { email: "", password: "" },
    // sign-in details are not work to keep: leaving never asks
    guard: false,
    validate: ({ email, password }) => {
      const next: FieldErrors = {};
      if (!email.trim()) next.email = t("signIn.emailMissing");
      if (!password) next.password = t("signIn.passwordMissing");
      return next;
    },
    submit: ({ email, password }) =>
      api<LoginResponse>("/api/auth/login", {
        method: "POST",
        body: { email: email.trim(), password },
        quietUnauthenticated: true,
      }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      if (result.mfaRequired) navigateTo(withRedirect("/sign-in/verify", redirect));
      else if (result.mfaEnrolmentRequired) navigateTo(withRedirect("/sign-in/set-up-verification", redirect));
      else await finishSignIn(redirect);
    },
    // a refused sign-in never keeps the password
    explain: () => {
      form.update({ password: "" });
      return undefined;
    },
  });

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
      <Form {...form.formProps} aria-label={t("signIn.title")}>
        <TextField
          {...form.field("email")}
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          isRequired
        />
        <PasswordField
          {...form.field("password")}
          label={t("fields.password")}
          autoComplete="current-password"
          isRequired
        />
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("common.signIn")}
          </Button>
          <Link to="/forgot-password">{t("signIn.forgot")}</Link>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
