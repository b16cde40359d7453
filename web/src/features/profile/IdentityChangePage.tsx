import type { IdentityChanges, PatientProfileView } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { DateOfBirthInput, type DateParts, toIsoDate } from "../identity/DateOfBirthInput";
import { dateParts, SEXES } from "../registration/shared";
import "../registration/registration.css";

/** Legal name, date of birth and sex change only through the front desk: this asks them to. */
export function IdentityChangePage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const { patient } = useActingFor();
  const profile = useQuery({
    queryKey: ["patients", patient?.id ?? "", "profile"],
    queryFn: () => api<PatientProfileView>(`/api/patients/${patient?.id}`),
    enabled: Boolean(patient),
  });
  const [given, setGiven] = useState<string | null>(null);
  const [family, setFamily] = useState<string | null>(null);
  const [dob, setDob] = useState<DateParts | null>(null);
  const [sex, setSex] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [sent, setSent] = useState(false);
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
  const p = data;
  const values = {
    given: given ?? p.legalGivenName,
    family: family ?? p.legalFamilyName,
    dob: dob ?? dateParts(p.dateOfBirth),
    sex: sex ?? p.sex,
  };

  async function submit() {
    const e: FieldErrors = {};
    const changes: IdentityChanges = {};
    if (!values.given.trim()) e.legalGivenName = t("person.errors.givenName");
    else if (values.given.trim() !== p.legalGivenName) changes.legalGivenName = values.given.trim();
    if (!values.family.trim()) e.legalFamilyName = t("person.errors.familyName");
    else if (values.family.trim() !== p.legalFamilyName) changes.legalFamilyName = values.family.trim();
    const iso = toIsoDate(values.dob);
    if (!iso) e.dateOfBirth = t("person.errors.dobInvalid");
    else if (iso !== p.dateOfBirth) changes.dateOfBirth = iso;
    if (values.sex !== p.sex) changes.sex = values.sex as IdentityChanges["sex"];
    if (reason.trim().length < 3) e.reason = t("identity.reasonMissing");
    if (Object.keys(e).length === 0 && Object.keys(changes).length === 0) e.legalGivenName = t("identity.nothing");
    setErrors(e);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    setPending(true);
    try {
      await api(`/api/patients/${p.id}/identity-change-requests`, {
        method: "POST",
        body: { changes, reason: reason.trim() },
      });
      await queryClient.invalidateQueries({ queryKey: ["patients", p.id, "profile"] });
      setSent(true);
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

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
        <Form
          onSubmit={submit}
          errors={errors}
          formError={formError}
          attempt={attempt}
          aria-label={t("identity.title")}
        >
          <TextField
            name="legalGivenName"
            label={t("person.givenName")}
            value={values.given}
            onChange={setGiven}
            errorMessage={errors.legalGivenName}
          />
          <TextField
            name="legalFamilyName"
            label={t("person.familyName")}
            value={values.family}
            onChange={setFamily}
            errorMessage={errors.legalFamilyName}
          />
          <DateOfBirthInput name="dateOfBirth" value={values.dob} onChange={setDob} errorMessage={errors.dateOfBirth} />
          <Select
            name="sex"
            label={t("person.sex")}
            width="medium"
            value={values.sex}
            options={SEXES.map((s) => ({ id: s, label: t(`sex.${s}`) }))}
            onChange={setSex}
          />
          <TextField
            name="reason"
            label={t("identity.reason")}
            description={t("identity.reasonHint")}
            value={reason}
            onChange={setReason}
            errorMessage={errors.reason}
            isRequired
          />
          <FormActions>
            <Button type="submit" isPending={pending}>
              {t("identity.submit")}
            </Button>
          </FormActions>
        </Form>
      )}
    </div>
  );
}
