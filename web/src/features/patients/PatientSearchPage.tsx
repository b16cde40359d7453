import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { patientSearchQuery } from "../../api/patients";
import { navigateTo } from "../../app/navigation";
import { useMe } from "../../app/session";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { currentLocale } from "../../i18n";
import { errorMessage } from "../../lib/errors";
import { formatCalendarDate } from "../../lib/format";
import "../registration/registration.css";

const route = getRouteApi("/signed-in/patients");

/** Staff: one box finds a patient by name, date of birth, MRN or phone. */
export function PatientSearchPage() {
  const { t, i18n } = useTranslation("registration");
  const common = useTranslation().t;
  const me = useMe();
  const { q = "" } = route.useSearch();
  const [text, setText] = useState(q);
  const [tooShort, setTooShort] = useState(false);
  // the server says whether this reader registers patients (and so sees contact details)
  const frontDesk = Boolean(me?.abilities.registerPatients);
  const results = useQuery(patientSearchQuery(q));
  const locale = currentLocale();

  function search(event: React.FormEvent) {
    event.preventDefault();
    const value = text.trim();
    setTooShort(value.length < 2);
    if (value.length >= 2) navigateTo(`/patients?q=${encodeURIComponent(value)}`);
  }

  return (
    <div className="stack">
      <PageHeader
        title={t("search.title")}
        lead={<p>{t("search.lead")}</p>}
        actions={
          frontDesk ? (
            <>
              <ButtonLink to="/patients/register">{t("register.title")}</ButtonLink>
              <ButtonLink to="/patients/registrations" search={{ done: undefined }} variant="secondary">
                {t("pending.title")}
              </ButtonLink>
            </>
          ) : null
        }
      />
      <search>
        <form className="search-bar" onSubmit={search}>
          <TextField
            name="q"
            type="search"
            inputMode="search"
            label={t("search.label")}
            description={t("search.hint")}
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={setText}
            errorMessage={tooShort ? t("search.tooShort") : undefined}
          />
          <Button type="submit">{t("search.submit")}</Button>
        </form>
      </search>
      {results.isFetching ? <LoadingState label={t("search.searching")} /> : null}
      {results.isError ? (
        <Alert tone="error" title={t("search.failed")}>
          <p>{errorMessage(results.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {results.data && !results.isFetching ? (
        results.data.results.length === 0 ? (
          <EmptyState
            title={t("search.emptyTitle", { q })}
            action={frontDesk ? <ButtonLink to="/patients/register">{t("register.title")}</ButtonLink> : null}
          >
            <p>{t("search.emptyBody")}</p>
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <caption>
                {t("search.caption", {
                  count: results.data.results.length,
                  how: results.data.interpretedAs.map((k) => t(`search.as.${k}`)).join(", "),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("search.name")}</th>
                  <th scope="col">{t("search.dob")}</th>
                  <th scope="col">{t("search.mrn")}</th>
                  {frontDesk ? <th scope="col">{t("search.contact")}</th> : null}
                  <th scope="col">{t("search.status")}</th>
                </tr>
              </thead>
              <tbody>
                {results.data.results.map((hit) => (
                  <tr key={hit.id}>
                    <td data-label={t("search.name")}>
                      <Link to="/patients/$patientId" params={{ patientId: hit.id }}>
                        {hit.name}
                      </Link>
                      {hit.preferredName ? <span className="text-muted"> ({hit.preferredName})</span> : null}
                    </td>
                    <td data-label={t("search.dob")}>
                      {t("search.dobValue", {
                        dob: formatCalendarDate(hit.dateOfBirth, locale),
                        age: hit.age,
                      })}
                    </td>
                    <td data-label={t("search.mrn")} className="mono">
                      {hit.mrn}
                    </td>
                    {frontDesk ? (
                      <td data-label={t("search.contact")}>
                        {[hit.phone, hit.email].filter(Boolean).join(" · ") || t("compare.none")}
                      </td>
                    ) : null}
                    <td data-label={t("search.status")}>
                      <StatusChip tone={hit.status === "active" ? "success" : "warning"}>
                        {t(`status.${hit.status}`)}
                      </StatusChip>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {!q ? <p className="text-muted">{t("search.start")}</p> : null}
    </div>
  );
}
