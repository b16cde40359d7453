import type { Provider } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { locationsQuery, providersQuery, saveProvider } from "../../api/clinic";
import { navigateTo } from "../../app/navigation";
import { Checkbox } from "../../components/Checkbox";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { useForm } from "../../kit/use-form";
import { renamed } from "../../lib/errors";
import { specialtyLabel } from "../registration/specialty";
import { CatalogueEdit, CatalogueForm, CatalogueList } from "./shared";

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
  const { t } = useTranslation("clinicAdmin");
  const tr = useTranslation("registration").t;
  const locations = useQuery(locationsQuery("all"));
  const locationName = (id: string) => locations.data?.find((l) => l.id === id)?.name ?? "…";
  return (
    <CatalogueList
      area="providers"
      query={useQuery(providersQuery("all"))}
      name={(p) => p.displayName}
      columns={[
        { label: t("providers.specialty"), cell: (p) => specialtyLabel(p.specialty, tr) },
        { label: t("providers.locations"), cell: (p) => p.locationIds.map(locationName).join(", ") },
        {
          label: t("providers.newPatients"),
          cell: (p) => (p.acceptingNewPatients ? t("providers.accepting") : t("providers.notAccepting")),
        },
      ]}
    />
  );
}

export function ProviderEditPage() {
  const { providerId } = getRouteApi("/signed-in/admin/providers/$providerId").useParams();
  const locations = useQuery(locationsQuery("all"));
  return (
    <CatalogueEdit
      area="providers"
      id={providerId}
      query={useQuery(providersQuery("all"))}
      also={[locations]}
      form={ProviderForm}
    />
  );
}

function ProviderForm({ existing }: { existing: Provider | null }) {
  const { t } = useTranslation("clinicAdmin");
  const tr = useTranslation("registration").t;
  const queryClient = useQueryClient();
  const locations = useQuery(locationsQuery("all"));
  const form = useForm({
    initial: {
      displayName: existing?.displayName ?? "",
      specialty: existing?.specialty ?? "",
      locationIds: existing?.locationIds ?? [],
      acceptingNewPatients: existing?.acceptingNewPatients ?? true,
      active: existing?.active ?? true,
    },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.displayName.trim()) e.displayName = t("providers.errors.name");
      if (!v.specialty) e.specialty = t("providers.errors.specialty");
      if (v.locationIds.length === 0) e.locations = t("providers.errors.locations");
      return e;
    },
    submit: (v) => saveProvider(queryClient, existing?.id ?? null, { ...v, displayName: v.displayName.trim() }),
    onSuccess: () => navigateTo("/admin/providers"),
    serverField: renamed({ displayName: "displayName", specialty: "specialty", locationIds: "locations" }),
  });
  const { specialty, locationIds } = form.values;
  const specialties = SPECIALTIES.includes(specialty) || !specialty ? SPECIALTIES : [specialty, ...SPECIALTIES];
  const locationsError = form.errors.locations;

  return (
    <CatalogueForm
      area="providers"
      existing={existing?.displayName ?? null}
      form={form}
      active={form.checkbox("active")}
    >
      <TextField
        {...form.field("displayName")}
        label={t("providers.name")}
        description={t("providers.nameHint")}
        isRequired
      />
      <Select
        {...form.field("specialty")}
        label={t("providers.specialty")}
        width="medium"
        placeholder={t("common.choose")}
        value={specialty || null}
        options={specialties.map((s) => ({ id: s, label: specialtyLabel(s, tr) }))}
        isRequired
      />
      <fieldset className="fieldset" data-invalid={locationsError ? true : undefined}>
        <legend className="fieldset__legend">{t("providers.locations")}</legend>
        <p className="field__hint">{t("providers.locationsHint")}</p>
        {locationsError ? <p className="field__error">{locationsError}</p> : null}
        {(locations.data ?? []).map((l, index) => (
          <Checkbox
            key={l.id}
            id={index === 0 ? "field-locations" : undefined}
            isSelected={locationIds.includes(l.id)}
            onChange={(on) =>
              form.set("locationIds")(on ? [...locationIds, l.id] : locationIds.filter((x) => x !== l.id))
            }
          >
            {l.name}
          </Checkbox>
        ))}
      </fieldset>
      <Checkbox {...form.checkbox("acceptingNewPatients")} description={t("providers.acceptingHint")}>
        {t("providers.acceptingLabel")}
      </Checkbox>
    </CatalogueForm>
  );
}
