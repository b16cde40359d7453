import type { ProxyInvitationSummary } from "@portico/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { patientKeys } from "../../api/patients";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { api } from "../../lib/api";

/** Withdrawing an invitation that has not been accepted yet: the button, and why it failed when it did. */
export function CancelInvitation({ invitation, patientId }: { invitation: ProxyInvitationSummary; patientId: string }) {
  const { t } = useTranslation("caregivers");
  const _common = useTranslation().t;
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => api(`/api/patients/${patientId}/proxies/invitations/${invitation.id}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: patientKeys.proxies(patientId) }),
  });
  return (
    <>
      {cancel.isError ? <ErrorAlert title={t("page.cancelFailed")} error={cancel.error} /> : null}
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
