import type { CreateProxyInvitationRequest, ProxyScope } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { EMAIL } from "../registration/shared";
import { RELATIONSHIPS } from "./GrantList";
import { endOfDay, ScopeFields } from "./ScopeFields";

/** An adult patient invites a caregiver by email, choosing exactly what they may do. */
export function InviteCaregiverPage() {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { patient } = useActingFor();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [relationship, setRelationship] = useState<string>("");
  const [scopes, setScopes] = useState<ProxyScope[]>(["appointments"]);
  const [until, setUntil] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const next: FieldErrors = {};
    if (!email.trim()) next.email = t("form.emailMissing");
    else if (!EMAIL.test(email.trim())) next.email = t("form.emailInvalid");
    if (!relationship) next.relationship = t("form.relationshipMissing");
    if (scopes.length === 0) next.scopes = t("form.scopesMissing");
    const endsAt = until ? endOfDay(until) : null;
    if (until && !endsAt) next.until = t("form.untilInvalid");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0 || !patient) return;
    setPending(true);
    try {
      const body: CreateProxyInvitationRequest = {
        email: email.trim(),
        relationship: relationship as CreateProxyInvitationRequest["relationship"],
        scopes,
        ...(endsAt ? { endsAt } : {}),
      };
      await api(`/api/patients/${patient.id}/proxies/invitations`, { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: ["patients", patient.id, "proxies"] });
      navigateTo(`/profile/caregivers?invited=${encodeURIComponent(email.trim())}`);
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="stack narrow">
      <PageHeader
        title={t("invite.title")}
        lead={<p>{t("invite.lead")}</p>}
        before={
          <Link to="/profile/caregivers" search={{ invited: undefined }} className="back-link">
            {t("page.title")}
          </Link>
        }
      />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("invite.title")}>
        <TextField
          name="email"
          type="email"
          inputMode="email"
          spellCheck={false}
          autoComplete="off"
          label={t("form.email")}
          description={t("invite.emailHint")}
          value={email}
          onChange={setEmail}
          errorMessage={errors.email}
          isRequired
        />
        <Select
          name="relationship"
          label={t("form.relationship")}
          description={t("invite.relationshipHint")}
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
        <p className="text-muted">{t("invite.whatNext")}</p>
        <FormActions>
          <Button type="submit" isPending={pending}>
            {t("invite.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
