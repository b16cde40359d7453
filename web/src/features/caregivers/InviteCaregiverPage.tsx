import type { CreateProxyInvitationRequest, ProxyScope } from "@portico/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { patientKeys } from "../../api/patients";
import { useActingFor } from "../../app/acting-for";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { EMAIL } from "../registration/shared";
import { endOfDay, GrantFields } from "./ScopeFields";

/** An adult patient invites a caregiver by email, choosing exactly what they may do. */
export function InviteCaregiverPage() {
  const { t } = useTranslation("caregivers");
  const { patient } = useActingFor();
  const queryClient = useQueryClient();
  const form = useForm({
    initial: { email: "", relationship: "", scopes: ["appointments"] as ProxyScope[], until: "" },
    validate: ({ email, relationship, scopes, until }) => {
      const next: FieldErrors = {};
      if (!email.trim()) next.email = t("form.emailMissing");
      else if (!EMAIL.test(email.trim())) next.email = t("form.emailInvalid");
      if (!relationship) next.relationship = t("form.relationshipMissing");
      if (scopes.length === 0) next.scopes = t("form.scopesMissing");
      if (until && !endOfDay(until)) next.until = t("form.untilInvalid");
      return next;
    },
    submit: async ({ email, relationship, scopes, until }) => {
      if (!patient) return false;
      const endsAt = until ? endOfDay(until) : null;
      const body: CreateProxyInvitationRequest = {
        email: email.trim(),
        relationship: relationship as CreateProxyInvitationRequest["relationship"],
        scopes,
        ...(endsAt ? { endsAt } : {}),
      };
      await api(`/api/patients/${patient.id}/proxies/invitations`, { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: patientKeys.proxies(patient.id) });
      return true;
    },
    onSuccess: (sent, { email }) => {
      if (sent) navigateTo(`/profile/caregivers?invited=${encodeURIComponent(email.trim())}`);
    },
    serverField: (path) => (path === "endsAt" ? "until" : path),
  });

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
      <Form {...form.formProps} aria-label={t("invite.title")}>
        <GrantFields
          email={form.field("email")}
          emailLabel={t("form.email")}
          emailHint={t("invite.emailHint")}
          relationship={form.field("relationship")}
          relationshipHint={t("invite.relationshipHint")}
          scopes={{ value: form.values.scopes, onChange: form.set("scopes"), errorMessage: form.errors.scopes }}
          until={form.field("until")}
        />
        <p className="text-muted">{t("invite.whatNext")}</p>
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {t("invite.submit")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
