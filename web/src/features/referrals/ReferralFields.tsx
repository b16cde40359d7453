import type { ReferralUrgency } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { locationsQuery, providersQuery } from "../../api/clinic";
import { Select } from "../../components/Select";
import type { FormApi } from "../../kit/use-form";
import { ChoiceGroup, NoteField } from "../appointments/parts";
import { specialtyLabel } from "./data";

const URGENCIES: ReferralUrgency[] = ["routine", "soon", "urgent"];
/** "No preference" for the specialist or the place */
export const NO_PREFERENCE = "none";

/** What a patient's request and a clinician's new referral ask alike. */
export interface ReferralRequestDraft {
  specialty: string;
  reason: string;
  preferredProviderId: string;
  preferredLocationId: string;
  urgency: string;
}

/** The specialists of the chosen specialty, the preferred one, and the places they work (all while none is chosen). */
export function useSpecialists(chosen: string, preferredProviderId: string) {
  const providers = useQuery(providersQuery());
  const locations = useQuery(locationsQuery());
  const specialists = (providers.data ?? []).filter((p) => p.specialty === chosen);
  const preferred = specialists.find((p) => p.id === preferredProviderId);
  const places = (locations.data ?? []).filter(
    (l) => specialists.length === 0 || specialists.some((p) => p.locationIds.includes(l.id)),
  );
  return { specialists, preferred, places };
}

interface ReferralRequestFieldsProps {
  form: Pick<FormApi<ReferralRequestDraft>, "values" | "errors" | "set" | "field">;
  labels: Record<keyof ReferralRequestDraft, string>;
  specialties: string[];
  specialtyHint?: string;
  reasonHint: string;
  onSpecialty: (specialty: string) => void;
  specialists: ReturnType<typeof useSpecialists>;
}

/** Which specialty, why, who or where one would like (optional), how soon. */
export function ReferralRequestFields({
  form,
  labels,
  specialties,
  specialtyHint,
  reasonHint,
  onSpecialty,
  specialists: { specialists, preferred, places },
}: ReferralRequestFieldsProps) {
  const { t } = useTranslation("referrals");
  return (
    <>
      <Select
        name="specialty"
        label={labels.specialty}
        description={specialtyHint}
        options={specialties.map((s) => ({ id: s, label: specialtyLabel(s, t) }))}
        value={form.values.specialty || null}
        onChange={onSpecialty}
        errorMessage={form.errors.specialty}
        placeholder={t("form.specialtyPlaceholder")}
        isRequired
        width="medium"
      />
      <NoteField
        name="reason"
        label={labels.reason}
        description={reasonHint}
        value={form.values.reason}
        onChange={form.set("reason")}
        maxLength={1000}
        errorMessage={form.errors.reason}
      />
      <Select
        {...form.field("preferredProviderId")}
        label={labels.preferredProviderId}
        description={t("form.optional")}
        options={[
          { id: NO_PREFERENCE, label: t("form.noPreference") },
          ...specialists.map((p) => ({ id: p.id, label: p.displayName })),
        ]}
        width="medium"
      />
      <Select
        {...form.field("preferredLocationId")}
        label={labels.preferredLocationId}
        description={t("form.optional")}
        options={[
          { id: NO_PREFERENCE, label: t("form.noPreference") },
          ...places
            .filter((l) => !preferred || preferred.locationIds.includes(l.id))
            .map((l) => ({ id: l.id, label: l.name })),
        ]}
        width="medium"
      />
      <ChoiceGroup
        {...form.field("urgency")}
        label={labels.urgency}
        options={URGENCIES.map((u) => ({ id: u, label: t(`urgencyChoice.${u}`) }))}
        isRequired
      />
    </>
  );
}
