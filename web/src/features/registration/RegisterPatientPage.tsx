import type {
  DuplicateCandidate,
  PossibleDuplicateDetails,
  RegisterPatientRequest,
  RegisterPatientResponse,
} from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import {
  emptyInsurance,
  hasInsurance,
  InsuranceFields,
  type InsuranceForm,
  insuranceRequest,
  validateInsurance,
} from "../../components/person/InsuranceFields";
import {
  emptyPerson,
  PersonFields,
  type PersonForm,
  personRequest,
  validatePerson,
} from "../../components/person/PersonFields";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { api, isApiError } from "../../lib/api";
import { errorMessage, fieldErrorsFrom, lastPathPart } from "../../lib/errors";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { BackToSearch } from "../patients/BackToSearch";
import { type ComparedPerson, DuplicateComparison } from "./DuplicateComparison";
import { pharmaciesQuery, providersQuery, uploadPatientFile } from "./shared";
import { specialtyLabel } from "./specialty";

const NONE = "none";

/** Front desk: register a patient, review possible duplicates, hand over the activation code. */
export function RegisterPatientPage() {
  const { t, i18n } = useTranslation("registration");
  const me = useMe();
  const [person, setPerson] = useState<PersonForm>(emptyPerson);
  const [insurance, setInsurance] = useState<InsuranceForm>(emptyInsurance);
  const [pharmacyId, setPharmacyId] = useState(NONE);
  const [pcpId, setPcpId] = useState(NONE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [result, setResult] = useState<{ response: RegisterPatientResponse; photoFailed: boolean } | null>(null);
  const pharmacies = useQuery(pharmaciesQuery);
  const providers = useQuery(providersQuery);

  async function send(override?: { reason: string }) {
    setPending(true);
    setFormError(null);
    const body: RegisterPatientRequest = {
      ...personRequest(person),
      ...(hasInsurance(insurance) ? { insurance: [insuranceRequest(insurance)] } : {}),
      ...(pharmacyId !== NONE ? { preferredPharmacyId: pharmacyId } : {}),
      ...(pcpId !== NONE ? { pcpProviderId: pcpId } : {}),
      ...(override ? { duplicateOverride: { confirmNotDuplicate: true, reason: override.reason } } : {}),
    };
    try {
      const response = await api<RegisterPatientResponse>("/api/patients", { method: "POST", body });
      const photoFailed = await attachCardPhotos(response);
      setCandidates(null);
      setResult({ response, photoFailed });
    } catch (error) {
      if (isApiError(error, "possible_duplicate")) {
        setCandidates((error.details as PossibleDuplicateDetails | undefined)?.candidates ?? []);
      } else {
        setErrors(fieldErrorsFrom(error, { field: lastPathPart, message: () => t("register.checkField") }));
        setFormError(errorMessage(error, i18n.getFixedT(null, "translation"), i18n.exists));
        setCandidates(null);
        setAttempt((n) => n + 1);
      }
      throw error;
    } finally {
      setPending(false);
    }
  }

  /** Photos can only be stored once the chart exists; then the coverage is updated to point at them. */
  async function attachCardPhotos(response: RegisterPatientResponse): Promise<boolean> {
    if (!insurance.front && !insurance.back) return false;
    if (!me) return true;
    try {
      const patientId = response.patient.id;
      const front = insurance.front
        ? (await uploadPatientFile(patientId, "insurance_card_front", insurance.front)).id
        : null;
      const back = insurance.back
        ? (await uploadPatientFile(patientId, "insurance_card_back", insurance.back)).id
        : null;
      await api(`/api/patients/${patientId}`, {
        method: "PATCH",
        body: { insurance: [insuranceRequest(insurance, { front, back })] },
      });
      return false;
    } catch {
      return true;
    }
  }

  function submit() {
    const next = { ...validatePerson(person, t), ...validateInsurance(insurance, t) };
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    send().catch(() => {});
  }

  if (result) return <Registered result={result} onAnother={() => resetAll()} />;

  function resetAll() {
    setPerson(emptyPerson);
    setInsurance(emptyInsurance);
    setPharmacyId(NONE);
    setPcpId(NONE);
    setErrors({});
    setResult(null);
  }

  if (candidates) {
    return (
      <DuplicateReview
        person={person}
        candidates={candidates}
        onBack={() => setCandidates(null)}
        onOverride={(reason) => send({ reason })}
      />
    );
  }

  return (
    <div className="stack">
      <PageHeader title={t("register.title")} lead={<p>{t("register.lead")}</p>} before={<BackToSearch />} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("register.title")}>
        <PersonFields value={person} onChange={setPerson} errors={errors} voice="staff" />
        <InsuranceFields value={insurance} onChange={setInsurance} errors={errors} />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("register.careTitle")}</legend>
          <Select
            name="preferredPharmacyId"
            label={t("register.pharmacy")}
            description={pharmacies.isError ? t("register.listFailed") : t("register.pharmacyHint")}
            value={pharmacyId}
            options={[
              { id: NONE, label: t("register.noneYet") },
              ...(pharmacies.data ?? []).map((p) => ({ id: p.id, label: p.name })),
            ]}
            onChange={setPharmacyId}
          />
          <Select
            name="pcpProviderId"
            label={t("register.pcp")}
            description={providers.isError ? t("register.listFailed") : t("register.pcpHint")}
            value={pcpId}
            options={[
              { id: NONE, label: t("register.noneYet") },
              ...(providers.data ?? [])
                .filter((p) => p.active)
                .map((p) => ({ id: p.id, label: `${p.displayName} — ${specialtyLabel(p.specialty, t)}` })),
            ]}
            onChange={setPcpId}
          />
        </fieldset>
        <FormActions>
          <Button type="submit" isPending={pending}>
            {t("register.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}

function DuplicateReview({
  person,
  candidates,
  onBack,
  onOverride,
}: {
  person: PersonForm;
  candidates: DuplicateCandidate[];
  onBack: () => void;
  onOverride: (reason: string) => Promise<void>;
}) {
  const { t, i18n } = useTranslation("registration");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const request = personRequest(person);
  const typed: ComparedPerson = {
    name: `${request.legalGivenName} ${request.legalFamilyName}`,
    preferredName: request.preferredName ?? null,
    dateOfBirth: request.dateOfBirth,
    sex: request.sex,
    phone: request.phone ?? null,
    email: request.email ?? null,
  };

  async function submit() {
    const next: FieldErrors = {};
    if (reason.trim().length < 5) next.overrideReason = t("duplicates.reasonMissing");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      await onOverride(reason.trim());
    } catch (error) {
      if (!isApiError(error, "possible_duplicate")) {
        setFormError(errorMessage(error, i18n.getFixedT(null, "translation"), i18n.exists));
        setAttempt((n) => n + 1);
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack">
      <PageHeader
        title={t("duplicates.title")}
        lead={<p>{t("duplicates.lead", { count: candidates.length })}</p>}
        before={
          <Button variant="quiet" onPress={onBack}>
            {t("duplicates.back")}
          </Button>
        }
      />
      <ul className="compare-list">
        {candidates.map((candidate) => (
          <li key={candidate.id}>
            <DuplicateComparison
              typed={typed}
              typedHeading={t("compare.typed")}
              candidate={candidate}
              headingLevel={2}
              actions={
                <div className="item__actions">
                  <ButtonLink to="/patients/$patientId" params={{ patientId: candidate.id }} variant="secondary">
                    {t("duplicates.samePerson", { mrn: candidate.mrn })}
                  </ButtonLink>
                </div>
              }
            />
          </li>
        ))}
      </ul>
      <Card title={t("duplicates.notSameTitle")} id="not-same">
        <p>{t("duplicates.notSameBody")}</p>
        <Form
          onSubmit={submit}
          errors={errors}
          formError={formError}
          attempt={attempt}
          aria-label={t("duplicates.notSameTitle")}
        >
          <TextField
            name="overrideReason"
            label={t("duplicates.reason")}
            description={t("duplicates.reasonHint")}
            value={reason}
            onChange={setReason}
            errorMessage={errors.overrideReason}
            isRequired
          />
          <FormActions>
            <Button type="submit" isPending={pending}>
              {t("duplicates.registerAnyway")}
            </Button>
          </FormActions>
        </Form>
      </Card>
    </div>
  );
}

function Registered({
  result,
  onAnother,
}: {
  result: { response: RegisterPatientResponse; photoFailed: boolean };
  onAnother: () => void;
}) {
  const { t } = useTranslation("registration");
  const { patient, activation } = result.response;
  const headingRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const name = `${patient.preferredName ?? patient.legalGivenName} ${patient.legalFamilyName}`;
  return (
    <div className="stack" ref={headingRef} tabIndex={-1}>
      <PageHeader title={t("registered.title", { name })} lead={<p>{t("registered.lead")}</p>} />
      <Alert tone="success" title={t("registered.alert")} live="polite">
        <p>{t("registered.alertBody", { name })}</p>
      </Alert>
      {result.photoFailed ? (
        <Alert tone="warning" title={t("registered.photoFailedTitle")}>
          <p>{t("registered.photoFailedBody")}</p>
        </Alert>
      ) : null}
      <Card title={t("registered.detailsTitle")} id="registered">
        <dl className="summary-list">
          <div>
            <dt>{t("registered.mrn")}</dt>
            <dd className="mono" data-testid="mrn">
              {patient.mrn}
            </dd>
          </div>
          <div>
            <dt>{t("registered.code")}</dt>
            <dd className="activation-code" data-testid="activation-code">
              {activation.code}
            </dd>
          </div>
          <div>
            <dt>{t("registered.expires")}</dt>
            <dd>{formatDateTime(activation.expiresAt, localTimeZone(), currentLocale())}</dd>
          </div>
        </dl>
        <p>{t("registered.codeHelp")}</p>
        <div className="item__actions">
          <a className="btn btn--primary" href={activation.letterUrl} target="_blank" rel="noopener">
            {t("registered.print")}
            <span className="visually-hidden"> {t("registered.newTab")}</span>
          </a>
          <ButtonLink to="/patients/$patientId" params={{ patientId: patient.id }} variant="secondary">
            {t("registered.openChart")}
          </ButtonLink>
          <Button variant="secondary" onPress={onAnother}>
            {t("registered.another")}
          </Button>
        </div>
      </Card>
    </div>
  );
}
