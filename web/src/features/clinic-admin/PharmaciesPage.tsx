import type { Pharmacy } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { pharmaciesQuery, savePharmacy } from "../../api/clinic";
import { navigateTo } from "../../app/navigation";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { useForm } from "../../kit/use-form";
import { PHONE } from "../registration/shared";
import {
  AddressFields,
  addressBody,
  addressDraft,
  addressErrors,
  addressField,
  addressText,
  CatalogueEdit,
  CatalogueForm,
  CatalogueList,
} from "./shared";

export function PharmaciesPage() {
  const { t } = useTranslation("clinicAdmin");
  return (
    <CatalogueList
      area="pharmacies"
      query={useQuery(pharmaciesQuery("all"))}
      name={(p) => p.name}
      columns={[
        { label: t("pharmacies.address"), cell: (p) => addressText(p.address) },
        { label: t("pharmacies.phone"), cell: (p) => p.phone ?? "—" },
      ]}
    />
  );
}

export function PharmacyEditPage() {
  const { pharmacyId } = getRouteApi("/signed-in/admin/pharmacies/$pharmacyId").useParams();
  return (
    <CatalogueEdit area="pharmacies" id={pharmacyId} query={useQuery(pharmaciesQuery("all"))} form={PharmacyForm} />
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

  return (
    <CatalogueForm area="pharmacies" existing={existing?.name ?? null} form={form} active={form.checkbox("active")}>
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
    </CatalogueForm>
  );
}
