import type { Provider } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { locationsQuery, providersQuery, saveProvider } from "../../api/clinic";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { EditPage, ListPage } from "../../kit/ListEditPage";
import { useForm } from "../../kit/use-form";
import { renamed } from "../../lib/errors";
import { specialtyLabel } from "../registration/specialty";
import { ActiveChip, BackToSetup, catalogueListProps, catalogueNotFound } from "./shared";

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
    <ListPage
      {...catalogueListProps("providers", t)}
      actions={
        <ButtonLink to="/admin/providers/$providerId" params={{ providerId: "new" }}>
          {t("providers.add")}
        </ButtonLink>
      }
      query={useQuery(providersQuery("all"))}
      columns={[
        {
          label: t("providers.name"),
          cell: (p) => (
            <Link to="/admin/providers/$providerId" params={{ providerId: p.id }}>
              {p.displayName}
            </Link>
          ),
        },
        { label: t("providers.specialty"), cell: (p) => specialtyLabel(p.specialty, tr) },
        { label: t("providers.locations"), cell: (p) => p.locationIds.map(locationName).join(", ") },
        {
          label: t("providers.newPatients"),
          cell: (p) => (p.acceptingNewPatients ? t("providers.accepting") : t("providers.notAccepting")),
        },
        { label: t("common.status"), cell: (p) => <ActiveChip active={p.active} /> },
      ]}
    />
  );
}

export function ProviderEditPage() {
  const { t } = useTranslation("clinicAdmin");
  const { providerId } = getRouteApi("/signed-in/admin/providers/$providerId").useParams();
  const locations = useQuery(locationsQuery("all"));
  return (
    <EditPage
      id={providerId}
      query={useQuery(providersQuery("all"))}
      also={[locations]}
      find={(list, id) => list.find((p) => p.id === id)}
      notFound={catalogueNotFound("providers", t)}
    >
      {(existing) => <ProviderForm key={existing?.id ?? "new"} existing={existing} />}
    </EditPage>
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

  const title = existing ? t("providers.editTitle", { name: existing.displayName }) : t("providers.newTitle");
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to="/admin/providers" label={t("providers.title")} />} />
      <Form {...form.formProps} aria-label={title}>
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
        <Checkbox {...form.checkbox("active")} description={t("providers.activeHint")}>
          {t("providers.active")}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {existing ? t("common.save") : t("providers.create")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
