import type { LoginResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useClinic } from "../../app/clinic";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { DateOfBirthInput, type DateParts, toIsoDate } from "../../components/person/DateOfBirthInput";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { useWeakPassword } from "../../kit/use-weak-password";
import { api, setCsrfToken } from "../../lib/api";
import { browserTimeZone } from "../../lib/format";
import { AuthLayout } from "./AuthLayout";
import { finishSignIn } from "./finish-sign-in";
import { NewPasswordField } from "./PasswordStrength";

const route = getRouteApi("/activate");
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A patient turns the activation code from the clinic into a login. */
export function ActivatePage() {
  const { t } = useTranslation();
  const clinic = useClinic();
  const search = route.useSearch();
  const weak = useWeakPassword("password");
  const form = useForm({
    initial: {
      activationCode: search.code ?? "",
      dob: { day: "", month: "", year: "" } as DateParts,
      email: "",
      password: "",
    },
    validate: ({ activationCode, dob, email, password }) => {
      const next: FieldErrors = {};
      if (
        activationCode
          .trim()
          .toUpperCase()
          .replace(/[^0-9A-Z]/g, "").length < 4
      )
        next.activationCode = t("activate.codeMissing");
      if (!dob.day && !dob.month && !dob.year) next.dateOfBirth = t("activate.dobMissing");
      else if (!toIsoDate(dob)) next.dateOfBirth = t("activate.dobInvalid");
      if (!email.trim()) next.email = t("activate.emailMissing");
      else if (!EMAIL.test(email.trim())) next.email = t("activate.emailInvalid");
      if (password.length < 8) next.password = t("password.tooShort");
      else if (password.length > 128) next.password = t("password.tooLong");
      return next;
    },
    submit: ({ activationCode, dob, email, password }) =>
      api<LoginResponse>("/api/auth/activate", {
        method: "POST",
        body: {
          activationCode: activationCode.trim().toUpperCase(),
          dateOfBirth: toIsoDate(dob) ?? "",
          email: email.trim(),
          password,
          // the browser's zone becomes the patient's own if the record has none (video visits)
          timeZone: browserTimeZone(),
          // the language this page is in becomes the account's (pages and emails)
          locale: currentLocale(),
        },
        quietUnauthenticated: true,
      }),
    onSuccess: async (result) => {
      setCsrfToken(result.csrfToken);
      if (result.mfaRequired) navigateTo("/sign-in/verify");
      else await finishSignIn("/home?welcome=1");
    },
    explain: weak.explain,
  });

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
      <Form {...form.formProps} aria-label={t("activate.title")}>
        <TextField
          {...form.field("activationCode")}
          label={t("activate.codeLabel")}
          description={t("activate.codeHint")}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <DateOfBirthInput
          name="dateOfBirth"
          value={form.values.dob}
          onChange={form.set("dob")}
          errorMessage={form.errors.dateOfBirth}
        />
        <TextField
          {...form.field("email")}
          label={t("fields.email")}
          description={t("activate.emailHint")}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
        />
        <NewPasswordField {...form.field("password")} label={t("activate.passwordLabel")} weak={weak} />
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("activate.submit")}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
