import type { PatientProfile, PatientProfileView, PatientSummary, UpdatePatientRequest } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActingForSwitcher } from "../../app/ActingForSwitcher";
import { useActingFor } from "../../app/acting-for";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import {
  InsuranceFields,
  type InsuranceForm,
  insuranceFormOf,
  insuranceRequest,
  validateInsurance,
} from "../registration/InsuranceFields";
import {
  AddressFields,
  addressOf,
  EmergencyContactFields,
  emergencyContactOf,
  emptyPerson,
  type PersonForm,
} from "../registration/PersonFields";
import { EMAIL, LANGUAGES, PHONE, POSTAL, pharmaciesQuery, uploadPatientFile } from "../registration/shared";
import "../registration/registration.css";
import { TimeZoneCard } from "./TimeZoneCard";

const profileKey = (id: string) => ["patients", id, "profile"];

function formOf(p: PatientProfile): PersonForm {
  return {
    ...emptyPerson,
    preferredName: p.preferredName ?? "",
    phone: p.phone ?? "",
    email: p.email ?? "",
    line1: p.address?.line1 ?? "",
    line2: p.address?.line2 ?? "",
    city: p.address?.city ?? "",
    region: p.address?.region ?? "",
    postalCode: p.address?.postalCode ?? "",
    preferredLanguage: p.preferredLanguage,
    ecName: p.emergencyContact?.name ?? "",
    ecRelationship: p.emergencyContact?.relationship ?? "",
    ecPhone: p.emergencyContact?.phone ?? "",
  };
}

/** The patient's details: contact, language, pharmacy, insurance, emergency contact; identity read-only. */
export function PatientDetailsPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const { patient } = useActingFor();
  const profile = useQuery({
    queryKey: profileKey(patient?.id ?? ""),
    queryFn: () => api<PatientProfileView>(`/api/patients/${patient?.id}`),
    enabled: Boolean(patient),
  });
  const forSelf = patient?.relationship === "self";
  // the server says what this reader may change (and, for a restricted caregiver, sends only the summary)
  const canEdit = profile.data?.view === "full" ? profile.data.canEdit : false;
  const back = (
    <Link to="/profile" className="back-link">
      {common("profile.title")}
    </Link>
  );
  const title = forSelf || !patient ? t("details.title") : t("details.titleFor", { name: patient.name });
  return (
    <div className="stack">
      <PageHeader
        title={title}
        lead={profile.data?.view === "summary" ? undefined : <p>{t("details.lead")}</p>}
        before={back}
      />
      <ActingForSwitcher />
      {!patient ? (
        <Alert tone="info" title={t("details.noRecord")} />
      ) : profile.isPending ? (
        <LoadingState />
      ) : profile.isError ? (
        <Alert tone="error" title={t("details.failed")}>
          <p>{errorMessage(profile.error, common, i18n.exists)}</p>
        </Alert>
      ) : profile.data.view === "summary" ? (
        <SummaryCard summary={profile.data} name={patient.name} />
      ) : (
        <>
          {!canEdit ? (
            <Alert tone="info" title={t("details.readOnlyTitle")}>
              <p>{t("details.readOnlyBody", { name: patient.name })}</p>
            </Alert>
          ) : null}
          <IdentityCard profile={profile.data} forSelf={forSelf} canEdit={canEdit} />
          <ContactCard key={`c-${profile.data.updatedAt}`} profile={profile.data} canEdit={canEdit} />
          <TimeZoneCard profile={profile.data} canEdit={canEdit} />
          <EmergencyCard key={`e-${profile.data.updatedAt}`} profile={profile.data} canEdit={canEdit} />
          <PharmacyCard key={`p-${profile.data.updatedAt}`} profile={profile.data} canEdit={canEdit} />
          <InsuranceCard key={`i-${profile.data.updatedAt}`} profile={profile.data} canEdit={canEdit} />
        </>
      )}
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * What a caregiver with restricted access (a parent of a 12–17-year-old) sees: the name and
 * date of birth the server sends, and why there is nothing more.
 */
function SummaryCard({ summary, name }: { summary: PatientSummary; name: string }) {
  const { t } = useTranslation("registration");
  const locale = currentLocale();
  return (
    <>
      <Alert tone="info" title={t("details.summaryTitle")}>
        <p>{t("details.summaryBody", { name })}</p>
      </Alert>
      <Card title={t("details.identityTitle")} id="identity">
        <dl className="summary-list">
          <Row label={t("person.givenName")}>{summary.legalGivenName}</Row>
          <Row label={t("person.familyName")}>{summary.legalFamilyName}</Row>
          <Row label={t("compare.dateOfBirth")}>{formatCalendarDate(summary.dateOfBirth, locale)}</Row>
        </dl>
      </Card>
    </>
  );
}

function IdentityCard({ profile, forSelf, canEdit }: { profile: PatientProfile; forSelf: boolean; canEdit: boolean }) {
  const { t } = useTranslation("registration");
  const locale = currentLocale();
  return (
    <Card title={t("details.identityTitle")} id="identity">
      <dl className="summary-list">
        <Row label={t("person.givenName")}>{profile.legalGivenName}</Row>
        <Row label={t("person.familyName")}>{profile.legalFamilyName}</Row>
        <Row label={t("compare.dateOfBirth")}>{formatCalendarDate(profile.dateOfBirth, locale)}</Row>
        <Row label={t("compare.sex")}>{t(`sex.${profile.sex}`)}</Row>
        <Row label={t("banner.mrn")}>
          <span className="mono">{profile.mrn}</span>
        </Row>
        <Row label={t("banner.pcp")}>{profile.pcp?.name ?? t("banner.noPcp")}</Row>
      </dl>
      <p>{forSelf ? t("details.identityHelp") : t("details.identityHelpProxy")}</p>
      {profile.pendingIdentityChangeRequestId ? (
        <p>
          <StatusChip tone="info">{t("details.changeWaiting")}</StatusChip> {t("details.changeWaitingBody")}
        </p>
      ) : canEdit ? (
        <ButtonLink to="/profile/details/identity" variant="secondary">
          {t("details.askFrontDesk")}
        </ButtonLink>
      ) : null}
    </Card>
  );
}

/** Saves part of the profile and reports how it went, keeping what was typed on failure. */
function useSave(profile: PatientProfile) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdatePatientRequest) =>
      api<PatientProfile>(`/api/patients/${profile.id}`, { method: "PATCH", body: patch }),
    onSuccess: (fresh) => {
      queryClient.setQueryData(profileKey(profile.id), fresh);
    },
  });
}

function Saved({ show }: { show: boolean }) {
  const { t } = useTranslation("registration");
  return show ? <Alert tone="success" title={t("details.saved")} live="polite" headingLevel={3} /> : null;
}

function ContactCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const [form, setForm] = useState(() => formOf(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useSave(profile);
  const set = (key: keyof PersonForm) => (v: string) => setForm({ ...form, [key]: v });

  function submit() {
    const e: FieldErrors = {};
    if (form.phone.trim() && !PHONE.test(form.phone.trim())) e.phone = t("person.errors.phoneInvalid");
    if (form.email.trim() && !EMAIL.test(form.email.trim())) e.email = t("person.errors.emailInvalid");
    if (addressOf(form)) {
      if (!form.line1.trim()) e.line1 = t("person.errors.line1");
      if (!form.city.trim()) e.city = t("person.errors.city");
      if (!form.region.trim()) e.region = t("person.errors.region");
      if (!POSTAL.test(form.postalCode.trim())) e.postalCode = t("person.errors.postalCode");
    }
    setErrors(e);
    setSaved(false);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    save.mutate(
      {
        preferredName: form.preferredName.trim() || null,
        phone: form.phone.trim() || null,
        email: form.email.trim() || null,
        address: addressOf(form) ?? null,
        preferredLanguage: form.preferredLanguage,
      },
      { onSuccess: () => setSaved(true), onError: () => setAttempt((n) => n + 1) },
    );
  }

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
      <Saved show={saved} />
      <Form
        onSubmit={submit}
        errors={errors}
        formError={save.isError ? errorMessage(save.error, common, i18n.exists) : null}
        attempt={attempt}
        aria-label={t("details.contactTitle")}
      >
        <TextField
          name="preferredName"
          label={t("person.optional", { label: t("person.preferredName") })}
          description={t("person.preferredHintSelf")}
          value={form.preferredName}
          onChange={set("preferredName")}
        />
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          width="medium"
          label={t("person.phone")}
          description={t("person.phoneHint")}
          autoComplete="tel"
          value={form.phone}
          onChange={set("phone")}
          errorMessage={errors.phone}
        />
        <TextField
          name="email"
          type="email"
          inputMode="email"
          spellCheck={false}
          label={t("person.email")}
          description={t("details.emailHint")}
          autoComplete="email"
          value={form.email}
          onChange={set("email")}
          errorMessage={errors.email}
        />
        <Select
          name="preferredLanguage"
          label={t("person.language")}
          description={t("person.languageHint")}
          width="medium"
          value={form.preferredLanguage}
          options={LANGUAGES}
          onChange={set("preferredLanguage")}
        />
        <AddressFields value={form} onChange={setForm} errors={errors} voice="self" />
        <FormActions>
          <Button type="submit" isPending={save.isPending}>
            {t("details.saveContact")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

function EmergencyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const [form, setForm] = useState(() => formOf(profile));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useSave(profile);
  if (!canEdit) {
    const ec = profile.emergencyContact;
    return (
      <Card title={t("person.emergencyTitle")} id="emergency">
        <p>{ec ? `${ec.name} (${ec.relationship}), ${ec.phone}` : t("compare.none")}</p>
      </Card>
    );
  }
  function submit() {
    const e: FieldErrors = {};
    if (emergencyContactOf(form)) {
      if (!form.ecName.trim()) e.ecName = t("person.errors.ecName");
      if (!form.ecRelationship.trim()) e.ecRelationship = t("person.errors.ecRelationship");
      if (!PHONE.test(form.ecPhone.trim())) e.ecPhone = t("person.errors.ecPhone");
    }
    setErrors(e);
    setSaved(false);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    save.mutate(
      { emergencyContact: emergencyContactOf(form) ?? null },
      { onSuccess: () => setSaved(true), onError: () => setAttempt((n) => n + 1) },
    );
  }
  return (
    <Card title={t("person.emergencyTitle")} id="emergency">
      <Saved show={saved} />
      <Form
        onSubmit={submit}
        errors={errors}
        formError={save.isError ? errorMessage(save.error, common, i18n.exists) : null}
        attempt={attempt}
        aria-label={t("person.emergencyTitle")}
      >
        <EmergencyContactFields value={form} onChange={setForm} errors={errors} />
        <FormActions>
          <Button type="submit" isPending={save.isPending}>
            {t("details.saveEmergency")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

function PharmacyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const pharmacies = useQuery({ ...pharmaciesQuery, enabled: canEdit });
  const [pharmacyId, setPharmacyId] = useState(profile.preferredPharmacy?.id ?? "");
  const [saved, setSaved] = useState(false);
  const save = useSave(profile);
  if (!canEdit) {
    return (
      <Card title={t("details.pharmacyTitle")} id="pharmacy">
        <p>{profile.preferredPharmacy?.name ?? t("compare.none")}</p>
      </Card>
    );
  }
  return (
    <Card title={t("details.pharmacyTitle")} id="pharmacy">
      <Saved show={saved} />
      <Form
        onSubmit={() => {
          setSaved(false);
          if (pharmacyId) save.mutate({ preferredPharmacyId: pharmacyId }, { onSuccess: () => setSaved(true) });
        }}
        formError={
          save.isError
            ? errorMessage(save.error, common, i18n.exists)
            : pharmacies.isError
              ? t("register.listFailed")
              : null
        }
        aria-label={t("details.pharmacyTitle")}
      >
        <Select
          name="preferredPharmacyId"
          label={t("register.pharmacy")}
          description={t("details.pharmacyHint")}
          placeholder={t("person.choose")}
          value={pharmacyId || null}
          options={(pharmacies.data ?? []).map((p) => ({ id: p.id, label: p.name }))}
          onChange={setPharmacyId}
        />
        <FormActions>
          <Button type="submit" isPending={save.isPending}>
            {t("details.savePharmacy")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

function InsuranceCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const me = useMe();
  const [form, setForm] = useState<InsuranceForm>(() => insuranceFormOf(profile.insurance[0]));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const save = useSave(profile);
  const fileUrl = (id: string) => `/api/patients/${profile.id}/files/${id}`;
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
  async function submit() {
    const e = validateInsurance(form, t);
    if (!form.payerName.trim() && !form.memberId.trim()) e.payerName = t("insurance.errors.payer");
    setErrors(e);
    setSaved(false);
    setUploadError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0 || !me) return;
    setUploading(true);
    let front: string | null = null;
    let back: string | null = null;
    try {
      if (form.front)
        front = (await uploadPatientFile(profile.id, "insurance_card_front", form.front, me.csrfToken)).id;
      if (form.back) back = (await uploadPatientFile(profile.id, "insurance_card_back", form.back, me.csrfToken)).id;
    } catch (error) {
      setUploadError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
      setUploading(false);
      return;
    }
    setUploading(false);
    const secondary = profile.insurance
      .filter((c) => c.rank === "secondary")
      .map((c) => ({ ...insuranceRequest(insuranceFormOf(c)), rank: "secondary" as const }));
    save.mutate(
      { insurance: [insuranceRequest(form, { front, back }), ...secondary] },
      { onSuccess: () => setSaved(true), onError: () => setAttempt((n) => n + 1) },
    );
  }
  return (
    <Card title={t("insurance.title")} id="insurance">
      <Saved show={saved} />
      <Form
        onSubmit={submit}
        errors={errors}
        formError={uploadError ?? (save.isError ? errorMessage(save.error, common, i18n.exists) : null)}
        attempt={attempt}
        aria-label={t("insurance.title")}
      >
        <InsuranceFields value={form} onChange={setForm} errors={errors} fileUrl={fileUrl} />
        <FormActions>
          <Button type="submit" isPending={uploading || save.isPending}>
            {t("details.saveInsurance")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}
