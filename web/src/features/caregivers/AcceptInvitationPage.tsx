import type { InvitationPreview, ProxyGrant } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useActingFor } from "../../app/acting-for";
import { navigateTo } from "../../app/navigation";
import { meQuery, meQueryKey } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { formatDateTime, localTimeZone } from "../../lib/format";
import { AuthLayout } from "../identity/AuthLayout";
import { CreateAccountForm } from "./CreateAccountForm";
import "./caregivers.css";
import { ErrorAlert } from "../../components/ErrorAlert";

const route = getRouteApi("/invitations/accept");

/** The link in a caregiver invitation: see who invited you, sign in, accept. */
export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const { token } = route.useSearch();
  const me = useQuery(meQuery);
  const queryClient = useQueryClient();
  const { setPatientId } = useActingFor();
  const [creating, setCreating] = useState(false);
  const preview = useQuery({
    queryKey: ["invitation", token],
    queryFn: () => api<InvitationPreview>("/api/invitations/preview", { method: "POST", body: { token } }),
    enabled: Boolean(token),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => api<ProxyGrant>("/api/invitations/accept", { method: "POST", body: { token } }),
    onSuccess: async (grant) => {
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
      await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      setPatientId(grant.patientId);
      navigateTo("/home?accepted=1");
    },
  });
  const here = `/invitations/accept?token=${encodeURIComponent(token ?? "")}`;

  if (!token || preview.isError) {
    return (
      <AuthLayout>
        <PageHeader title={t("accept.badTitle")} />
        <Alert tone="error" title={t("accept.badAlert")}>
          <p>{preview.isError ? errorMessage(preview.error, common, i18n.exists) : t("accept.badBody")}</p>
        </Alert>
        <p>{t("accept.badNext")}</p>
      </AuthLayout>
    );
  }
  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout>
        <PageHeader title={t("accept.title")} />
        <LoadingState />
      </AuthLayout>
    );
  }
  const invitation = preview.data;
  const signedIn = Boolean(me.data);
  return (
    <AuthLayout
      aside={
        signedIn ? null : (
          <>
            <h2>{t("accept.patientTitle")}</h2>
            <p>{t("accept.patientBody")}</p>
            <p>
              <Link to="/activate">{t("accept.activateLink")}</Link>
            </p>
          </>
        )
      }
    >
      <PageHeader
        title={t("accept.title")}
        lead={
          <p>
            {t(invitation.fromClinic ? "accept.leadClinic" : "accept.lead", {
              name: invitation.inviterFirstName,
              clinic: invitation.clinicName,
            })}
          </p>
        }
      />
      <p>{t("accept.expires", { when: formatDateTime(invitation.expiresAt, localTimeZone(), currentLocale()) })}</p>
      <p>{t(invitation.fromClinic ? "accept.whatClinic" : "accept.what", { name: invitation.inviterFirstName })}</p>
      {accept.isError ? <ErrorAlert title={t("accept.failed")} error={accept.error} /> : null}
      {signedIn ? (
        <>
          <p>{t("accept.signedInAs", { name: me.data?.user.displayName })}</p>
          <Button block isPending={accept.isPending} onPress={() => accept.mutate()}>
            {t("accept.submit")}
          </Button>
        </>
      ) : creating ? (
        <section className="invitation-create" aria-labelledby="create-account-heading">
          <h2 id="create-account-heading">{t("create.title")}</h2>
          <p>{t("create.lead")}</p>
          <CreateAccountForm token={token} inviterName={invitation.inviterFirstName} />
          <p>
            <Button variant="secondary" onPress={() => setCreating(false)}>
              {t("create.back")}
            </Button>
          </p>
        </section>
      ) : (
        <div className="invitation-choices">
          <section aria-labelledby="have-account-heading">
            <h2 id="have-account-heading">{t("accept.haveAccountTitle")}</h2>
            <p>{t("accept.signInFirst")}</p>
            <ButtonLink to="/sign-in" search={{ redirect: here, status: undefined }}>
              {t("accept.signIn")}
            </ButtonLink>
          </section>
          <section aria-labelledby="new-account-heading">
            <h2 id="new-account-heading">{t("accept.newHereTitle")}</h2>
            <p>{t("accept.newHereBody")}</p>
            <Button variant="secondary" onPress={() => setCreating(true)}>
              {t("accept.createAccount")}
            </Button>
          </section>
        </div>
      )}
    </AuthLayout>
  );
}
