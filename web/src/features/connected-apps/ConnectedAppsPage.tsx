import type { ConnectedAppList } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { TypeName } from "./TypeName";
import "./connected-apps.css";

/** The apps that may read the signed-in user's record (or records they allowed), and disconnecting one. */
export function ConnectedAppsPage() {
  const { t, i18n } = useTranslation("connectedApps");
  const common = useTranslation();
  useDocumentTitle(t("list.title"));
  const client = useQueryClient();
  const apps = useQuery({
    queryKey: ["connected-apps"],
    queryFn: ({ signal }) => api<ConnectedAppList>("/api/smart/connected-apps", { signal }),
  });
  const [confirming, setConfirming] = useState<{ grantId: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (grantId: string) => api(`/api/smart/connected-apps/${grantId}/revoke`, { method: "POST" }),
    onSuccess: async () => {
      setDone(confirming?.name ?? "");
      setConfirming(null);
      await client.invalidateQueries({ queryKey: ["connected-apps"] });
    },
  });
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <PageHeader title={t("list.title")} lead={<p>{t("list.lead")}</p>} />
      <div aria-live="polite">
        {done !== null ? (
          <Alert tone="success" live="polite">
            <p>{t("list.revoked", { app: done })}</p>
          </Alert>
        ) : null}
      </div>
      {apps.isPending ? (
        <LoadingState label={t("list.loading")} />
      ) : apps.isError ? (
        <Alert tone="error">
          <p>{errorMessage(apps.error, common.t, common.i18n.exists)}</p>
        </Alert>
      ) : apps.data.apps.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")}>
          <p>{t("list.empty")}</p>
        </EmptyState>
      ) : (
        <ul className="connected-apps">
          {apps.data.apps.map((app) => (
            <li key={app.grantId} className="connected-app">
              <h2 className="connected-app__name">{app.app.name}</h2>
              <p>{t("list.forPatient", { name: app.patient.name, by: app.grantedBy })}</p>
              <p>{t("list.grantedAt", { when: date.format(new Date(app.grantedAt)) })}</p>
              <p className="connected-app__label">{t("list.mayRead")}</p>
              <ul className="connected-app__types">
                {app.types.map((type) => (
                  <li key={type}>
                    <TypeName type={type} />
                  </li>
                ))}
              </ul>
              {app.offline ? <p>{t("list.offline")}</p> : null}
              <Button variant="danger" onPress={() => setConfirming({ grantId: app.grantId, name: app.app.name })}>
                {t("list.revoke", { app: app.app.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Dialog
        title={t("list.confirmTitle", { app: confirming?.name ?? "" })}
        isOpen={confirming !== null}
        onOpenChange={(open) => {
          if (!open) setConfirming(null);
        }}
      >
        <p>{t("list.confirmBody")}</p>
        {revoke.isError ? (
          <Alert tone="error" live="assertive">
            <p>{errorMessage(revoke.error, common.t, common.i18n.exists)}</p>
          </Alert>
        ) : null}
        <DialogActions>
          <Button
            variant="danger"
            isPending={revoke.isPending}
            onPress={() => confirming && revoke.mutate(confirming.grantId)}
          >
            {t("list.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setConfirming(null)}>
            {t("list.cancel")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
