import type { PatientProfile } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { EmergencyContactFields, emergencyContactOf } from "../../components/person/PersonFields";
import { Select } from "../../components/Select";
import { PHONE, pharmaciesQuery } from "../registration/shared";
import "../registration/registration.css";
import { formOf, Saved, useSection } from "./detail-section";

const EC_FIELDS: Record<string, string> = {
  "emergencyContact.name": "ecName",
  "emergencyContact.relationship": "ecRelationship",
  "emergencyContact.phone": "ecPhone",
};

export function EmergencyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation("registration");
  const form = useSection(profile, formOf, {
    validate: (v) => {
      const e: FieldErrors = {};
      if (emergencyContactOf(v)) {
        if (!v.ecName.trim()) e.ecName = t("person.errors.ecName");
        if (!v.ecRelationship.trim()) e.ecRelationship = t("person.errors.ecRelationship");
        if (!PHONE.test(v.ecPhone.trim())) e.ecPhone = t("person.errors.ecPhone");
      }
      return e;
    },
    serverField: (path) => EC_FIELDS[path] ?? (path === "emergencyContact" ? "ecName" : undefined),
    labels: {
      ecName: t("person.ecName"),
      ecRelationship: t("person.ecRelationship"),
      ecPhone: t("person.ecPhone"),
    },
    patch: async (v) => ({ emergencyContact: emergencyContactOf(v) ?? null }),
  });
  if (!canEdit) {
    const ec = profile.emergencyContact;
    return (
      <Card title={t("person.emergencyTitle")} id="emergency">
        <p>{ec ? `${ec.name} (${ec.relationship}), ${ec.phone}` : t("compare.none")}</p>
      </Card>
    );
  }
  return (
    <Card title={t("person.emergencyTitle")} id="emergency">
      <Form {...form.formProps} aria-label={t("person.emergencyTitle")}>
        <EmergencyContactFields value={form.values} onChange={form.update} errors={form.errors} legendHidden />
        <Saved show={form.saved} message={t("details.savedEmergency")} />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("details.saveEmergency")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

const pharmacyOf = (p: PatientProfile) => ({ preferredPharmacyId: p.preferredPharmacy?.id ?? "" });

export function PharmacyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation("registration");
  const pharmacies = useQuery({ ...pharmaciesQuery, enabled: canEdit });
  const form = useSection(profile, pharmacyOf, {
    validate: (v): FieldErrors => (v.preferredPharmacyId ? {} : { preferredPharmacyId: t("details.pharmacyMissing") }),
    labels: { preferredPharmacyId: t("register.pharmacy") },
    patch: async (v) => ({ preferredPharmacyId: v.preferredPharmacyId }),
  });
  if (!canEdit) {
    return (
      <Card title={t("details.pharmacyTitle")} id="pharmacy">
        <p>{profile.preferredPharmacy?.name ?? t("compare.none")}</p>
      </Card>
    );
  }
  return (
    <Card title={t("details.pharmacyTitle")} id="pharmacy">
      <Form
        {...form.formProps}
        formError={form.formError ?? (pharmacies.isError ? t("register.listFailed") : null)}
        aria-label={t("details.pharmacyTitle")}
      >
        <Select
          {...form.field("preferredPharmacyId")}
          value={form.values.preferredPharmacyId || null}
          label={t("register.pharmacy")}
          description={t("details.pharmacyHint")}
          placeholder={t("person.choose")}
          options={(pharmacies.data ?? []).map((p) => ({ id: p.id, label: p.name }))}
        />
        <Saved show={form.saved} message={t("details.savedPharmacy")} />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("details.savePharmacy")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
