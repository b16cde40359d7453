import type { LocationInput } from "@portico/contracts";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ComponentType, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { StatusChip } from "../../components/StatusChip";
import type { Column } from "../../kit/DataTable";
import { EditPage, ListPage } from "../../kit/ListEditPage";
import type { FormApi } from "../../kit/use-form";
import { PHONE, POSTAL } from "../registration/shared";
import "../registration/registration.css";

export interface AddressDraft {
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
}

/** The address a location or pharmacy came with (the API sends it as stored), as form values. */
export function addressDraft(address: unknown): AddressDraft {
  const a = (address ?? {}) as Partial<AddressDraft>;
  return {
    line1: a.line1 ?? "",
    line2: a.line2 ?? "",
    city: a.city ?? "",
    region: a.region ?? "",
    postalCode: a.postalCode ?? "",
  };
}

export function addressText(address: unknown): string {
  const a = addressDraft(address);
  return [a.line1, a.line2, a.city, a.region, a.postalCode].filter(Boolean).join(", ");
}

/** Checks an address and an optional phone number, with the locations page's messages. */
export function addressErrors(
  draft: AddressDraft & { phone: string },
  t: (key: string) => string,
  errors: FieldErrors = {},
): FieldErrors {
  if (!draft.line1.trim()) errors.line1 = t("locations.errors.line1");
  if (!draft.city.trim()) errors.city = t("locations.errors.city");
  if (!draft.region.trim()) errors.region = t("locations.errors.region");
  if (!POSTAL.test(draft.postalCode.trim())) errors.postalCode = t("locations.errors.postalCode");
  if (draft.phone.trim() && !PHONE.test(draft.phone.trim())) errors.phone = t("locations.errors.phone");
  return errors;
}

export function addressBody(draft: AddressDraft): LocationInput["address"] {
  return {
    line1: draft.line1.trim(),
    ...(draft.line2.trim() ? { line2: draft.line2.trim() } : {}),
    city: draft.city.trim(),
    region: draft.region.trim(),
    postalCode: draft.postalCode.trim(),
    country: "US",
  };
}

/** Server paths of the address ("address.city") are these forms' field names ("city"). */
export const addressField = (path: string) => path.replace(/^address\./, "");

interface AddressFieldsProps {
  legend: string;
  field: (key: keyof AddressDraft) => {
    name: string;
    value: string;
    onChange: (value: string) => void;
    errorMessage?: string;
  };
}

/** Street, town, state and ZIP code, as one group. */
export function AddressFields({ legend, field }: AddressFieldsProps) {
  const { t } = useTranslation("clinicAdmin");
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{legend}</legend>
      <TextField {...field("line1")} label={t("address.line1")} isRequired />
      <TextField {...field("line2")} label={t("address.line2")} />
      <TextField {...field("city")} label={t("address.city")} width="medium" isRequired />
      <TextField {...field("region")} label={t("address.region")} width="short" isRequired />
      <TextField {...field("postalCode")} label={t("address.postalCode")} width="short" isRequired />
    </fieldset>
  );
}

export function BackToSetup({ to = "/admin/clinic", label }: { to?: string; label?: string }) {
  const { t } = useTranslation("clinicAdmin");
  return (
    <Link to={to} className="back-link">
      {label ?? t("hub.title")}
    </Link>
  );
}

type Area = "locations" | "pharmacies" | "providers";
type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What the three catalogue list pages say alike, from their own section of the translations. */
export function catalogueListProps(area: Area, t: Translate) {
  return {
    title: t(`${area}.title`),
    lead: <p>{t(`${area}.lead`)}</p>,
    before: <BackToSetup />,
    failedTitle: t("common.loadFailed"),
    empty: { title: t(`${area}.emptyTitle`), body: t(`${area}.emptyBody`) },
    caption: (count: number) => t(`${area}.caption`, { count }),
    rowKey: (item: { id: string }) => item.id,
  };
}

/** "Not found" on a catalogue edit page, with the way back to its list. */
export function catalogueNotFound(area: Area, t: Translate) {
  return {
    title: t("common.notFound"),
    body: t("common.notFoundBody"),
    before: <BackToSetup to={`/admin/${area}`} label={t(`${area}.title`)} />,
  };
}

/** "In use" / "Not in use", in words as well as colour. */
export function ActiveChip({ active }: { active: boolean }) {
  const { t } = useTranslation("clinicAdmin");
  return (
    <StatusChip tone={active ? "success" : "neutral"}>{active ? t("common.active") : t("common.inactive")}</StatusChip>
  );
}

/** Time zones of the United States and its territories, the ones a clinic here is in. */
export const TIME_ZONES = [
  "America/New_York",
  "America/Detroit",
  "America/Indiana/Indianapolis",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Boise",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "Pacific/Guam",
];

/**
 * A catalogue's list page: "Add", then the table with the name (linking to its edit page)
 * first, the area's own columns, and "In use" last.
 */
export function CatalogueList<T extends { id: string; active: boolean }>({
  area,
  query,
  name,
  columns,
}: {
  area: Area;
  query: UseQueryResult<T[]>;
  name: (item: T) => string;
  columns: Column<T>[];
}) {
  const { t } = useTranslation("clinicAdmin");
  const editPath = (id: string): string => `/admin/${area}/${id}`;
  return (
    <ListPage
      {...catalogueListProps(area, t)}
      actions={<ButtonLink to={editPath("new")}>{t(`${area}.add`)}</ButtonLink>}
      query={query}
      columns={[
        { label: t(`${area}.name`), cell: (item) => <Link to={editPath(item.id)}>{name(item)}</Link> },
        ...columns,
        { label: t("common.status"), cell: (item) => <ActiveChip active={item.active} /> },
      ]}
    />
  );
}

/** A catalogue's edit page: waits for the list, "not found" for an unknown id, then the form (afresh per record). */
export function CatalogueEdit<T extends { id: string }>({
  area,
  id,
  query,
  also,
  form: RecordForm,
}: {
  area: Area;
  id: string;
  query: UseQueryResult<T[]>;
  also?: UseQueryResult<unknown>[];
  form: ComponentType<{ existing: T | null }>;
}) {
  const { t } = useTranslation("clinicAdmin");
  return (
    <EditPage
      id={id}
      query={query}
      also={also}
      find={(list, id) => list.find((item) => item.id === id)}
      notFound={catalogueNotFound(area, t)}
    >
      {(existing) => <RecordForm key={existing?.id ?? "new"} existing={existing} />}
    </EditPage>
  );
}

/** A catalogue record's form: the title, the way back, the area's fields, "In use", then Save or Create. */
export function CatalogueForm({
  area,
  existing,
  form,
  active,
  children,
}: {
  area: Area;
  /** the record's name when editing; null when creating */
  existing: string | null;
  form: { formProps: FormApi<{ active: boolean }>["formProps"]; pending: boolean };
  active: ReturnType<FormApi<{ active: boolean }>["checkbox"]>;
  children: ReactNode;
}) {
  const { t } = useTranslation("clinicAdmin");
  const title = existing !== null ? t(`${area}.editTitle`, { name: existing }) : t(`${area}.newTitle`);
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to={`/admin/${area}`} label={t(`${area}.title`)} />} />
      <Form {...form.formProps} aria-label={title}>
        {children}
        <Checkbox {...active} description={t(`${area}.activeHint`)}>
          {t(`${area}.active`)}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {existing !== null ? t("common.save") : t(`${area}.create`)}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
