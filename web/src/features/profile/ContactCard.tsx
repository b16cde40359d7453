import type { PatientProfile } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { AddressFields, addressOf } from "../../components/person/PersonFields";
import { Select } from "../../components/Select";
import { lastPathPart } from "../../lib/errors";
import { EMAIL, LANGUAGES, PHONE, POSTAL } from "../registration/shared";
import "../registration/registration.css";
import { formOf, Row, Saved, useSection } from "./detail-section";

const ADDRESS_FIELDS = ["line1", "line2", "city", "region", "postalCode"];

export function ContactCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation("registration");
  const form = useSection(profile, formOf, {
    validate: (v) => {
      const e: FieldErrors = {};
      if (v.phone.trim() && !PHONE.test(v.phone.trim())) e.phone = t("person.errors.phoneInvalid");
      if (v.email.trim() && !EMAIL.test(v.email.trim())) e.email = t("person.errors.emailInvalid");
      if (addressOf(v)) {
        if (!v.line1.trim()) e.line1 = t("person.errors.line1");
        if (!v.city.trim()) e.city = t("person.errors.city");
        if (!v.region.trim()) e.region = t("person.errors.region");
        if (!POSTAL.test(v.postalCode.trim())) e.postalCode = t("person.errors.postalCode");
      }
      return e;
    },
    // the server names "address.line1"; this form's field is "line1"
    serverField: (path) => {
      const last = lastPathPart(path);
      return path.startsWith("address.") && ADDRESS_FIELDS.includes(last) ? last : path;
    },
    labels: {
      preferredName: t("person.preferredName"),
      phone: t("person.phone"),
      email: t("person.email"),
      preferredLanguage: t("person.language"),
      line1: t("person.line1"),
      line2: t("person.line2"),
      city: t("person.city"),
      region: t("person.region"),
      postalCode: t("person.postalCode"),
    },
    patch: async (v) => ({
      preferredName: v.preferredName.trim() || null,
      phone: v.phone.trim() || null,
      email: v.email.trim() || null,
      address: addressOf(v) ?? null,
      preferredLanguage: v.preferredLanguage,
    }),
  });

  if (!canEdit) {
    return (
      <Card title={t("details.contactTitle")} id="contact">
        <dl className="summary-list">
          <Row label={t("person.phone")}>{profile.phone ?? t("compare.none")}</Row>
          <Row label={t("person.email")}>{profile.email ?? t("compare.none")}</Row>
          <Row label={t("person.language")}>
            {LANGUAGES.find((l) => l.id === profile.preferredLanguage)?.label ?? profile.preferredLanguage}
          </Row>
        </dl>
      </Card>
    );
  }
  return (
    <Card title={t("details.contactTitle")} id="contact">
      <Form {...form.formProps} aria-label={t("details.contactTitle")}>
        <TextField
          {...form.field("preferredName")}
          label={t("person.optional", { label: t("person.preferredName") })}
          description={t("person.preferredHintSelf")}
        />
        <TextField
          {...form.field("phone")}
          type="tel"
          inputMode="tel"
          width="medium"
          label={t("person.phone")}
          description={t("person.phoneHint")}
          autoComplete="tel"
        />
        <TextField
          {...form.field("email")}
          type="email"
          inputMode="email"
          spellCheck={false}
          label={t("person.email")}
          description={t("details.emailHint")}
          autoComplete="email"
        />
        <Select
          {...form.field("preferredLanguage")}
          label={t("person.language")}
          description={t("person.languageHint")}
          width="medium"
          options={LANGUAGES}
        />
        <AddressFields value={form.values} onChange={form.update} errors={form.errors} voice="self" />
        <Saved show={form.saved} message={t("details.savedContact")} />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("details.saveContact")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
