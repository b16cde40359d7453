import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { AuthLayout } from "./AuthLayout";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initial: { email: "" },
    // sign-in details are not work to keep: leaving never asks
    guard: false,
    validate: (v): FieldErrors => (v.email.trim() ? {} : { email: t("signIn.emailMissing") }),
    submit: (v) =>
      api("/api/auth/password-reset/request", {
        method: "POST",
        body: { email: v.email.trim() },
        quietUnauthenticated: true,
      }),
    onSuccess: (_, v) => setSentTo(v.email.trim()),
  });

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
      <Form {...form.formProps} aria-label={t("forgot.title")}>
        <TextField
          {...form.field("email")}
          label={t("fields.email")}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
        />
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("forgot.submit")}
          </Button>
          <Link to="/sign-in">{t("forgot.backToSignIn")}</Link>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
