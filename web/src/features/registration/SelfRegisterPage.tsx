import type { SelfRegistrationRequest } from "@portico/contracts";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClinic } from "../../app/clinic";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import {
  emptyPerson,
  PersonFields,
  type PersonForm,
  personRequest,
  validatePerson,
} from "../../components/person/PersonFields";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { useWeakPassword } from "../../kit/use-weak-password";
import { api } from "../../lib/api";
import { lastPathPart } from "../../lib/errors";
import { browserTimeZone } from "../../lib/format";
import { NewPasswordField } from "../identity/PasswordStrength";

/** A new patient asks to join: their record waits until the front desk has checked it. */
export function SelfRegisterPage() {
  const { t } = useTranslation("registration");
  const common = useTranslation().t;
  const clinic = useClinic();
  const weak = useWeakPassword("password");
  const [done, setDone] = useState(false);
  // until they pick a language themselves, theirs is the one this page is in (switching the
  // page switches it): it becomes the account's and the chart's, for pages and emails
  const languageChosen = useRef(false);
  const withLanguage = (p: PersonForm): PersonForm =>
    languageChosen.current ? p : { ...p, preferredLanguage: currentLocale() };
  const form = useForm({
    initial: { person: emptyPerson as PersonForm, password: "" },
    validate: ({ person, password }) => {
      const next = validatePerson(person, t, { phone: true, email: true });
      if (password.length < 8) next.password = common("password.tooShort");
      else if (password.length > 128) next.password = common("password.tooLong");
      return next;
    },
    submit: ({ person, password }) => {
      const request = personRequest(withLanguage(person));
      const body: SelfRegistrationRequest = {
        ...request,
        phone: request.phone ?? "",
        email: request.email ?? "",
        password,
        // the browser's zone: video visits are shown in the patient's own zone
        timeZone: browserTimeZone(),
      };
      return api("/api/registrations", { method: "POST", body, quietUnauthenticated: true });
    },
    onSuccess: () => setDone(true),
    explain: weak.explain,
    serverField: lastPathPart,
    serverMessage: () => t("register.checkField"),
  });
  const { person } = form.values;

  if (done) return <Received email={person.email.trim()} phone={clinic?.phone} />;

  return (
    <div className="stack narrow">
      <PageHeader
        title={t("self.title")}
        lead={
          <>
            <p>{t("self.lead")}</p>
            <p>
              {t("self.already")} <Link to="/activate">{t("self.activateLink")}</Link>
            </p>
          </>
        }
      />
      <Form {...form.formProps} aria-label={t("self.title")}>
        <PersonFields
          value={withLanguage(person)}
          onChange={(next) => {
            if (next.preferredLanguage !== withLanguage(person).preferredLanguage) languageChosen.current = true;
            form.set("person")(next);
          }}
          errors={form.errors}
          voice="self"
          require={{ phone: true, email: true }}
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("self.passwordTitle")}</legend>
          <NewPasswordField {...form.field("password")} label={t("self.password")} weak={weak} />
        </fieldset>
        <p className="text-muted">{t("self.privacy")}</p>
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("self.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}

function Received({ email, phone }: { email: string; phone?: string }) {
  const { t } = useTranslation("registration");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
    window.scrollTo(0, 0);
  }, []);
  return (
    <div className="stack narrow" ref={ref} tabIndex={-1}>
      <PageHeader title={t("self.doneTitle")} />
      <Alert tone="success" title={t("self.doneAlert")} live="polite">
        <p>{t("self.doneBody", { email })}</p>
      </Alert>
      <h2 className="section-title">{t("self.nextTitle")}</h2>
      <ol className="steps">
        <li>{t("self.next1")}</li>
        <li>{t("self.next2")}</li>
        <li>{t("self.next3")}</li>
      </ol>
      <p>{phone ? t("self.questionsPhone", { phone }) : t("self.questions")}</p>
      <p>
        <Link to="/">{t("self.backHome")}</Link>
      </p>
    </div>
  );
}
