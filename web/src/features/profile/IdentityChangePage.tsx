import type { IdentityChanges, PatientProfile } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { patientKeys, patientProfileQuery } from "../../api/patients";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { DateOfBirthInput, type DateParts, toIsoDate } from "../../components/person/DateOfBirthInput";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { errorMessage, lastPathPart } from "../../lib/errors";
import { dateParts, SEXES } from "../registration/shared";
import "../registration/registration.css";

/** Legal name, date of birth and sex change only through the front desk: this asks them to. */
export function IdentityChangePage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const _queryClient = useQueryClient();
  const { patient } = useActingFor();
  const profile = useQuery({ ...patientProfileQuery(patient?.id ?? ""), enabled: Boolean(patient) });
  const back = (
    <Link to="/profile/details" className="back-link">
      {t("details.title")}
    </Link>
  );
  if (!patient || profile.isPending) return <LoadingState />;
  if (profile.isError) {
    return (
      <Alert tone="error" title={t("details.failed")}>
        <p>{errorMessage(profile.error, common, i18n.exists)}</p>
      </Alert>
    );
  }
  const data = profile.data;
  if (data.view === "summary" || !data.canEdit) {
    // the server sent no more than this reader may see or change
    return (
      <div className="stack">
        <PageHeader title={t("identity.title")} before={back} />
        <Alert tone="info" title={t("details.summaryTitle")}>
          <p>{t("details.summaryBody", { name: patient.name })}</p>
        </Alert>
      </div>
    );
  }
  return <IdentityChangeForm profile={data} back={back} />;
}

interface IdentityValues {
  legalGivenName: string;
  legalFamilyName: string;
  dateOfBirth: DateParts;
  sex: string;
  reason: string;
}

const identityOf = (p: PatientProfile): IdentityValues => ({
  legalGivenName: p.legalGivenName,
  legalFamilyName: p.legalFamilyName,
  dateOfBirth: dateParts(p.dateOfBirth),
  sex: p.sex,
  reason: "",
});

/** The request itself, on the kit's form hook: server-refused fields named, leaving with edits asks first. */
function IdentityChangeForm({ profile: p, back }: { profile: PatientProfile; back: ReactNode }) {
  const { t } = useTranslation("registration");
  const queryClient = useQueryClient();
  const [sent, setSent] = useState(false);
  const changesOf = (v: IdentityValues): IdentityChanges => {
    const changes: IdentityChanges = {};
    if (v.legalGivenName.trim() && v.legalGivenName.trim() !== p.legalGivenName)
      changes.legalGivenName = v.legalGivenName.trim();
    if (v.legalFamilyName.trim() && v.legalFamilyName.trim() !== p.legalFamilyName)
      changes.legalFamilyName = v.legalFamilyName.trim();
    const iso = toIsoDate(v.dateOfBirth);
    if (iso && iso !== p.dateOfBirth) changes.dateOfBirth = iso;
    if (v.sex !== p.sex) changes.sex = v.sex as IdentityChanges["sex"];
    return changes;
  };
  const form = useForm<IdentityValues>({
    initial: () => identityOf(p),
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.legalGivenName.trim()) e.legalGivenName = t("person.errors.givenName");
      if (!v.legalFamilyName.trim()) e.legalFamilyName = t("person.errors.familyName");
      if (!toIsoDate(v.dateOfBirth)) e.dateOfBirth = t("person.errors.dobInvalid");
      if (v.reason.trim().length < 3) e.reason = t("identity.reasonMissing");
      if (Object.keys(e).length === 0 && Object.keys(changesOf(v)).length === 0)
        e.legalGivenName = t("identity.nothing");
      return e;
    },
    // the server names "changes.legalGivenName"
    serverField: lastPathPart,
    labels: {
      legalGivenName: t("person.givenName"),
      legalFamilyName: t("person.familyName"),
      dateOfBirth: t("compare.dateOfBirth"),
      sex: t("person.sex"),
      reason: t("identity.reason"),
    },
    submit: async (v) => {
      await api(`/api/patients/${p.id}/identity-change-requests`, {
        method: "POST",
        body: { changes: changesOf(v), reason: v.reason.trim() },
      });
      await queryClient.invalidateQueries({ queryKey: patientKeys.profile(p.id) });
    },
    onSuccess: () => setSent(true),
  });

  if (sent) {
    return (
      <div className="stack narrow">
        <PageHeader title={t("identity.sentTitle")} before={back} />
        <Alert tone="success" title={t("identity.sentAlert")} live="polite">
          <p>{t("identity.sentBody")}</p>
        </Alert>
        <p>
          <Link to="/profile/details">{t("identity.backToDetails")}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="stack narrow">
      <PageHeader title={t("identity.title")} lead={<p>{t("identity.lead")}</p>} before={back} />
      {p.pendingIdentityChangeRequestId ? (
        <Alert tone="info" title={t("details.changeWaiting")}>
          <p>{t("details.changeWaitingBody")}</p>
        </Alert>
      ) : (
        <Form {...form.formProps} aria-label={t("identity.title")}>
          <TextField {...form.field("legalGivenName")} label={t("person.givenName")} />
          <TextField {...form.field("legalFamilyName")} label={t("person.familyName")} />
          <DateOfBirthInput
            name="dateOfBirth"
            value={form.values.dateOfBirth}
            onChange={form.set("dateOfBirth")}
            errorMessage={form.errors.dateOfBirth}
          />
          <Select
            {...form.field("sex")}
            label={t("person.sex")}
            width="medium"
            options={SEXES.map((s) => ({ id: s, label: t(`sex.${s}`) }))}
          />
          <TextField
            {...form.field("reason")}
            label={t("identity.reason")}
            description={t("identity.reasonHint")}
            isRequired
          />
          <FormActions>
            <Button type="submit" isPending={form.pending}>
              {t("identity.submit")}
            </Button>
          </FormActions>
        </Form>
      )}
    </div>
  );
}
