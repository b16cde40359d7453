import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";

export function ForgotPasswordPage() {
  const { t, i18n } = useTranslation();
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit() {
    if (!email.trim()) {
      setErrors({ email: t("signIn.emailMissing") });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setFormError(null);
    setPending(true);
    try {
      await api("/api/auth/password-reset/request", {
        method: "POST",
        body: { email: email.trim() },
        quietUnauthenticated: true,
      });
      setSentTo(email.trim());
    } catch (error) {
      setFormError(errorMessage(error, t, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  if (sentTo) {
    return (
      <AuthLayout>
        <PageHeader title={t("forgot.sentTitle")} />
        <Alert tone="success" title={t("forgot.sentAlert")} live="polite">
          <p>{t("forgot.sentBody", { email: sentTo })}</p>
        </Alert>
        <p className="auth-aside">{t("forgot.sentNext")}</p>
        <div className="form-actions">
          <Button variant="secondary" onPress={() => setSentTo(null)}>
            {t("forgot.tryDifferent")}
          </Button>
          <Link to="/sign-in">{t("forgot.backToSignIn")}</Link>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <PageHeader title={t("forgot.title")} lead={<p>{t("forgot.lead")}</p>} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("forgot.title")}>
        <TextField
          name="email"
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
        />
        <FormActions>
          <Button type="submit" isPending={pending} block>
            {t("forgot.submit")}
          </Button>
          <Link to="/sign-in">{t("forgot.backToSignIn")}</Link>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
