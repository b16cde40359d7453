import type { CreateProxyGrantRequest, ProxyGrant, ProxyScope, StaffGrantInvited } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { patientKeys, staffPatientQuery } from "../../api/patients";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { dayOf, proxiesQuery } from "../caregivers/GrantList";
import { endOfDay, GrantFields } from "../caregivers/ScopeFields";
import { EMAIL } from "../registration/shared";
import { PatientBanner } from "./PatientBanner";

const route = getRouteApi("/signed-in/patients/$patientId/caregivers/new");

/** Front desk: access for a parent of a minor or a legal representative, with the reason recorded. */
export function StaffGrantPage() {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { patientId } = route.useParams();
  const queryClient = useQueryClient();
  const profile = useQuery(staffPatientQuery(patientId));
  const proxies = useQuery(proxiesQuery(patientId));
  // an email with no account: the grant waits as an invitation, and this page says what happens next
  const [invited, setInvited] = useState<StaffGrantInvited | null>(null);
  const form = useForm({
    initial: {
      proxyEmail: "",
      relationship: "",
      scopes: ["appointments", "medications"] as ProxyScope[],
      until: "",
      reason: "",
    },
    validate: ({ proxyEmail, relationship, scopes, until, reason }) => {
      const next: FieldErrors = {};
      if (!proxyEmail.trim()) next.proxyEmail = t("form.emailMissing");
      else if (!EMAIL.test(proxyEmail.trim())) next.proxyEmail = t("form.emailInvalid");
      if (!relationship) next.relationship = t("form.relationshipMissing");
      if (scopes.length === 0) next.scopes = t("form.scopesMissing");
      if (until && !endOfDay(until)) next.until = t("form.untilInvalid");
      if (reason.trim().length < 5) next.reason = t("staff.reasonMissing");
      return next;
    },
    submit: async ({ proxyEmail, relationship, scopes, until, reason }) => {
      const endsAt = until ? endOfDay(until) : null;
      const body: CreateProxyGrantRequest = {
        proxyEmail: proxyEmail.trim(),
        relationship: relationship as CreateProxyGrantRequest["relationship"],
        scopes,
        reason: reason.trim(),
        ...(endsAt ? { endsAt } : {}),
      };
      const outcome = await api<ProxyGrant | StaffGrantInvited>(`/api/patients/${patientId}/proxies`, {
        method: "POST",
        body,
      });
      await queryClient.invalidateQueries({ queryKey: patientKeys.proxies(patientId) });
      return outcome;
    },
    onSuccess: (outcome) => {
      if ("status" in outcome && outcome.status === "invited") setInvited(outcome);
      else navigateTo(`/patients/${patientId}`);
    },
    serverField: (path) => (path === "endsAt" ? "until" : path),
    labels: { proxyEmail: t("staff.email"), until: t("form.until"), reason: t("staff.reason") },
  });

  if (profile.isPending) return <LoadingState />;
  if (profile.isError) {
    return (
      <Alert tone="error" title={t("page.failed")}>
        <p>{errorMessage(profile.error, common, i18n.exists)}</p>
      </Alert>
    );
  }
  const patient = profile.data;
  const patientName = `${patient.preferredName ?? patient.legalGivenName} ${patient.legalFamilyName}`;
  if (invited) {
    return (
      <InvitedNext
        invited={invited}
        patientId={patientId}
        patientName={patientName}
        onAnother={() => {
          setInvited(null);
          form.reset({ ...form.values, proxyEmail: "", reason: "", until: "" });
        }}
      />
    );
  }

  return (
    <div className="stack">
      <PageHeader
        title={t("staff.addTitle")}
        lead={<p>{t("staff.addLead")}</p>}
        before={
          <Link to="/patients/$patientId" params={{ patientId }} className="back-link">
            {`${patient.legalGivenName} ${patient.legalFamilyName}`}
          </Link>
        }
      />
      <PatientBanner patient={patient} proxies={proxies.data} />
      {patient.adolescent ? (
        <Alert tone="info" title={t("staff.teenTitle")}>
          <p>{t("staff.teenBody")}</p>
        </Alert>
      ) : null}
      <Form {...form.formProps} aria-label={t("staff.addTitle")}>
        <GrantFields
          email={form.field("proxyEmail")}
          emailLabel={t("staff.email")}
          emailHint={t("staff.emailHint")}
          relationship={form.field("relationship")}
          scopes={{ value: form.values.scopes, onChange: form.set("scopes"), errorMessage: form.errors.scopes }}
          until={form.field("until")}
        />
        <TextField {...form.field("reason")} label={t("staff.reason")} description={t("staff.reasonHint")} isRequired />
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("staff.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}

/** After a grant to an email with no account: what was sent, and what happens next. */
function InvitedNext({
  invited,
  patientId,
  patientName,
  onAnother,
}: {
  invited: StaffGrantInvited;
  patientId: string;
  patientName: string;
  onAnother: () => void;
}) {
  const { t } = useTranslation("caregivers");
  const { invitation } = invited;
  return (
    <div className="stack">
      <PageHeader
        title={t("staff.invitedTitle")}
        before={
          <Link to="/patients/$patientId" params={{ patientId }} className="back-link">
            {patientName}
          </Link>
        }
      />
      <Alert tone="success" title={t("staff.invitedAlert", { email: invitation.email })} live="polite">
        <p>{t("staff.invitedBody", { email: invitation.email, name: patientName })}</p>
        {invited.replacedEarlier ? <p>{t("staff.invitedReplaced")}</p> : null}
      </Alert>
      <section aria-labelledby="next-heading">
        <h2 id="next-heading">{t("staff.nextTitle")}</h2>
        <ol className="stack">
          <li>{t("staff.next1", { email: invitation.email, until: dayOf(invitation.expiresAt) })}</li>
          <li>{t("staff.next2")}</li>
          <li>{t("staff.next3", { name: patientName })}</li>
          <li>{t("staff.next4", { name: patientName })}</li>
        </ol>
      </section>
      <FormActions>
        <ButtonLink to="/patients/$patientId" params={{ patientId }}>
          {t("staff.backTo", { name: patientName })}
        </ButtonLink>
        <Button variant="secondary" onPress={onAnother}>
          {t("staff.another")}
        </Button>
      </FormActions>
    </div>
  );
}
