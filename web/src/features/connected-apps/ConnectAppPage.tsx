import type { SmartAuthorization, SmartRedirect } from "@portico/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useState } from "react";
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { TypeName } from "./TypeName";
import "./connected-apps.css";

/**
 * The consent step of SMART App Launch: the signed-in patient or caregiver chooses whose record
 * the app may read (the server offers themselves and those they act for) and which kinds of
 * records (a caregiver is offered only what their grant covers), then allows or denies. The
 * answer's `redirectTo` takes the browser back through the authorization server to the app.
 */
export function ConnectAppPage() {
  const { t } = useTranslation("connectedApps");
  const common = useTranslation();
  const { uid } = useParams({ from: "/signed-in/connect-app/$uid" });
  const request = useQuery({
    queryKey: ["smart-authorization", uid],
    queryFn: ({ signal }) => api<SmartAuthorization>(`/api/smart/authorizations/${uid}`, { signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const [patientId, setPatientId] = useState<string | null>(null);
  const [types, setTypes] = useState<string[] | null>(null);
  const patients = request.data?.patients ?? [];
  const chosenPatient = patients.find((p) => p.id === patientId) ?? (patients.length === 1 ? patients[0] : undefined);
  const chosenTypes = types ?? chosenPatient?.types ?? [];
  const title = request.data ? t("consent.title", { app: request.data.app.name }) : t("consent.titleGeneric");
  useDocumentTitle(title);

  const answer = useMutation({
    mutationFn: (allow: boolean) =>
      allow
        ? api<SmartRedirect>(`/api/smart/authorizations/${uid}/allow`, {
            method: "POST",
            body: { patientId: chosenPatient?.id, types: chosenTypes },
          })
        : api<SmartRedirect>(`/api/smart/authorizations/${uid}/deny`, { method: "POST" }),
    onSuccess: (result) => window.location.assign(result.redirectTo),
  });

  if (request.isPending) return <LoadingState label={t("consent.loading")} />;
  if (request.isError) {
    return (
      <>
        <PageHeader title={t("consent.titleGeneric")} />
        <Alert tone={isApiError(request.error, "not_found") ? "info" : "error"} title={t("consent.endedTitle")}>
          <p>
            {isApiError(request.error, "not_found")
              ? t("consent.ended")
              : errorMessage(request.error, common.t, common.i18n.exists)}
          </p>
        </Alert>
      </>
    );
  }
  const data = request.data;
  const busy = answer.isPending || answer.isSuccess;
  return (
    <>
      <PageHeader title={title} lead={<p>{t("consent.lead", { app: data.app.name })}</p>} />
      {patients.length === 0 ? (
        <div className="stack">
          <Alert tone="info" title={t("consent.nobodyTitle")}>
            <p>{t("consent.nobody")}</p>
          </Alert>
          <div>
            <Button variant="secondary" onPress={() => answer.mutate(false)} isDisabled={busy}>
              {t("consent.deny")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="stack connect-app">
          {patients.length > 1 ? (
            <RadioGroup
              className="choice-group"
              value={chosenPatient?.id ?? null}
              onChange={(id) => {
                setPatientId(id);
                setTypes(null);
              }}
            >
              <Label className="choice-group__label">{t("consent.whose")}</Label>
              {patients.map((p) => (
                <Radio key={p.id} value={p.id} className="choice">
                  {p.self ? t("consent.myself", { name: p.name }) : p.name}
                </Radio>
              ))}
            </RadioGroup>
          ) : (
            <p>{t("consent.forPatient", { name: chosenPatient?.name ?? "" })}</p>
          )}
          {chosenPatient ? (
            <CheckboxGroup className="choice-group" value={chosenTypes} onChange={setTypes}>
              <Label className="choice-group__label">{t("consent.which")}</Label>
              {chosenPatient.types.map((type) => (
                <Checkbox key={type} value={type} className="checkbox">
                  <span className="checkbox__box" aria-hidden="true">
                    <svg viewBox="0 0 18 18" focusable="false" aria-hidden="true">
                      <polyline points="3.5 9.5 7.5 13 14.5 5" />
                    </svg>
                  </span>
                  <span className="checkbox__text">
                    <TypeName type={type} />
                  </span>
                </Checkbox>
              ))}
            </CheckboxGroup>
          ) : null}
          {chosenPatient && data.requestedTypes.length > chosenPatient.types.length ? (
            <p className="connect-app__note">{t("consent.notOffered")}</p>
          ) : null}
          {data.offline ? <p className="connect-app__note">{t("consent.offline")}</p> : null}
          <p className="connect-app__note">{t("consent.revokeLater")}</p>
          {answer.isError ? (
            <Alert tone="error" live="assertive">
              <p>{errorMessage(answer.error, common.t, common.i18n.exists)}</p>
            </Alert>
          ) : null}
          <div className="connect-app__actions">
            <Button onPress={() => answer.mutate(true)} isDisabled={busy || !chosenPatient || chosenTypes.length === 0}>
              {t("consent.allow")}
            </Button>
            <Button variant="secondary" onPress={() => answer.mutate(false)} isDisabled={busy}>
              {t("consent.deny")}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
