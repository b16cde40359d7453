import type { IdentityChangeRequest, IdentityChanges } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate, formatDateTime, localTimeZone } from "../../lib/format";
import "../registration/registration.css";
import "./identity-review.css";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { BackToSearch } from "./BackToSearch";

const queueKey = ["identity-change-requests", "pending"] as const;
const FIELDS = ["legalGivenName", "legalFamilyName", "dateOfBirth", "sex"] as const;
type Field = (typeof FIELDS)[number];
type Decided = { decision: "approve" | "deny"; name: string };

/** Front desk: patients' requests to change legal name, date of birth or sex, oldest first. */
export function IdentityChangeRequestsPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const [decided, setDecided] = useState<Decided | null>(null);
  const queue = useQuery({
    queryKey: queueKey,
    queryFn: () =>
      api<{ requests: IdentityChangeRequest[] }>("/api/identity-change-requests?status=pending").then(
        (r) => r.requests,
      ),
  });
  return (
    <div className="stack">
      <PageHeader
        title={t("identityReview.title")}
        lead={<p>{t("identityReview.lead")}</p>}
        before={<BackToSearch />}
      />
      {decided ? (
        <Alert
          tone="success"
          live="polite"
          title={t(decided.decision === "approve" ? "identityReview.approvedTitle" : "identityReview.deniedTitle", {
            name: decided.name,
          })}
        >
          <p>{t(decided.decision === "approve" ? "identityReview.approvedBody" : "identityReview.deniedBody")}</p>
        </Alert>
      ) : null}
      {queue.isPending ? <LoadingState /> : null}
      {queue.isError ? (
        <Alert tone="error" title={t("identityReview.failed")}>
          <p>{errorMessage(queue.error, common, i18n.exists)}</p>
          <Button variant="secondary" onPress={() => queue.refetch()}>
            {t("identityReview.retry")}
          </Button>
        </Alert>
      ) : null}
      {queue.data && queue.data.length === 0 ? (
        <EmptyState title={t("identityReview.emptyTitle")}>
          <p>{t("identityReview.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {queue.data && queue.data.length > 0 ? (
        <ul className="compare-list" aria-label={t("identityReview.listLabel", { count: queue.data.length })}>
          {queue.data.map((request) => (
            <li key={request.id}>
              <RequestCard request={request} onDecided={setDecided} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function RequestCard({ request, onDecided }: { request: IdentityChangeRequest; onDecided: (d: Decided) => void }) {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [dialog, setDialog] = useState<"approve" | "deny" | null>(null);
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const decide = useMutation({
    mutationFn: (body: { decision: "approve" | "deny"; note?: string }) =>
      api<IdentityChangeRequest>(`/api/identity-change-requests/${request.id}/decision`, { method: "POST", body }),
    onSuccess: async (_result, body) => {
      setDialog(null);
      onDecided({ decision: body.decision, name: request.patientName });
      await queryClient.invalidateQueries({ queryKey: queueKey });
    },
  });

  const show = (field: Field, changes: IdentityChanges): string => {
    const value = changes[field];
    if (!value) return t("compare.none");
    if (field === "dateOfBirth") return formatCalendarDate(value, locale);
    if (field === "sex") return t(`sex.${value}`);
    return value;
  };
  const changed = FIELDS.filter((f) => request.changes[f] !== undefined && request.changes[f] !== request.current[f]);
  const titleId = `identity-request-${request.id}`;

  function open(which: "approve" | "deny") {
    decide.reset();
    setErrors({});
    setNote("");
    setDialog(which);
  }

  function deny() {
    const trimmed = note.trim();
    const next: FieldErrors = {};
    if (!trimmed) next.note = t("identityReview.noteMissing");
    else if (trimmed.length > 500) next.note = t("identityReview.noteTooLong");
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length === 0) decide.mutate({ decision: "deny", note: trimmed });
  }

  return (
    <section className="compare-card" aria-labelledby={titleId}>
      <h2 className="compare-card__title" id={titleId}>
        {t("identityReview.cardTitle", { name: request.patientName, mrn: request.mrn })}
      </h2>
      <p>
        <StatusChip tone="warning">{t("identityReview.waiting")}</StatusChip>{" "}
        {t("identityReview.asked", { when: formatDateTime(request.createdAt, localTimeZone(), locale) })}
      </p>
      <div className="table-wrap">
        <table className="compare identity-compare">
          <caption className="visually-hidden">{t("identityReview.caption", { name: request.patientName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("compare.detail")}</th>
              <th scope="col">{t("identityReview.now")}</th>
              <th scope="col">{t("identityReview.requested")}</th>
            </tr>
          </thead>
          <tbody>
            {changed.map((field) => (
              <tr key={field}>
                <th scope="row">{t(`identityReview.fields.${field}`)}</th>
                <td>{show(field, request.current)}</td>
                <td>{show(field, request.changes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <h3 className="item__title">{t("identityReview.reasonTitle")}</h3>
        <p>{request.reason}</p>
      </div>
      <div className="item__actions">
        <Button
          onPress={() => open("approve")}
          aria-label={t("identityReview.approveNamed", { name: request.patientName })}
        >
          {t("identityReview.approve")}
        </Button>
        <Button
          variant="secondary"
          onPress={() => open("deny")}
          aria-label={t("identityReview.denyNamed", { name: request.patientName })}
        >
          {t("identityReview.deny")}
        </Button>
        <Link to="/patients/$patientId" params={{ patientId: request.patientId }}>
          {t("identityReview.openChart", { name: request.patientName })}
        </Link>
      </div>

      <ConfirmDialog
        title={t("identityReview.approveTitle", { name: request.patientName })}
        isOpen={dialog === "approve"}
        onOpenChange={(isOpen) => setDialog(isOpen ? "approve" : null)}
        confirmLabel={t("identityReview.approveConfirm")}
        confirmVariant="primary"
        isPending={decide.isPending}
        onConfirm={() => decide.mutate({ decision: "approve" })}
        keepLabel={t("identityReview.cancel")}
      >
        <p>{t("identityReview.approveBody")}</p>
        {decide.isError ? <ErrorAlert title={t("identityReview.decideFailed")} error={decide.error} /> : null}
      </ConfirmDialog>

      <Dialog
        title={t("identityReview.denyTitle", { name: request.patientName })}
        isOpen={dialog === "deny"}
        onOpenChange={(isOpen) => setDialog(isOpen ? "deny" : null)}
      >
        <Form
          onSubmit={deny}
          errors={errors}
          formError={decide.isError ? errorMessage(decide.error, common, i18n.exists) : null}
          attempt={attempt}
          aria-label={t("identityReview.denyTitle", { name: request.patientName })}
        >
          <TextField
            name="note"
            label={t("identityReview.noteLabel")}
            description={t("identityReview.noteHint")}
            value={note}
            onChange={setNote}
            errorMessage={errors.note}
          />
          <DialogActions>
            <Button type="submit" variant="danger" isPending={decide.isPending}>
              {t("identityReview.denyConfirm")}
            </Button>
            <Button variant="secondary" onPress={() => setDialog(null)}>
              {t("identityReview.cancel")}
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </section>
  );
}
