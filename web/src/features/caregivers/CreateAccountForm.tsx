import type { InvitationSignUpResponse } from "@portico/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PasswordField } from "../../components/PasswordField";
import { currentLocale } from "../../i18n";
import { api, isApiError, setCsrfToken } from "../../lib/api";
import { errorMessage, passwordAdvice } from "../../lib/errors";
import { finishSignIn } from "../identity/finish-sign-in";
import { PasswordStrength } from "../identity/PasswordStrength";

/**
 * Someone with no account creates one from the invitation: their name and a password. The
 * account uses the email the invitation went to; it accepts the invitation and signs them in.
 */
export function CreateAccountForm({ token, inviterName }: { token: string; inviterName: string }) {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { setPatientId } = useActingFor();
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [advice, setAdvice] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const next: FieldErrors = {};
    if (!displayName.trim()) next.displayName = t("create.nameMissing");
    else if (displayName.trim().length > 120) next.displayName = t("create.nameTooLong");
    if (password.length < 8) next.password = common("password.tooShort");
    else if (password.length > 128) next.password = common("password.tooLong");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const result = await api<InvitationSignUpResponse>("/api/invitations/register", {
        method: "POST",
        body: { token, displayName: displayName.trim(), password, locale: currentLocale() },
        quietUnauthenticated: true,
      });
      setCsrfToken(result.csrfToken);
      setPatientId(result.grant.patientId);
      await finishSignIn("/home?accepted=1");
    } catch (error) {
      if (isApiError(error, "weak_password")) {
        const { warning, suggestions } = passwordAdvice(error);
        setErrors({ password: common("password.weak") });
        setAdvice(i18n.language === "en" ? [warning, ...suggestions].filter((s): s is string => Boolean(s)) : []);
      } else if (isApiError(error, "already_exists")) {
        setFormError(t("create.emailTaken"));
      } else {
        setFormError(errorMessage(error, common, i18n.exists));
      }
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("create.title")}>
      <TextField
        name="displayName"
        label={t("create.nameLabel")}
        description={t("create.nameHint", { name: inviterName })}
        autoComplete="name"
        value={displayName}
        onChange={setDisplayName}
        errorMessage={errors.displayName}
      />
      <PasswordField
        name="password"
        label={t("create.passwordLabel")}
        description={common("password.rules")}
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
          {t("create.submit")}
        </Button>
      </FormActions>
    </Form>
  );
}
