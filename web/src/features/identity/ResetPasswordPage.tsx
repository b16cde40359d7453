import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../kit/use-form";
import { useWeakPassword } from "../../kit/use-weak-password";
import { api, isApiError } from "../../lib/api";
import { AuthLayout } from "./AuthLayout";
import { NewPasswordField } from "./PasswordStrength";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = route.useSearch();
  const weak = useWeakPassword("password");
  const form = useForm({
    initial: { password: "" },
    validate: ({ password }): FieldErrors =>
      password.length < 8 || password.length > 128
        ? { password: password.length < 8 ? t("password.tooShort") : t("password.tooLong") }
        : {},
    submit: ({ password }) =>
      api("/api/auth/password-reset/complete", {
        method: "POST",
        body: { token, password },
        quietUnauthenticated: true,
      }),
    onSuccess: () => navigateTo("/sign-in?status=password-reset"),
    explain: (error) =>
      weak.explain(error) ??
      (isApiError(error, "bad_request") || isApiError(error, "gone") ? { formError: t("reset.expired") } : undefined),
  });

  if (!token || token.length < 16) {
    return (
      <AuthLayout>
        <PageHeader title={t("reset.badLinkTitle")} />
        <Alert tone="warning" title={t("reset.badLinkAlert")}>
          <p>{t("reset.badLinkBody")}</p>
        </Alert>
        <p className="auth-aside">
          <ButtonLink to="/forgot-password">{t("reset.requestNew")}</ButtonLink>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <PageHeader title={t("reset.title")} lead={<p>{t("reset.lead")}</p>} />
      <Form {...form.formProps} aria-label={t("reset.title")}>
        <NewPasswordField {...form.field("password")} label={t("reset.newPassword")} weak={weak} />
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("reset.submit")}
          </Button>
        </FormActions>
      </Form>
      {form.formError === t("reset.expired") ? (
        <p className="auth-aside">
          <ButtonLink to="/forgot-password" variant="secondary">
            {t("reset.requestNew")}
          </ButtonLink>
        </p>
      ) : null}
    </AuthLayout>
  );
}
