import type { LoginResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useClinic } from "../../app/clinic";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { PasswordField } from "../../components/PasswordField";
import { api, isApiError, setCsrfToken } from "../../lib/api";
import { errorMessage, fieldErrorsFrom, passwordAdvice } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";
import { DateOfBirthInput, type DateParts, toIsoDate } from "./DateOfBirthInput";
import { finishSignIn } from "./finish-sign-in";
import { PasswordStrength } from "./PasswordStrength";

const route = getRouteApi("/activate");
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A patient turns the activation code from the clinic into a login. */
export function ActivatePage() {
  const { t, i18n } = useTranslation();
  const clinic = useClinic();
  const search = route.useSearch();
  const [code, setCode] = useState(search.code ?? "");
  const [dob, setDob] = useState<DateParts>({ day: "", month: "", year: "" });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [advice, setAdvice] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const next: FieldErrors = {};
    const normalisedCode = code.trim().toUpperCase();
    if (normalisedCode.replace(/[^0-9A-Z]/g, "").length < 4) next.activationCode = t("activate.codeMissing");
    const dateOfBirth = toIsoDate(dob);
    if (!dob.day && !dob.month && !dob.year) next.dateOfBirth = t("activate.dobMissing");
    else if (!dateOfBirth) next.dateOfBirth = t("activate.dobInvalid");
    if (!email.trim()) next.email = t("activate.emailMissing");
    else if (!EMAIL.test(email.trim())) next.email = t("activate.emailInvalid");
    if (password.length < 8) next.password = t("password.tooShort");
    else if (password.length > 128) next.password = t("password.tooLong");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const result = await api<LoginResponse>("/api/auth/activate", {
        method: "POST",
        body: { activationCode: normalisedCode, dateOfBirth, email: email.trim(), password },
        quietUnauthenticated: true,
      });
      setCsrfToken(result.csrfToken);
      if (result.mfaRequired) navigateTo("/sign-in/verify");
      else await finishSignIn("/home?welcome=1");
    } catch (error) {
      if (isApiError(error, "weak_password")) {
        const { warning, suggestions } = passwordAdvice(error);
        setErrors({ password: t("password.weak") });
        setAdvice(i18n.language === "en" ? [warning, ...suggestions].filter((s): s is string => Boolean(s)) : []);
      } else {
        setErrors(fieldErrorsFrom(error, { message: () => t("form.checkField") }));
        setFormError(errorMessage(error, t, i18n.exists));
      }
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <AuthLayout
      aside={
        <>
          <h2>{t("activate.noCodeTitle")}</h2>
          <p>
            {t("activate.noCodeBody")}{" "}
            {clinic ? <a href={`tel:${clinic.phone.replace(/[^\d+]/g, "")}`}>{clinic.phone}</a> : null}
          </p>
          <p>
            {t("activate.haveAccount")} <Link to="/sign-in">{t("common.signIn")}</Link>
          </p>
        </>
      }
    >
      <PageHeader title={t("activate.title")} lead={<p>{t("activate.lead")}</p>} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("activate.title")}>
        <TextField
          name="activationCode"
          label={t("activate.codeLabel")}
          description={t("activate.codeHint")}
          autoComplete="off"
          spellCheck={false}
          width="medium"
          value={code}
          onChange={setCode}
          errorMessage={errors.activationCode}
        />
        <DateOfBirthInput name="dateOfBirth" value={dob} onChange={setDob} errorMessage={errors.dateOfBirth} />
        <TextField
          name="email"
          label={t("fields.email")}
          description={t("activate.emailHint")}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
        />
        <PasswordField
          name="password"
          label={t("activate.passwordLabel")}
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
            {t("activate.submit")}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
