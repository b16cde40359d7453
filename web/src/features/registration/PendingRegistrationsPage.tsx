import type {
  DuplicateCandidate,
  PatientProfile,
  PendingRegistration,
  RegistrationRejectionReason,
  RejectRegistrationResponse,
} from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Dialog, DialogActions } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
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
import { formatCalendarDate, formatDateTime, localTimeZone } from "../../lib/format";
import { type ComparedPerson, DuplicateComparison } from "./DuplicateComparison";
import "./registration.css";

export const pendingQueryKey = ["registrations", "pending"] as const;
const pendingQuery = {
  queryKey: pendingQueryKey,
  queryFn: () =>
    api<{ registrations: PendingRegistration[] }>("/api/registrations/pending").then((r) => r.registrations),
};

const fullName = (p: PatientProfile) => `${p.legalGivenName} ${p.legalFamilyName}`;

/** Front desk: online registrations waiting to be checked, oldest first. */
export function PendingRegistrationsPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const pending = useQuery(pendingQuery);
  const locale = currentLocale();
  const search = getRouteApi("/signed-in/patients/registrations").useSearch();
  return (
    <div className="stack">
      <PageHeader
        title={t("pending.title")}
        lead={<p>{t("pending.lead")}</p>}
        before={
          <Link to="/patients" className="back-link">
            {t("search.title")}
          </Link>
        }
      />
      {search.done ? <Alert tone="success" title={t(`pending.done.${search.done}`)} live="polite" /> : null}
      {pending.isPending ? <LoadingState /> : null}
      {pending.isError ? (
        <Alert tone="error" title={t("pending.failed")}>
          <p>{errorMessage(pending.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {pending.data && pending.data.length === 0 ? (
        <EmptyState title={t("pending.emptyTitle")}>
          <p>{t("pending.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {pending.data && pending.data.length > 0 ? (
        <ul className="item-list" aria-label={t("pending.listLabel", { count: pending.data.length })}>
          {pending.data.map((r) => (
            <li key={r.patient.id} className="item">
              <div className="item__head">
                <h2 className="item__title">{fullName(r.patient)}</h2>
                {r.possibleDuplicates.length > 0 ? (
                  <StatusChip tone="warning">
                    {t("pending.maybeDuplicate", { count: r.possibleDuplicates.length })}
                  </StatusChip>
                ) : (
                  <StatusChip tone="neutral">{t("pending.noMatches")}</StatusChip>
                )}
              </div>
              <p className="item__meta">
                {t("pending.meta", {
                  dob: formatCalendarDate(r.patient.dateOfBirth, locale),
                  when: formatDateTime(r.submittedAt, localTimeZone(), locale),
                })}
              </p>
              <div className="item__actions">
                <ButtonLink
                  to="/patients/registrations/$patientId"
                  params={{ patientId: r.patient.id }}
                  aria-label={t("pending.reviewNamed", { name: fullName(r.patient) })}
                >
                  {t("pending.review")}
                </ButtonLink>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** One registration: the details sent, any charts that may be the same person, and the decision. */
export function PendingRegistrationPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const { patientId } = getRouteApi("/signed-in/patients/registrations/$patientId").useParams();
  const pending = useQuery(pendingQuery);
  const locale = currentLocale();
  const registration = pending.data?.find((r) => r.patient.id === patientId);
  const back = (
    <Link to="/patients/registrations" search={{ done: undefined }} className="back-link">
      {t("pending.title")}
    </Link>
  );
  if (pending.isPending) return <LoadingState />;
  if (pending.isError || !registration) {
    return (
      <div className="stack">
        <PageHeader title={t("pending.goneTitle")} before={back} />
        <Alert tone={pending.isError ? "error" : "info"} title={t("pending.goneTitle")}>
          <p>{pending.isError ? errorMessage(pending.error, common, i18n.exists) : t("pending.goneBody")}</p>
        </Alert>
      </div>
    );
  }
  const p = registration.patient;
  const typed: ComparedPerson = {
    name: fullName(p),
    preferredName: p.preferredName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone,
    email: p.email,
  };
  return (
    <div className="stack">
      <PageHeader
        title={t("pending.reviewTitle", { name: fullName(p) })}
        lead={<p>{t("pending.reviewLead")}</p>}
        before={back}
      />
      <Card title={t("pending.sentTitle")} id="sent">
        <dl className="summary-list">
          <Row label={t("compare.name")} value={fullName(p)} />
          <Row label={t("compare.preferredName")} value={p.preferredName ?? t("compare.none")} />
          <Row label={t("compare.dateOfBirth")} value={formatCalendarDate(p.dateOfBirth, locale)} />
          <Row label={t("compare.sex")} value={t(`sex.${p.sex}`)} />
          <Row label={t("compare.phone")} value={p.phone ?? t("compare.none")} />
          <Row label={t("compare.email")} value={p.email ?? t("compare.none")} />
          <Row
            label={t("person.addressTitle")}
            value={
              p.address
                ? [p.address.line1, p.address.line2, p.address.city, p.address.region, p.address.postalCode]
                    .filter(Boolean)
                    .join(", ")
                : t("compare.none")
            }
          />
          <Row
            label={t("compare.submitted")}
            value={formatDateTime(registration.submittedAt, localTimeZone(), locale)}
          />
        </dl>
      </Card>
      {registration.possibleDuplicates.length > 0 ? (
        <>
          <h2 className="section-title">
            {t("pending.matchesTitle", { count: registration.possibleDuplicates.length })}
          </h2>
          <p>{t("pending.matchesLead")}</p>
          <ul className="compare-list">
            {registration.possibleDuplicates.map((candidate) => (
              <li key={candidate.id}>
                <DuplicateComparison
                  typed={typed}
                  typedHeading={t("compare.sent")}
                  candidate={candidate}
                  actions={<MergeAction sourceId={p.id} candidate={candidate} sourceName={fullName(p)} />}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <VerifyAction registration={registration} />
      <RejectAction registration={registration} />
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function MergeAction({
  sourceId,
  sourceName,
  candidate,
}: {
  sourceId: string;
  sourceName: string;
  candidate: DuplicateCandidate;
}) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const merge = useMutation({
    mutationFn: () =>
      api(`/api/patients/${sourceId}/merge`, {
        method: "POST",
        body: { intoPatientId: candidate.id, reason: reason.trim() },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=merged");
    },
  });
  return (
    <>
      <div className="item__actions">
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t("pending.merge", { mrn: candidate.mrn })}
        </Button>
      </div>
      <Dialog title={t("pending.mergeTitle")} isOpen={open} onOpenChange={setOpen}>
        <p>{t("pending.mergeBody", { name: sourceName, mrn: candidate.mrn })}</p>
        <Form
          onSubmit={() => {
            const next: FieldErrors = {};
            if (reason.trim().length < 5) next.mergeReason = t("pending.reasonMissing");
            setErrors(next);
            setAttempt((n) => n + 1);
            if (Object.keys(next).length === 0) merge.mutate();
          }}
          errors={errors}
          formError={merge.isError ? errorMessage(merge.error, common, i18n.exists) : null}
          attempt={attempt}
          aria-label={t("pending.mergeTitle")}
        >
          <TextField
            name="mergeReason"
            label={t("pending.reason")}
            description={t("pending.mergeReasonHint")}
            value={reason}
            onChange={setReason}
            errorMessage={errors.mergeReason}
            isRequired
          />
          <DialogActions>
            <Button type="submit" variant="danger" isPending={merge.isPending}>
              {t("pending.mergeConfirm")}
            </Button>
            <Button variant="secondary" onPress={() => setOpen(false)}>
              {common("common.cancel")}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}

function VerifyAction({ registration }: { registration: PendingRegistration }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const needsReason = registration.possibleDuplicates.length > 0;
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const verify = useMutation({
    mutationFn: () =>
      api(`/api/registrations/${registration.patient.id}/verify`, {
        method: "POST",
        body: needsReason ? { duplicateOverride: { confirmNotDuplicate: true, reason: reason.trim() } } : {},
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=verified");
    },
  });
  return (
    <Card title={needsReason ? t("pending.verifyAnywayTitle") : t("pending.verifyTitle")} id="verify">
      <p>{needsReason ? t("pending.verifyAnywayBody") : t("pending.verifyBody")}</p>
      <Form
        onSubmit={() => {
          const next: FieldErrors = {};
          if (needsReason && reason.trim().length < 5) next.verifyReason = t("pending.reasonMissing");
          setErrors(next);
          setAttempt((n) => n + 1);
          if (Object.keys(next).length === 0) verify.mutate();
        }}
        errors={errors}
        formError={verify.isError ? errorMessage(verify.error, common, i18n.exists) : null}
        attempt={attempt}
        aria-label={t("pending.verifyTitle")}
      >
        {needsReason ? (
          <TextField
            name="verifyReason"
            label={t("pending.reason")}
            description={t("pending.verifyReasonHint")}
            value={reason}
            onChange={setReason}
            errorMessage={errors.verifyReason}
            isRequired
          />
        ) : null}
        <FormActions>
          <Button type="submit" isPending={verify.isPending}>
            {needsReason ? t("pending.verifyAnyway") : t("pending.verify")}
          </Button>
        </FormActions>
      </Form>
    </Card>
  );
}

const REJECTION_REASONS: readonly RegistrationRejectionReason[] = [
  "duplicate_record",
  "details_not_confirmed",
  "not_accepting_patients",
  "other",
];

/** Reject with a reason the applicant is emailed in their own language; asks first, in a dialog. */
function RejectAction({ registration }: { registration: PendingRegistration }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const name = fullName(registration.patient);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<RegistrationRejectionReason | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const reject = useMutation({
    mutationFn: () =>
      api<RejectRegistrationResponse>(`/api/registrations/${registration.patient.id}/reject`, {
        method: "POST",
        body: { reason, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    onSuccess: async () => {
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: pendingQueryKey });
      navigateTo("/patients/registrations?done=rejected");
    },
  });
  return (
    <Card title={t("pending.rejectTitle")} id="reject">
      <p>{t("pending.rejectBody")}</p>
      <div className="item__actions">
        <Button variant="secondary" onPress={() => setOpen(true)}>
          {t("pending.reject")}
        </Button>
      </div>
      <Dialog title={t("pending.rejectDialogTitle")} isOpen={open} onOpenChange={setOpen}>
        <p>{t("pending.rejectDialogBody", { name })}</p>
        <Form
          onSubmit={() => {
            const next: FieldErrors = {};
            if (!reason) next.rejectReason = t("pending.rejectReasonMissing");
            setErrors(next);
            setAttempt((n) => n + 1);
            if (Object.keys(next).length === 0) reject.mutate();
          }}
          errors={errors}
          formError={reject.isError ? errorMessage(reject.error, common, i18n.exists) : null}
          attempt={attempt}
          aria-label={t("pending.rejectDialogTitle")}
        >
          <Select
            name="rejectReason"
            label={t("pending.rejectReason")}
            value={reason}
            placeholder={t("person.choose")}
            options={REJECTION_REASONS.map((id) => ({ id, label: t(`pending.rejectReasons.${id}`) }))}
            onChange={(value) => {
              setReason(value as RegistrationRejectionReason);
              setErrors(({ rejectReason: _answered, ...rest }) => rest);
            }}
            errorMessage={errors.rejectReason}
            isRequired
          />
          <TextField
            name="rejectNote"
            label={t("pending.rejectNote")}
            description={t("pending.rejectNoteHint")}
            value={note}
            onChange={setNote}
            maxLength={500}
          />
          <DialogActions>
            <Button type="submit" variant="danger" isPending={reject.isPending}>
              {t("pending.rejectConfirm")}
            </Button>
            <Button variant="secondary" onPress={() => setOpen(false)}>
              {common("common.cancel")}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </Card>
  );
}
