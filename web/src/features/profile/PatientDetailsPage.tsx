import type { PatientProfile, PatientSummary, UpdatePatientRequest } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { patientKeys, patientProfileQuery, updatePatient } from "../../api/patients";
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
import { type UseFormOptions, useForm } from "../../kit/use-form";
import { errorMessage, lastPathPart } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import { InsuranceFields, insuranceFormOf, insuranceRequest, validateInsurance } from "../registration/InsuranceFields";
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
  const profile = useQuery({ ...patientProfileQuery(patient?.id ?? ""), enabled: Boolean(patient) });
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
          {/* one form per section, each keeping its own edits across the others' saves (no remount on new data) */}
          <ContactCard profile={profile.data} canEdit={canEdit} />
          <TimeZoneCard profile={profile.data} canEdit={canEdit} />
          <EmergencyCard profile={profile.data} canEdit={canEdit} />
          <PharmacyCard profile={profile.data} canEdit={canEdit} />
          <InsuranceCard profile={profile.data} canEdit={canEdit} />
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

/**
 * One section's form on the kit's form hook. Each section keeps its own edits: a save here
 * sends only this section's part, and when the profile comes back (from this save or another
 * section's) the fields someone has changed and not saved keep what they typed. Leaving the
 * page with unsaved edits asks first (the kit's guard); each save is confirmed.
 */
function useSection<V extends object>(
  profile: PatientProfile,
  valuesOf: (p: PatientProfile) => V,
  options: Pick<UseFormOptions<V, PatientProfile>, "validate" | "serverField" | "labels"> & {
    patch: (values: V) => Promise<UpdatePatientRequest | null>;
  },
) {
  const queryClient = useQueryClient();
  // biome-ignore lint/correctness/useExhaustiveDependencies: new server data is a new profile object
  const source = useMemo(() => valuesOf(profile), [profile]);
  return useForm<V, PatientProfile>({
    initial: source,
    source,
    validate: options.validate,
    serverField: options.serverField,
    labels: options.labels,
    submit: async (values) => {
      const patch = await options.patch(values);
      if (!patch) return profile;
      return updatePatient(profile.id, patch);
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(patientKeys.profile(profile.id), fresh);
    },
  });
}

/** The confirmation of a save: a polite live region that is always there, filled when saved. */
function Saved({ show, message }: { show: boolean; message: string }) {
  return (
    <div role="status" className="section-status">
      {show ? <Alert tone="success" title={message} headingLevel={3} /> : null}
    </div>
  );
}

const ADDRESS_FIELDS = ["line1", "line2", "city", "region", "postalCode"];

function ContactCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
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

const EC_FIELDS: Record<string, string> = {
  "emergencyContact.name": "ecName",
  "emergencyContact.relationship": "ecRelationship",
  "emergencyContact.phone": "ecPhone",
};

function EmergencyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
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

function PharmacyCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
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

const INSURANCE_FIELDS = ["payerName", "memberId", "groupNumber", "subscriberName", "subscriberRelationship"];

function InsuranceCard({ profile, canEdit }: { profile: PatientProfile; canEdit: boolean }) {
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
      const front = v.front
        ? (await uploadPatientFile(profile.id, "insurance_card_front", v.front, me.csrfToken)).id
        : null;
      const back = v.back
        ? (await uploadPatientFile(profile.id, "insurance_card_back", v.back, me.csrfToken)).id
        : null;
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
