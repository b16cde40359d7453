import type { Provider, ProviderInput } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { EmptyState } from "../../components/EmptyState";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { specialtyLabel } from "../registration/specialty";
import { BackToSetup, Cell, locationsQuery, providersAdminQuery } from "./shared";

const SPECIALTIES = [
  "family_medicine",
  "internal_medicine",
  "pediatrics",
  "obstetrics_gynecology",
  "cardiology",
  "dermatology",
  "endocrinology",
  "gastroenterology",
  "neurology",
  "orthopedics",
  "psychiatry",
  "pulmonology",
];

export function ProvidersPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const tr = useTranslation("registration").t;
  const common = useTranslation().t;
  const providers = useQuery(providersAdminQuery);
  const locations = useQuery(locationsQuery);
  const locationName = (id: string) => locations.data?.find((l) => l.id === id)?.name ?? "…";
  return (
    <div className="stack">
      <PageHeader
        title={t("providers.title")}
        lead={<p>{t("providers.lead")}</p>}
        before={<BackToSetup />}
        actions={
          <ButtonLink to="/admin/providers/$providerId" params={{ providerId: "new" }}>
            {t("providers.add")}
          </ButtonLink>
        }
      />
      {providers.isPending ? <LoadingState /> : null}
      {providers.isError ? (
        <Alert tone="error" title={t("common.loadFailed")}>
          <p>{errorMessage(providers.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {providers.data?.length === 0 ? (
        <EmptyState title={t("providers.emptyTitle")}>
          <p>{t("providers.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {providers.data && providers.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("providers.caption", { count: providers.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("providers.name")}</th>
                <th scope="col">{t("providers.specialty")}</th>
                <th scope="col">{t("providers.locations")}</th>
                <th scope="col">{t("providers.newPatients")}</th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {providers.data.map((p) => (
                <tr key={p.id}>
                  <Cell label={t("providers.name")}>
                    <Link to="/admin/providers/$providerId" params={{ providerId: p.id }}>
                      {p.displayName}
                    </Link>
                  </Cell>
                  <Cell label={t("providers.specialty")}>{specialtyLabel(p.specialty, tr)}</Cell>
                  <Cell label={t("providers.locations")}>{p.locationIds.map(locationName).join(", ")}</Cell>
                  <Cell label={t("providers.newPatients")}>
                    {p.acceptingNewPatients ? t("providers.accepting") : t("providers.notAccepting")}
                  </Cell>
                  <Cell label={t("common.status")}>
                    <StatusChip tone={p.active ? "success" : "neutral"}>
                      {p.active ? t("common.active") : t("common.inactive")}
                    </StatusChip>
                  </Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function ProviderEditPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const { providerId } = getRouteApi("/signed-in/admin/providers/$providerId").useParams();
  const providers = useQuery(providersAdminQuery);
  const locations = useQuery(locationsQuery);
  if ((providerId !== "new" && providers.isPending) || locations.isPending) return <LoadingState />;
  const existing = providers.data?.find((p) => p.id === providerId);
  if ((providerId !== "new" && !existing) || locations.isError) {
    return (
      <div className="stack">
        <PageHeader
          title={t("common.notFound")}
          before={<BackToSetup to="/admin/providers" label={t("providers.title")} />}
        />
        <Alert tone="error" title={t("common.notFound")}>
          <p>{locations.isError ? errorMessage(locations.error, common, i18n.exists) : t("common.notFoundBody")}</p>
        </Alert>
      </div>
    );
  }
  return <ProviderForm key={existing?.id ?? "new"} existing={existing ?? null} />;
}

function ProviderForm({ existing }: { existing: Provider | null }) {
  const { t, i18n } = useTranslation("clinicAdmin");
  const tr = useTranslation("registration").t;
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const locations = useQuery(locationsQuery);
  const [name, setName] = useState(existing?.displayName ?? "");
  const [specialty, setSpecialty] = useState(existing?.specialty ?? "");
  const [locationIds, setLocationIds] = useState<string[]>(existing?.locationIds ?? []);
  const [accepting, setAccepting] = useState(existing?.acceptingNewPatients ?? true);
  const [active, setActive] = useState(existing?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const specialties = SPECIALTIES.includes(specialty) || !specialty ? SPECIALTIES : [specialty, ...SPECIALTIES];

  async function submit() {
    const e: FieldErrors = {};
    if (!name.trim()) e.displayName = t("providers.errors.name");
    if (!specialty) e.specialty = t("providers.errors.specialty");
    if (locationIds.length === 0) e.locations = t("providers.errors.locations");
    setErrors(e);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    const body: ProviderInput = {
      displayName: name.trim(),
      specialty,
      locationIds,
      acceptingNewPatients: accepting,
      active,
    };
    setPending(true);
    try {
      if (existing) await api(`/api/providers/${existing.id}`, { method: "PATCH", body });
      else await api("/api/providers", { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: ["admin", "providers"] });
      await queryClient.invalidateQueries({ queryKey: ["catalogue", "providers"] });
      navigateTo("/admin/providers");
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const title = existing ? t("providers.editTitle", { name: existing.displayName }) : t("providers.newTitle");
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to="/admin/providers" label={t("providers.title")} />} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={title}>
        <TextField
          name="displayName"
          label={t("providers.name")}
          description={t("providers.nameHint")}
          value={name}
          onChange={setName}
          errorMessage={errors.displayName}
          isRequired
        />
        <Select
          name="specialty"
          label={t("providers.specialty")}
          width="medium"
          placeholder={t("common.choose")}
          value={specialty || null}
          options={specialties.map((s) => ({ id: s, label: specialtyLabel(s, tr) }))}
          onChange={setSpecialty}
          errorMessage={errors.specialty}
          isRequired
        />
        <fieldset className="fieldset" data-invalid={errors.locations ? true : undefined}>
          <legend className="fieldset__legend">{t("providers.locations")}</legend>
          <p className="field__hint">{t("providers.locationsHint")}</p>
          {errors.locations ? <p className="field__error">{errors.locations}</p> : null}
          {(locations.data ?? []).map((l, index) => (
            <Checkbox
              key={l.id}
              id={index === 0 ? "field-locations" : undefined}
              isSelected={locationIds.includes(l.id)}
              onChange={(on) => setLocationIds(on ? [...locationIds, l.id] : locationIds.filter((x) => x !== l.id))}
            >
              {l.name}
            </Checkbox>
          ))}
        </fieldset>
        <Checkbox isSelected={accepting} onChange={setAccepting} description={t("providers.acceptingHint")}>
          {t("providers.acceptingLabel")}
        </Checkbox>
        <Checkbox isSelected={active} onChange={setActive} description={t("providers.activeHint")}>
          {t("providers.active")}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={pending}>
            {existing ? t("common.save") : t("providers.create")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
