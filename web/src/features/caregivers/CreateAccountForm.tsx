import type { InvitationSignUpResponse } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { useWeakPassword } from "../../kit/use-weak-password";
import { api, isApiError, setCsrfToken } from "../../lib/api";
import { finishSignIn } from "../identity/finish-sign-in";
import { NewPasswordField } from "../identity/PasswordStrength";

/**
 * Someone with no account creates one from the invitation: their name and a password. The
 * account uses the email the invitation went to; it accepts the invitation and signs them in.
 */
export function CreateAccountForm({ token, inviterName }: { token: string; inviterName: string }) {
  const { t } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { setPatientId } = useActingFor();
  const weak = useWeakPassword("password");
  const form = useForm({
    initial: { displayName: "", password: "" },
    validate: ({ displayName, password }) => {
      const next: FieldErrors = {};
      if (!displayName.trim()) next.displayName = t("create.nameMissing");
      else if (displayName.trim().length > 120) next.displayName = t("create.nameTooLong");
      if (password.length < 8) next.password = common("password.tooShort");
      else if (password.length > 128) next.password = common("password.tooLong");
      return next;
    },
    submit: ({ displayName, password }) =>
      api<InvitationSignUpResponse>("/api/invitations/register", {
        method: "POST",
        body: { token, displayName: displayName.trim(), password, locale: currentLocale() },
        quietUnauthenticated: true,
      }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      setPatientId(result.grant.patientId);
      await finishSignIn("/home?accepted=1");
    },
    explain: (error) =>
      weak.explain(error) ?? (isApiError(error, "already_exists") ? { formError: t("create.emailTaken") } : undefined),
  });

  return (
    <Form {...form.formProps} aria-label={t("create.title")}>
      <TextField
        {...form.field("displayName")}
        label={t("create.nameLabel")}
        description={t("create.nameHint", { name: inviterName })}
        autoComplete="name"
      />
      <NewPasswordField {...form.field("password")} label={t("create.passwordLabel")} weak={weak} />
      <FormActions>
        <Button type="submit" isPending={form.pending} block>
          {t("create.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
