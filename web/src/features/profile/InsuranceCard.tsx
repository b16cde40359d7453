import type { PatientProfile } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Form, FormActions } from "../../components/Form";
import {
  InsuranceFields,
  insuranceFormOf,
  insuranceRequest,
  validateInsurance,
} from "../../components/person/InsuranceFields";
import { lastPathPart } from "../../lib/errors";
import { uploadPatientFile } from "../registration/shared";
import "../registration/registration.css";
import { Saved, useSection } from "./detail-section";

const INSURANCE_FIELDS = ["payerName", "memberId", "groupNumber", "subscriberName", "subscriberRelationship"];

export function InsuranceCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation("registration");
  const me = useMe();
  const fileUrl = (id: string) => `/api/patients/${profile.id}/files/${id}`;
  const form = useSection(profile, (p) => insuranceFormOf(p.insurance[0]), {
    validate: (v) => {
      const e = validateInsurance(v, t);
      if (!v.payerName.trim() && !v.memberId.trim()) e.payerName = t("insurance.errors.payer");
      return e;
    },
    // the server names "insurance.0.memberId"; the primary card's fields are this form's
    serverField: (path) => {
      const last = lastPathPart(path);
      if (!path.startsWith("insurance.0.")) return undefined;
      if (last === "cardFrontFileId") return "cardFront";
      if (last === "cardBackFileId") return "cardBack";
      return INSURANCE_FIELDS.includes(last) ? last : undefined;
    },
    labels: {
      payerName: t("insurance.payer"),
      memberId: t("insurance.memberId"),
      groupNumber: t("insurance.group"),
      subscriberName: t("insurance.subscriber"),
      subscriberRelationship: t("insurance.relationship"),
    },
    patch: async (v) => {
      if (!me) return null;
      // photos first: a failed upload is shown like any other failure, and nothing is saved
      const front = v.front ? (await uploadPatientFile(profile.id, "insurance_card_front", v.front)).id : null;
      const back = v.back ? (await uploadPatientFile(profile.id, "insurance_card_back", v.back)).id : null;
      const secondary = profile.insurance
        .filter((c) => c.rank === "secondary")
        .map((c) => ({ ...insuranceRequest(insuranceFormOf(c)), rank: "secondary" as const }));
      return { insurance: [insuranceRequest(v, { front, back }), ...secondary] };
    },
  });
  if (!canEdit) {
    return (
      <Card title={t("insurance.title")} id="insurance">
        <p>
          {profile.insurance.length
            ? profile.insurance.map((c) => `${c.payerName} · ${c.memberId}`).join("; ")
            : t("compare.none")}
        </p>
      </Card>
    );
  }
  return (
    <Card title={t("insurance.title")} id="insurance">
      <Form {...form.formProps} aria-label={t("insurance.title")}>
        <InsuranceFields
          value={form.values}
          onChange={form.update}
          errors={form.errors}
          fileUrl={fileUrl}
          legendHidden
        />
        <Saved show={form.saved} message={t("details.savedInsurance")} />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("details.saveInsurance")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
