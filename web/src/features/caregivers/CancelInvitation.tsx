import type { ProxyInvitationSummary } from "@portico/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { patientKeys } from "../../api/patients";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";

/** Withdrawing an invitation that has not been accepted yet: the button, and why it failed when it did. */
export function CancelInvitation({ invitation, patientId }: { invitation: ProxyInvitationSummary; patientId: string }) {
  const { t, i18n } = useTranslation("caregivers");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api(`/api/patients/${patientId}/proxies/invitations/${invitation.id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKeys.proxies(patientId) }),
  });
  return (
    <>
      {cancel.isError ? (
        <Alert tone="error" title={t("page.cancelFailed")} live="assertive">
          <p>{errorMessage(cancel.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      <div className="item__actions">
        <Button
          variant="secondary"
          isPending={cancel.isPending}
          onPress={() => cancel.mutate()}
          aria-label={t("page.cancelNamed", { email: invitation.email })}
        >
          {t("page.cancel")}
        </Button>
      </div>
    </>
  );
}
