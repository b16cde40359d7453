import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { useForm } from "../../kit/use-form";
import { api, isApiError } from "../../lib/api";
import { passwordAdvice } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";
import { PasswordStrength } from "./PasswordStrength";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useSearch();
  const [advice, setAdvice] = useState<string[]>([]);
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
    explain: (error) => {
      if (isApiError(error, "weak_password")) {
        const { warning, suggestions } = passwordAdvice(error);
        setAdvice(i18n.language === "en" ? [warning, ...suggestions].filter((s): s is string => Boolean(s)) : []);
        return { errors: { password: t("password.weak") }, formError: null };
      }
      if (isApiError(error, "bad_request") || isApiError(error, "gone")) return { formError: t("reset.expired") };
      return undefined;
    },
  });
  const { password } = form.values;

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
        <PasswordField
          name="password"
          label={t("reset.newPassword")}
          description={t("password.rules")}
          autoComplete="new-password"
          value={password}
          onChange={(v) => {
            form.set("password")(v);
            setAdvice([]);
          }}
          errorMessage={form.errors.password}
          after={<PasswordStrength password={password} advice={advice} />}
        />
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
