import type { SmartClientCreated, SmartClientList } from "@portico/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TextField as AriaTextField, Label, Text, TextArea } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/fields";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import "./connected-apps.css";

/** Administrators register the apps patients may connect (SMART App Launch clients). */
export function AdminAppsPage() {
  const { t } = useTranslation("connectedApps");
  const common = useTranslation();
  useDocumentTitle(t("admin.title"));
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ["smart-clients"],
    queryFn: ({ signal }) => api<SmartClientList>("/api/smart/clients", { signal }),
  });
  const [name, setName] = useState("");
  const [confidential, setConfidential] = useState(false);
  const [uris, setUris] = useState("");
  const create = useMutation({
    mutationFn: () =>
      api<SmartClientCreated>("/api/smart/clients", {
        method: "POST",
        body: {
          name,
          confidential,
          redirectUris: uris
            .split(/\s+/)
            .map((u) => u.trim())
            .filter(Boolean),
        },
      }),
    onSuccess: async () => {
      setName("");
      setUris("");
      setConfidential(false);
      await client.invalidateQueries({ queryKey: ["smart-clients"] });
    },
  });
  const disable = useMutation({
    mutationFn: (clientId: string) => api(`/api/smart/clients/${clientId}/disable`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["smart-clients"] }),
  });

  return (
    <>
      <PageHeader title={t("admin.title")} lead={<p>{t("admin.lead")}</p>} />
      <section aria-labelledby="register-app" className="stack admin-apps__form">
        <h2 id="register-app">{t("admin.register")}</h2>
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            create.mutate();
          }}
        >
          <TextField name="name" label={t("admin.name")} value={name} onChange={setName} isRequired />
          <Checkbox isSelected={confidential} onChange={setConfidential} description={t("admin.confidentialHint")}>
            {t("admin.confidential")}
          </Checkbox>
          <AriaTextField className="field field--full" value={uris} onChange={setUris} isRequired name="redirectUris">
            <Label className="field__label">{t("admin.redirectUris")}</Label>
            <Text slot="description" className="field__hint">
              {t("admin.redirectUrisHint")}
            </Text>
            <TextArea className="input" rows={3} />
          </AriaTextField>
          <div>
            <Button type="submit" isPending={create.isPending}>
              {t("admin.save")}
            </Button>
          </div>
        </form>
        <div aria-live="polite">
          {create.isSuccess ? (
            <Alert tone="success" title={t("admin.saved", { app: create.data.client.name })}>
              <p>
                {t("admin.clientId")}: <code>{create.data.client.clientId}</code>
              </p>
              {create.data.clientSecret ? (
                <p>
                  {t("admin.secretOnce")} <code className="admin-apps__secret">{create.data.clientSecret}</code>
                </p>
              ) : null}
            </Alert>
          ) : null}
          {create.isError ? (
            <Alert tone="error">
              <p>{errorMessage(create.error, common.t, common.i18n.exists)}</p>
            </Alert>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="registered-apps" className="stack">
        <h2 id="registered-apps">{t("admin.registered")}</h2>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <Alert tone="error">
            <p>{errorMessage(list.error, common.t, common.i18n.exists)}</p>
          </Alert>
        ) : list.data.clients.length === 0 ? (
          <EmptyState title={t("admin.none")} headingLevel={3} />
        ) : (
          <ul className="connected-apps">
            {list.data.clients.map((c) => (
              <li key={c.clientId} className="connected-app">
                <h3 className="connected-app__name">{c.name}</h3>
                <p>
                  {t("admin.clientId")}: <code>{c.clientId}</code>
                </p>
                <p>{c.confidential ? t("admin.kindConfidential") : t("admin.kindPublic")}</p>
                <ul className="connected-app__types">
                  {c.redirectUris.map((u) => (
                    <li key={u}>
                      <code>{u}</code>
                    </li>
                  ))}
                </ul>
                {c.disabled ? (
                  <p>{t("admin.disabled")}</p>
                ) : (
                  <Button variant="danger" onPress={() => disable.mutate(c.clientId)}>
                    {t("admin.disable", { app: c.name })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
