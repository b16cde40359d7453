import type { PatientProfile } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { patientKeys } from "../../api/patients";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { localTimeZone, timeZoneLabel } from "../../lib/format";
import { TIME_ZONES } from "../clinic-admin/shared";

/**
 * The patient's own time zone: video visits (and their free times) are shown in it, in pages,
 * emails and calendar files; visits at a clinic keep the clinic's zone. The server validates
 * the name (400 for one it does not know) and decides which zone each visit is shown in.
 */
export function TimeZoneCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const form = useForm<{ timeZone: string }, PatientProfile>({
    initial: { timeZone: profile.timeZone ?? "" },
    validate: (v): FieldErrors => (v.timeZone ? {} : { timeZone: t("zone.missing") }),
    labels: { timeZone: t("zone.label") },
    submit: (v) =>
      api<PatientProfile>(`/api/patients/${profile.id}`, { method: "PATCH", body: { timeZone: v.timeZone } }),
    onSuccess: async (fresh) => {
      queryClient.setQueryData(patientKeys.profile(profile.id), fresh);
      // every visit shown in the old zone is shown in the new one
      await queryClient.invalidateQueries({ queryKey: ["appointments", profile.id] });
      await queryClient.invalidateQueries({ queryKey: ["slots"] });
    },
  });
  const name = (zone: string) => {
    const label = timeZoneLabel(zone, locale);
    return `${label.charAt(0).toLocaleUpperCase(locale)}${label.slice(1)} — ${zone.replace(/_/g, " ")}`;
  };
  const current = form.values.timeZone;
  const zones = [...new Set([current, profile.timeZone ?? "", localTimeZone(), ...TIME_ZONES].filter(Boolean))];

  if (!canEdit) {
    return (
      <Card title={t("zone.title")} id="time-zone">
        <p>{profile.timeZone ? name(profile.timeZone) : t("zone.notSet")}</p>
      </Card>
    );
  }
  return (
    <Card title={t("zone.title")} id="time-zone">
      <Form {...form.formProps} aria-label={t("zone.title")}>
        <Select
          {...form.field("timeZone")}
          value={current || null}
          label={t("zone.label")}
          description={t("zone.hint")}
          placeholder={t("zone.notSet")}
          width="medium"
          options={zones.map((z) => ({ id: z, label: name(z) }))}
        />
        <div role="status" className="section-status">
          {form.saved ? <Alert tone="success" title={t("zone.saved")} headingLevel={3} /> : null}
        </div>
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("zone.save")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
