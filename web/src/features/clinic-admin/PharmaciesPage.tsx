import type { Pharmacy, PharmacyInput } from "@portico/contracts";
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
import { LoadingState } from "../../components/Spinner";
import { StatusChip } from "../../components/StatusChip";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { PHONE, POSTAL } from "../registration/shared";
import { type AddressLike, addressText, BackToSetup, Cell, pharmaciesAdminQuery } from "./shared";

export function PharmaciesPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const pharmacies = useQuery(pharmaciesAdminQuery);
  return (
    <div className="stack">
      <PageHeader
        title={t("pharmacies.title")}
        lead={<p>{t("pharmacies.lead")}</p>}
        before={<BackToSetup />}
        actions={
          <ButtonLink to="/admin/pharmacies/$pharmacyId" params={{ pharmacyId: "new" }}>
            {t("pharmacies.add")}
          </ButtonLink>
        }
      />
      {pharmacies.isPending ? <LoadingState /> : null}
      {pharmacies.isError ? (
        <Alert tone="error" title={t("common.loadFailed")}>
          <p>{errorMessage(pharmacies.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {pharmacies.data?.length === 0 ? (
        <EmptyState title={t("pharmacies.emptyTitle")}>
          <p>{t("pharmacies.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {pharmacies.data && pharmacies.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("pharmacies.caption", { count: pharmacies.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("pharmacies.name")}</th>
                <th scope="col">{t("pharmacies.address")}</th>
                <th scope="col">{t("pharmacies.phone")}</th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {pharmacies.data.map((p) => (
                <tr key={p.id}>
                  <Cell label={t("pharmacies.name")}>
                    <Link to="/admin/pharmacies/$pharmacyId" params={{ pharmacyId: p.id }}>
                      {p.name}
                    </Link>
                  </Cell>
                  <Cell label={t("pharmacies.address")}>{addressText(p.address)}</Cell>
                  <Cell label={t("pharmacies.phone")}>{p.phone ?? "—"}</Cell>
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

export function PharmacyEditPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const { pharmacyId } = getRouteApi("/signed-in/admin/pharmacies/$pharmacyId").useParams();
  const pharmacies = useQuery(pharmaciesAdminQuery);
  if (pharmacyId !== "new" && pharmacies.isPending) return <LoadingState />;
  const existing = pharmacies.data?.find((p) => p.id === pharmacyId);
  if (pharmacyId !== "new" && !existing) {
    return (
      <div className="stack">
        <PageHeader
          title={t("common.notFound")}
          before={<BackToSetup to="/admin/pharmacies" label={t("pharmacies.title")} />}
        />
        <Alert tone="error" title={t("common.notFound")}>
          <p>{pharmacies.isError ? errorMessage(pharmacies.error, common, i18n.exists) : t("common.notFoundBody")}</p>
        </Alert>
      </div>
    );
  }
  return <PharmacyForm key={existing?.id ?? "new"} existing={existing ?? null} />;
}

function PharmacyForm({ existing }: { existing: Pharmacy | null }) {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const address = (existing?.address ?? {}) as AddressLike;
  const [name, setName] = useState(existing?.name ?? "");
  const [line1, setLine1] = useState(address.line1 ?? "");
  const [line2, setLine2] = useState(address.line2 ?? "");
  const [city, setCity] = useState(address.city ?? "");
  const [region, setRegion] = useState(address.region ?? "");
  const [postalCode, setPostalCode] = useState(address.postalCode ?? "");
  const [phone, setPhone] = useState(existing?.phone ?? "");
  const [fax, setFax] = useState(existing?.fax ?? "");
  const [ncpdpId, setNcpdpId] = useState(existing?.ncpdpId ?? "");
  const [active, setActive] = useState(existing?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const e: FieldErrors = {};
    if (!name.trim()) e.name = t("pharmacies.errors.name");
    if (!line1.trim()) e.line1 = t("locations.errors.line1");
    if (!city.trim()) e.city = t("locations.errors.city");
    if (!region.trim()) e.region = t("locations.errors.region");
    if (!POSTAL.test(postalCode.trim())) e.postalCode = t("locations.errors.postalCode");
    if (phone.trim() && !PHONE.test(phone.trim())) e.phone = t("locations.errors.phone");
    if (fax.trim() && !PHONE.test(fax.trim())) e.fax = t("pharmacies.errors.fax");
    if (ncpdpId.trim() && !/^[0-9]{7}$/.test(ncpdpId.trim())) e.ncpdpId = t("pharmacies.errors.ncpdp");
    setErrors(e);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    const body: PharmacyInput = {
      name: name.trim(),
      address: {
        line1: line1.trim(),
        ...(line2.trim() ? { line2: line2.trim() } : {}),
        city: city.trim(),
        region: region.trim(),
        postalCode: postalCode.trim(),
        country: "US",
      },
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      ...(fax.trim() ? { fax: fax.trim() } : {}),
      ...(ncpdpId.trim() ? { ncpdpId: ncpdpId.trim() } : {}),
      active,
    };
    setPending(true);
    try {
      if (existing) await api(`/api/pharmacies/${existing.id}`, { method: "PATCH", body });
      else await api("/api/pharmacies", { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: ["admin", "pharmacies"] });
      await queryClient.invalidateQueries({ queryKey: ["catalogue", "pharmacies"] });
      navigateTo("/admin/pharmacies");
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const title = existing ? t("pharmacies.editTitle", { name: existing.name }) : t("pharmacies.newTitle");
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to="/admin/pharmacies" label={t("pharmacies.title")} />} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={title}>
        <TextField
          name="name"
          label={t("pharmacies.name")}
          value={name}
          onChange={setName}
          errorMessage={errors.name}
          isRequired
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("pharmacies.address")}</legend>
          <TextField
            name="line1"
            label={t("address.line1")}
            value={line1}
            onChange={setLine1}
            errorMessage={errors.line1}
            isRequired
          />
          <TextField name="line2" label={t("address.line2")} value={line2} onChange={setLine2} />
          <TextField
            name="city"
            label={t("address.city")}
            width="medium"
            value={city}
            onChange={setCity}
            errorMessage={errors.city}
            isRequired
          />
          <TextField
            name="region"
            label={t("address.region")}
            width="short"
            value={region}
            onChange={setRegion}
            errorMessage={errors.region}
            isRequired
          />
          <TextField
            name="postalCode"
            label={t("address.postalCode")}
            width="short"
            value={postalCode}
            onChange={setPostalCode}
            errorMessage={errors.postalCode}
            isRequired
          />
        </fieldset>
        <TextField
          name="phone"
          type="tel"
          inputMode="tel"
          width="medium"
          label={t("pharmacies.phone")}
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
        />
        <TextField
          name="fax"
          type="tel"
          inputMode="tel"
          width="medium"
          label={t("pharmacies.fax")}
          value={fax}
          onChange={setFax}
          errorMessage={errors.fax}
        />
        <TextField
          name="ncpdpId"
          inputMode="numeric"
          width="short"
          label={t("pharmacies.ncpdp")}
          description={t("pharmacies.ncpdpHint")}
          value={ncpdpId}
          onChange={setNcpdpId}
          errorMessage={errors.ncpdpId}
        />
        <Checkbox isSelected={active} onChange={setActive} description={t("pharmacies.activeHint")}>
          {t("pharmacies.active")}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={pending}>
            {existing ? t("common.save") : t("pharmacies.create")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
