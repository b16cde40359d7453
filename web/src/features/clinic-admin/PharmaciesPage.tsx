import type { Pharmacy } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { pharmaciesQuery, savePharmacy } from "../../api/clinic";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { ButtonLink, Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { EditPage, ListPage } from "../../kit/ListEditPage";
import { useForm } from "../../kit/use-form";
import { PHONE } from "../registration/shared";
import {
  ActiveChip,
  AddressFields,
  addressBody,
  addressDraft,
  addressErrors,
  addressField,
  addressText,
  BackToSetup,
  catalogueListProps,
  catalogueNotFound,
} from "./shared";

export function PharmaciesPage() {
  const { t } = useTranslation("clinicAdmin");
  return (
    <ListPage
      {...catalogueListProps("pharmacies", t)}
      actions={
        <ButtonLink to="/admin/pharmacies/$pharmacyId" params={{ pharmacyId: "new" }}>
          {t("pharmacies.add")}
        </ButtonLink>
      }
      query={useQuery(pharmaciesQuery("all"))}
      columns={[
        {
          label: t("pharmacies.name"),
          cell: (p) => (
            <Link to="/admin/pharmacies/$pharmacyId" params={{ pharmacyId: p.id }}>
              {p.name}
            </Link>
          ),
        },
        { label: t("pharmacies.address"), cell: (p) => addressText(p.address) },
        { label: t("pharmacies.phone"), cell: (p) => p.phone ?? "—" },
        { label: t("common.status"), cell: (p) => <ActiveChip active={p.active} /> },
      ]}
    />
  );
}

export function PharmacyEditPage() {
  const { t } = useTranslation("clinicAdmin");
  const { pharmacyId } = getRouteApi("/signed-in/admin/pharmacies/$pharmacyId").useParams();
  return (
    <EditPage
      id={pharmacyId}
      query={useQuery(pharmaciesQuery("all"))}
      find={(list, id) => list.find((p) => p.id === id)}
      notFound={catalogueNotFound("pharmacies", t)}
    >
      {(existing) => <PharmacyForm key={existing?.id ?? "new"} existing={existing} />}
    </EditPage>
  );
}

function PharmacyForm({ existing }: { existing: Pharmacy | null }) {
  const { t } = useTranslation("clinicAdmin");
  const queryClient = useQueryClient();
  const form = useForm({
    initial: {
      name: existing?.name ?? "",
      ...addressDraft(existing?.address),
      phone: existing?.phone ?? "",
      fax: existing?.fax ?? "",
      ncpdpId: existing?.ncpdpId ?? "",
      active: existing?.active ?? true,
    },
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.name.trim()) e.name = t("pharmacies.errors.name");
      addressErrors(v, t, e);
      if (v.fax.trim() && !PHONE.test(v.fax.trim())) e.fax = t("pharmacies.errors.fax");
      if (v.ncpdpId.trim() && !/^[0-9]{7}$/.test(v.ncpdpId.trim())) e.ncpdpId = t("pharmacies.errors.ncpdp");
      return e;
    },
    submit: (v) =>
      savePharmacy(queryClient, existing?.id ?? null, {
        name: v.name.trim(),
        address: addressBody(v),
        ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        ...(v.fax.trim() ? { fax: v.fax.trim() } : {}),
        ...(v.ncpdpId.trim() ? { ncpdpId: v.ncpdpId.trim() } : {}),
        active: v.active,
      }),
    onSuccess: () => navigateTo("/admin/pharmacies"),
    serverField: addressField,
  });

  const title = existing ? t("pharmacies.editTitle", { name: existing.name }) : t("pharmacies.newTitle");
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to="/admin/pharmacies" label={t("pharmacies.title")} />} />
      <Form {...form.formProps} aria-label={title}>
        <TextField {...form.field("name")} label={t("pharmacies.name")} isRequired />
        <AddressFields legend={t("pharmacies.address")} field={form.field} />
        <TextField {...form.field("phone")} type="tel" inputMode="tel" width="medium" label={t("pharmacies.phone")} />
        <TextField {...form.field("fax")} type="tel" inputMode="tel" width="medium" label={t("pharmacies.fax")} />
        <TextField
          {...form.field("ncpdpId")}
          inputMode="numeric"
          width="short"
          label={t("pharmacies.ncpdp")}
          description={t("pharmacies.ncpdpHint")}
        />
        <Checkbox {...form.checkbox("active")} description={t("pharmacies.activeHint")}>
          {t("pharmacies.active")}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={form.pending}>
            {existing ? t("common.save") : t("pharmacies.create")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
