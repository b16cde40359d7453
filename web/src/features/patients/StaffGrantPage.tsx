import type { CreateProxyGrantRequest, ProxyScope } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
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
import { proxiesQuery, RELATIONSHIPS } from "../caregivers/GrantList";
import { endOfDay, ScopeFields } from "../caregivers/ScopeFields";
import { ageFrom, EMAIL } from "../registration/shared";
import { PatientBanner } from "./PatientBanner";
import { patientQuery } from "./PatientChartPage";

const route = getRouteApi("/signed-in/patients/$patientId/caregivers/new");

/** Front desk: access for a parent of a minor or a legal representative, with the reason recorded. */
export function StaffGrantPage() {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { patientId } = route.useParams();
  const queryClient = useQueryClient();
  const profile = useQuery(patientQuery(patientId));
  const proxies = useQuery(proxiesQuery(patientId));
  const [email, setEmail] = useState("");
  const [relationship, setRelationship] = useState("");
  const [scopes, setScopes] = useState<ProxyScope[]>(["appointments", "medications"]);
  const [until, setUntil] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  if (profile.isPending) return <LoadingState />;
  if (profile.isError) {
    return (
      <Alert tone="error" title={t("page.failed")}>
        <p>{errorMessage(profile.error, common, i18n.exists)}</p>
      </Alert>
    );
  }
  const patient = profile.data;
  const age = ageFrom(patient.dateOfBirth);
  const adolescent = age >= 12 && age < 18;

  async function submit() {
    const next: FieldErrors = {};
    if (!email.trim()) next.proxyEmail = t("form.emailMissing");
    else if (!EMAIL.test(email.trim())) next.proxyEmail = t("form.emailInvalid");
    if (!relationship) next.relationship = t("form.relationshipMissing");
    if (scopes.length === 0) next.scopes = t("form.scopesMissing");
    const endsAt = until ? endOfDay(until) : null;
    if (until && !endsAt) next.until = t("form.untilInvalid");
    if (reason.trim().length < 5) next.reason = t("staff.reasonMissing");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const body: CreateProxyGrantRequest = {
        proxyEmail: email.trim(),
        relationship: relationship as CreateProxyGrantRequest["relationship"],
        scopes,
        reason: reason.trim(),
        ...(endsAt ? { endsAt } : {}),
      };
      await api(`/api/patients/${patientId}/proxies`, { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: ["patients", patientId, "proxies"] });
      navigateTo(`/patients/${patientId}`);
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
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
      {adolescent ? (
        <Alert tone="info" title={t("staff.teenTitle")}>
          <p>{t("staff.teenBody")}</p>
        </Alert>
      ) : null}
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("staff.addTitle")}>
        <TextField
          name="proxyEmail"
          type="email"
          inputMode="email"
          spellCheck={false}
          autoComplete="off"
          label={t("staff.email")}
          description={t("staff.emailHint")}
          value={email}
          onChange={setEmail}
          errorMessage={errors.proxyEmail}
          isRequired
        />
        <Select
          name="relationship"
          label={t("form.relationship")}
          width="medium"
          placeholder={t("form.choose")}
          value={relationship || null}
          options={RELATIONSHIPS.map((r) => ({ id: r, label: t(`relationships.${r}`) }))}
          onChange={setRelationship}
          errorMessage={errors.relationship}
          isRequired
        />
        <ScopeFields value={scopes} onChange={setScopes} errorMessage={errors.scopes} />
        <TextField
          name="until"
          type="date"
          width="short"
          label={t("form.until")}
          description={t("form.untilHint")}
          value={until}
          onChange={setUntil}
          errorMessage={errors.until}
        />
        <TextField
          name="reason"
          label={t("staff.reason")}
          description={t("staff.reasonHint")}
          value={reason}
          onChange={setReason}
          errorMessage={errors.reason}
          isRequired
        />
        <FormActions>
          <Button type="submit" isPending={pending}>
            {t("staff.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
