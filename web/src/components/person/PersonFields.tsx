import type { Address, EmergencyContact, RegisterPatientRequest } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { bindGroup } from "../../kit/bind-field";
import type { FieldErrors } from "../Form";
import { TextField } from "../fields";
import { Select } from "../Select";
import { DateOfBirthInput, type DateParts, toIsoDate } from "./DateOfBirthInput";
import { EMAIL, LANGUAGES, PHONE, POSTAL, SEXES } from "./person-data";
import "../../features/registration/registration.css";

/** Demographics as typed: every box is a string until it is sent. */
export interface PersonForm {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  dob: DateParts;
  sex: string;
  genderIdentity: string;
  phone: string;
  email: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  preferredLanguage: string;
  ecName: string;
  ecRelationship: string;
  ecPhone: string;
}

export const emptyPerson: PersonForm = {
  legalGivenName: "",
  legalFamilyName: "",
  preferredName: "",
  dob: { day: "", month: "", year: "" },
  sex: "",
  genderIdentity: "",
  phone: "",
  email: "",
  line1: "",
  line2: "",
  city: "",
  region: "",
  postalCode: "",
  preferredLanguage: "en",
  ecName: "",
  ecRelationship: "",
  ecPhone: "",
};

type T = (key: string, options?: Record<string, unknown>) => string;

export function addressOf(form: PersonForm): Address | undefined {
  if (![form.line1, form.line2, form.city, form.region, form.postalCode].some((v) => v.trim())) return undefined;
  return {
    line1: form.line1.trim(),
    ...(form.line2.trim() ? { line2: form.line2.trim() } : {}),
    city: form.city.trim(),
    region: form.region.trim(),
    postalCode: form.postalCode.trim(),
    country: "US",
  };
}

export function emergencyContactOf(form: PersonForm): EmergencyContact | undefined {
  if (![form.ecName, form.ecRelationship, form.ecPhone].some((v) => v.trim())) return undefined;
  return { name: form.ecName.trim(), relationship: form.ecRelationship.trim(), phone: form.ecPhone.trim() };
}

/** Checks what can be checked here; `require` lists the contact details this form insists on. */
export function validatePerson(
  form: PersonForm,
  t: T,
  require: { phone?: boolean; email?: boolean } = {},
): FieldErrors {
  const e: FieldErrors = {};
  if (!form.legalGivenName.trim()) e.legalGivenName = t("person.errors.givenName");
  if (!form.legalFamilyName.trim()) e.legalFamilyName = t("person.errors.familyName");
  if (!form.dob.day && !form.dob.month && !form.dob.year) e.dateOfBirth = t("person.errors.dobMissing");
  else if (!toIsoDate(form.dob)) e.dateOfBirth = t("person.errors.dobInvalid");
  if (!form.sex) e.sex = t("person.errors.sex");
  if (require.phone && !form.phone.trim()) e.phone = t("person.errors.phoneMissing");
  else if (form.phone.trim() && !PHONE.test(form.phone.trim())) e.phone = t("person.errors.phoneInvalid");
  if (require.email && !form.email.trim()) e.email = t("person.errors.emailMissing");
  else if (form.email.trim() && !EMAIL.test(form.email.trim())) e.email = t("person.errors.emailInvalid");
  if (addressOf(form)) {
    if (!form.line1.trim()) e.line1 = t("person.errors.line1");
    if (!form.city.trim()) e.city = t("person.errors.city");
    if (!form.region.trim()) e.region = t("person.errors.region");
    if (!POSTAL.test(form.postalCode.trim())) e.postalCode = t("person.errors.postalCode");
  }
  if (emergencyContactOf(form)) {
    if (!form.ecName.trim()) e.ecName = t("person.errors.ecName");
    if (!form.ecRelationship.trim()) e.ecRelationship = t("person.errors.ecRelationship");
    if (!PHONE.test(form.ecPhone.trim())) e.ecPhone = t("person.errors.ecPhone");
  }
  return e;
}

/** The demographics part of a registration request. */
export function personRequest(
  form: PersonForm,
): Pick<
  RegisterPatientRequest,
  | "legalGivenName"
  | "legalFamilyName"
  | "preferredName"
  | "dateOfBirth"
  | "sex"
  | "genderIdentity"
  | "phone"
  | "email"
  | "address"
  | "preferredLanguage"
  | "emergencyContact"
> {
  const address = addressOf(form);
  const emergencyContact = emergencyContactOf(form);
  return {
    legalGivenName: form.legalGivenName.trim(),
    legalFamilyName: form.legalFamilyName.trim(),
    ...(form.preferredName.trim() ? { preferredName: form.preferredName.trim() } : {}),
    dateOfBirth: toIsoDate(form.dob) ?? "",
    sex: form.sex as RegisterPatientRequest["sex"],
    ...(form.genderIdentity.trim() ? { genderIdentity: form.genderIdentity.trim() } : {}),
    ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
    ...(form.email.trim() ? { email: form.email.trim() } : {}),
    ...(address ? { address } : {}),
    preferredLanguage: form.preferredLanguage || "en",
    ...(emergencyContact ? { emergencyContact } : {}),
  };
}

interface PersonFieldsProps {
  value: PersonForm;
  onChange: (next: PersonForm) => void;
  errors: FieldErrors;
  /** "self": the person is filling it in about themself */
  voice: "staff" | "self";
  require?: { phone?: boolean; email?: boolean };
}

/** Name, birth, contact, address, language and emergency contact, in labelled groups. */
export function PersonFields({ value, onChange, errors, voice, require = {} }: PersonFieldsProps) {
  const { t } = useTranslation("registration");
  const { set, field } = bindGroup(value, errors, onChange);
  const optional = (label: string) => t("person.optional", { label });
  return (
    <>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("person.nameTitle")}</legend>
        <TextField
          {...field("legalGivenName")}
          label={t("person.givenName")}
          description={voice === "self" ? t("person.legalHintSelf") : t("person.legalHint")}
          autoComplete={voice === "self" ? "given-name" : "off"}
          isRequired
        />
        <TextField
          {...field("legalFamilyName")}
          label={t("person.familyName")}
          autoComplete={voice === "self" ? "family-name" : "off"}
          isRequired
        />
        <TextField
          {...field("preferredName")}
          label={optional(t("person.preferredName"))}
          description={voice === "self" ? t("person.preferredHintSelf") : t("person.preferredHint")}
          autoComplete="off"
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("person.birthTitle")}</legend>
        <DateOfBirthInput
          name="dateOfBirth"
          value={value.dob}
          onChange={(dob) => onChange({ ...value, dob })}
          errorMessage={errors.dateOfBirth}
        />
        <Select
          {...field("sex")}
          label={t("person.sex")}
          description={t("person.sexHint")}
          width="medium"
          placeholder={t("person.choose")}
          options={SEXES.map((s) => ({ id: s, label: t(`sex.${s}`) }))}
          isRequired
        />
        <TextField
          {...field("genderIdentity")}
          label={optional(t("person.genderIdentity"))}
          description={t("person.genderIdentityHint")}
        />
      </fieldset>

      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("person.contactTitle")}</legend>
        <TextField
          {...field("phone")}
          type="tel"
          inputMode="tel"
          width="medium"
          label={require.phone ? t("person.phone") : optional(t("person.phone"))}
          description={t("person.phoneHint")}
          autoComplete={voice === "self" ? "tel" : "off"}
          isRequired={require.phone}
        />
        <TextField
          {...field("email")}
          type="email"
          inputMode="email"
          label={require.email ? t("person.email") : optional(t("person.email"))}
          description={voice === "self" ? t("person.emailHintSelf") : t("person.emailHint")}
          autoComplete={voice === "self" ? "email" : "off"}
          spellCheck={false}
          isRequired={require.email}
        />
        <Select
          name="preferredLanguage"
          label={t("person.language")}
          description={t("person.languageHint")}
          width="medium"
          value={value.preferredLanguage}
          onChange={set("preferredLanguage")}
          options={LANGUAGES}
        />
      </fieldset>

      <AddressFields value={value} onChange={onChange} errors={errors} voice={voice} />
      <EmergencyContactFields value={value} onChange={onChange} errors={errors} />
    </>
  );
}

export function AddressFields({
  value,
  onChange,
  errors,
  voice,
}: Pick<PersonFieldsProps, "value" | "onChange" | "errors" | "voice">) {
  const { t } = useTranslation("registration");
  const { field } = bindGroup(value, errors, onChange);
  const auto = (token: string) => (voice === "self" ? token : "off");
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t("person.addressTitle")}</legend>
      <p className="field__hint">{t("person.addressHint")}</p>
      <TextField {...field("line1")} label={t("person.line1")} autoComplete={auto("address-line1")} />
      <TextField
        {...field("line2")}
        label={t("person.optional", { label: t("person.line2") })}
        autoComplete={auto("address-line2")}
      />
      <TextField {...field("city")} label={t("person.city")} width="medium" autoComplete={auto("address-level2")} />
      <TextField {...field("region")} label={t("person.region")} width="short" autoComplete={auto("address-level1")} />
      <TextField
        {...field("postalCode")}
        label={t("person.postalCode")}
        width="short"
        autoComplete={auto("postal-code")}
      />
    </fieldset>
  );
}

export function EmergencyContactFields({
  value,
  onChange,
  errors,
  legendHidden = false,
}: Pick<PersonFieldsProps, "value" | "onChange" | "errors"> & {
  /** the page already shows the title (a card's heading): the legend is for screen readers only */
  legendHidden?: boolean;
}) {
  const { t } = useTranslation("registration");
  const { field } = bindGroup(value, errors, onChange);
  return (
    <fieldset className="fieldset">
      <legend className={legendHidden ? "visually-hidden" : "fieldset__legend"}>{t("person.emergencyTitle")}</legend>
      <p className="field__hint">{t("person.emergencyHint")}</p>
      <TextField {...field("ecName")} label={t("person.ecName")} autoComplete="off" />
      <TextField
        {...field("ecRelationship")}
        label={t("person.ecRelationship")}
        description={t("person.ecRelationshipHint")}
        width="medium"
      />
      <TextField
        {...field("ecPhone")}
        type="tel"
        inputMode="tel"
        width="medium"
        label={t("person.ecPhone")}
        autoComplete="off"
      />
    </fieldset>
  );
}
