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
import { api, isApiError } from "../../lib/api";
import { errorMessage, passwordAdvice } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";
import { PasswordStrength } from "./PasswordStrength";

const route = getRouteApi("/reset-password");

export function ResetPasswordPage() {
  const { t, i18n } = useTranslation();
  const { token } = route.useSearch();
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [advice, setAdvice] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

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

  async function submit() {
    if (password.length < 8 || password.length > 128) {
      setErrors({ password: password.length < 8 ? t("password.tooShort") : t("password.tooLong") });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    try {
      await api("/api/auth/password-reset/complete", {
        method: "POST",
        body: { token, password },
        quietUnauthenticated: true,
      });
      navigateTo("/sign-in?status=password-reset");
    } catch (error) {
      if (isApiError(error, "weak_password")) {
        const { warning, suggestions } = passwordAdvice(error);
        setErrors({ password: t("password.weak") });
        setAdvice(i18n.language === "en" ? [warning, ...suggestions].filter((s): s is string => Boolean(s)) : []);
      } else if (isApiError(error, "bad_request") || isApiError(error, "gone")) {
        setFormError(t("reset.expired"));
      } else {
        setFormError(errorMessage(error, t, i18n.exists));
      }
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeader title={t("reset.title")} lead={<p>{t("reset.lead")}</p>} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("reset.title")}>
        <PasswordField
          name="password"
          label={t("reset.newPassword")}
          description={t("password.rules")}
          autoComplete="new-password"
          value={password}
          onChange={(v) => {
            setPassword(v);
            setAdvice([]);
          }}
          errorMessage={errors.password}
          after={<PasswordStrength password={password} advice={advice} />}
        />
        <FormActions>
          <Button type="submit" isPending={pending} block>
            {t("reset.submit")}
          </Button>
        </FormActions>
      </Form>
      {formError === t("reset.expired") ? (
        <p className="auth-aside">
          <ButtonLink to="/forgot-password" variant="secondary">
            {t("reset.requestNew")}
          </ButtonLink>
        </p>
      ) : null}
    </AuthLayout>
  );
}
