import type { PatientSearchResponse } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { formatCalendarDate } from "../../lib/format";

const route = getRouteApi("/signed-in/front-desk/book");

/** Book for a patient: find them (name, date of birth, MRN or phone), then the same booking steps. */
export function BookForPatientPage() {
  const { t } = useTranslation("appointments");
  const search = route.useSearch();
  const navigate = useNavigate();
  const [q, setQ] = useState(search.q ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const locale = currentLocale();
  const results = useQuery({
    queryKey: ["patient-search", search.q],
    enabled: Boolean(search.q && search.q.length >= 2),
    queryFn: ({ signal }) =>
      api<PatientSearchResponse>(`/api/patients?q=${encodeURIComponent(search.q ?? "")}`, { signal }),
  });

  return (
    <div className="stack">
      <PageHeader
        before={
          <Link to="/front-desk/arrivals" className="back-link">
            {t("arrivals.title")}
          </Link>
        }
        title={t("bookFor.title")}
        lead={<p>{t("bookFor.lead")}</p>}
      />
      <Form
        aria-label={t("bookFor.searchLabel")}
        errors={errors}
        attempt={attempt}
        onSubmit={() => {
          const value = q.trim();
          setAttempt((n) => n + 1);
          if (value.length < 2) {
            setErrors({ q: t("bookFor.tooShort") });
            return;
          }
          setErrors({});
          void navigate({ to: "/front-desk/book", search: { q: value } });
        }}
      >
        <TextField
          name="q"
          type="search"
          label={t("bookFor.searchLabel")}
          description={t("bookFor.searchHint")}
          value={q}
          onChange={setQ}
          errorMessage={errors.q}
          width="medium"
          spellCheck={false}
        />
        <FormActions>
          <Button type="submit">{t("bookFor.search")}</Button>
        </FormActions>
      </Form>
      {!search.q ? null : results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <ErrorAlert title={t("bookFor.failed")} error={results.error} />
      ) : results.data.results.length === 0 ? (
        <EmptyState title={t("bookFor.noneTitle")}>
          <p>{t("bookFor.noneBody")}</p>
        </EmptyState>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="section-title">
            {t("bookFor.results", { count: results.data.results.length })}
          </h2>
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("arrivals.patient")}</th>
                  <th scope="col">{t("bookFor.dob")}</th>
                  <th scope="col">{t("bookFor.mrn")}</th>
                  <th scope="col">{t("arrivals.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {results.data.results.map((p) => (
                  <tr key={p.id}>
                    <td data-label={t("arrivals.patient")}>
                      <strong>{p.name}</strong>
                      {p.preferredName ? <span className="text-muted"> ({p.preferredName})</span> : null}
                    </td>
                    <td data-label={t("bookFor.dob")}>{formatCalendarDate(p.dateOfBirth, locale)}</td>
                    <td data-label={t("bookFor.mrn")}>{p.mrn}</td>
                    <td data-label={t("arrivals.actions")}>
                      <div className="row-actions">
                        <ButtonLink
                          to="/appointments/book"
                          search={{ patientId: p.id }}
                          aria-label={t("bookFor.bookNamed", { name: p.name })}
                        >
                          {t("bookFor.book")}
                        </ButtonLink>
                        <ButtonLink
                          to="/appointments"
                          search={{ patientId: p.id }}
                          variant="secondary"
                          aria-label={t("bookFor.viewNamed", { name: p.name })}
                        >
                          {t("bookFor.view")}
                        </ButtonLink>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
