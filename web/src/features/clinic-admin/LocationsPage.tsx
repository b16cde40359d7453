import type { Location, LocationInput, OpeningHours } from "@portico/contracts";
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
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { timeZoneLabel } from "../../lib/format";
import { PHONE, POSTAL } from "../registration/shared";
import { type AddressLike, addressText, BackToSetup, Cell, locationsQuery, TIME_ZONES } from "./shared";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export function LocationsPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const locations = useQuery(locationsQuery);
  const locale = currentLocale();
  return (
    <div className="stack">
      <PageHeader
        title={t("locations.title")}
        lead={<p>{t("locations.lead")}</p>}
        before={<BackToSetup />}
        actions={
          <ButtonLink to="/admin/locations/$locationId" params={{ locationId: "new" }}>
            {t("locations.add")}
          </ButtonLink>
        }
      />
      {locations.isPending ? <LoadingState /> : null}
      {locations.isError ? (
        <Alert tone="error" title={t("common.loadFailed")}>
          <p>{errorMessage(locations.error, common, i18n.exists)}</p>
        </Alert>
      ) : null}
      {locations.data?.length === 0 ? (
        <EmptyState title={t("locations.emptyTitle")}>
          <p>{t("locations.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {locations.data && locations.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>{t("locations.caption", { count: locations.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("locations.name")}</th>
                <th scope="col">{t("locations.address")}</th>
                <th scope="col">{t("locations.timeZone")}</th>
                <th scope="col">{t("common.status")}</th>
              </tr>
            </thead>
            <tbody>
              {locations.data.map((l) => (
                <tr key={l.id}>
                  <Cell label={t("locations.name")}>
                    <Link to="/admin/locations/$locationId" params={{ locationId: l.id }}>
                      {l.name}
                    </Link>
                  </Cell>
                  <Cell label={t("locations.address")}>{addressText(l.address)}</Cell>
                  <Cell label={t("locations.timeZone")}>{timeZoneLabel(l.timeZone, locale)}</Cell>
                  <Cell label={t("common.status")}>
                    <StatusChip tone={l.active ? "success" : "neutral"}>
                      {l.active ? t("common.active") : t("common.inactive")}
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

interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

function hoursForm(hours: OpeningHours[]): Record<number, DayHours> {
  const out: Record<number, DayHours> = {};
  for (const day of WEEKDAYS) {
    const h = hours.find((x) => x.weekday === day);
    out[day] = h ? { open: true, from: h.open, to: h.close } : { open: false, from: "08:00", to: "17:00" };
  }
  return out;
}

export function LocationEditPage() {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const { locationId } = getRouteApi("/signed-in/admin/locations/$locationId").useParams();
  const locations = useQuery(locationsQuery);
  if (locationId !== "new" && locations.isPending) return <LoadingState />;
  const existing = locations.data?.find((l) => l.id === locationId);
  if (locationId !== "new" && !existing) {
    return (
      <div className="stack">
        <PageHeader
          title={t("common.notFound")}
          before={<BackToSetup to="/admin/locations" label={t("locations.title")} />}
        />
        <Alert tone="error" title={t("common.notFound")}>
          <p>{locations.isError ? errorMessage(locations.error, common, i18n.exists) : t("common.notFoundBody")}</p>
        </Alert>
      </div>
    );
  }
  return <LocationForm key={existing?.id ?? "new"} existing={existing ?? null} />;
}

function LocationForm({ existing }: { existing: Location | null }) {
  const { t, i18n } = useTranslation("clinicAdmin");
  const common = useTranslation().t;
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const address = (existing?.address ?? {}) as AddressLike;
  const [name, setName] = useState(existing?.name ?? "");
  const [line1, setLine1] = useState(address.line1 ?? "");
  const [line2, setLine2] = useState(address.line2 ?? "");
  const [city, setCity] = useState(address.city ?? "");
  const [region, setRegion] = useState(address.region ?? "");
  const [postalCode, setPostalCode] = useState(address.postalCode ?? "");
  const [phone, setPhone] = useState(existing?.phone ?? "");
  const [timeZone, setTimeZone] = useState(existing?.timeZone ?? "");
  const [hours, setHours] = useState(() => hoursForm(existing?.hours ?? []));
  const [active, setActive] = useState(existing?.active ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const zones = TIME_ZONES.includes(timeZone) || !timeZone ? TIME_ZONES : [timeZone, ...TIME_ZONES];

  async function submit() {
    const e: FieldErrors = {};
    if (!name.trim()) e.name = t("locations.errors.name");
    if (!line1.trim()) e.line1 = t("locations.errors.line1");
    if (!city.trim()) e.city = t("locations.errors.city");
    if (!region.trim()) e.region = t("locations.errors.region");
    if (!POSTAL.test(postalCode.trim())) e.postalCode = t("locations.errors.postalCode");
    if (phone.trim() && !PHONE.test(phone.trim())) e.phone = t("locations.errors.phone");
    if (!timeZone) e.timeZone = t("locations.errors.timeZone");
    for (const day of WEEKDAYS) {
      const h = hours[day] as DayHours;
      if (!h.open) continue;
      if (!TIME.test(h.from) || !TIME.test(h.to) || h.to <= h.from) {
        e[`hours-${day}-from`] = t("locations.errors.hours", { day: t(`weekdays.${day}`) });
      }
    }
    setErrors(e);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(e).length > 0) return;
    const body: LocationInput = {
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
      timeZone,
      hours: WEEKDAYS.filter((d) => hours[d]?.open).map((d) => ({
        weekday: d,
        open: (hours[d] as DayHours).from,
        close: (hours[d] as DayHours).to,
      })),
      active,
    };
    setPending(true);
    try {
      if (existing) await api(`/api/locations/${existing.id}`, { method: "PATCH", body });
      else await api("/api/locations", { method: "POST", body });
      await queryClient.invalidateQueries({ queryKey: ["admin", "locations"] });
      navigateTo("/admin/locations");
    } catch (error) {
      setFormError(errorMessage(error, common, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const title = existing ? t("locations.editTitle", { name: existing.name }) : t("locations.newTitle");
  return (
    <div className="stack">
      <PageHeader title={title} before={<BackToSetup to="/admin/locations" label={t("locations.title")} />} />
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={title}>
        <TextField
          name="name"
          label={t("locations.name")}
          value={name}
          onChange={setName}
          errorMessage={errors.name}
          isRequired
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("locations.address")}</legend>
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
          label={t("locations.phone")}
          value={phone}
          onChange={setPhone}
          errorMessage={errors.phone}
        />
        <Select
          name="timeZone"
          label={t("locations.timeZone")}
          description={t("locations.timeZoneHint")}
          placeholder={t("common.choose")}
          value={timeZone || null}
          options={zones.map((z) => ({ id: z, label: `${timeZoneLabel(z, locale)} — ${z}` }))}
          onChange={setTimeZone}
          errorMessage={errors.timeZone}
          isRequired
        />
        <fieldset className="fieldset">
          <legend className="fieldset__legend">{t("locations.hours")}</legend>
          <p className="field__hint">{t("locations.hoursHint")}</p>
          {WEEKDAYS.map((day) => {
            const h = hours[day] as DayHours;
            const set = (patch: Partial<DayHours>) => setHours({ ...hours, [day]: { ...h, ...patch } });
            const dayName = t(`weekdays.${day}`);
            return (
              <div className="hours-row" key={day}>
                <Checkbox isSelected={h.open} onChange={(open) => set({ open })}>
                  {t("locations.openOn", { day: dayName })}
                </Checkbox>
                {h.open ? (
                  <>
                    <TextField
                      name={`hours-${day}-from`}
                      type="time"
                      width="short"
                      label={t("locations.opens", { day: dayName })}
                      value={h.from}
                      onChange={(from) => set({ from })}
                      errorMessage={errors[`hours-${day}-from`]}
                    />
                    <TextField
                      name={`hours-${day}-to`}
                      type="time"
                      width="short"
                      label={t("locations.closes", { day: dayName })}
                      value={h.to}
                      onChange={(to) => set({ to })}
                    />
                  </>
                ) : (
                  <p className="text-muted">{t("locations.closed")}</p>
                )}
              </div>
            );
          })}
        </fieldset>
        <Checkbox isSelected={active} onChange={setActive} description={t("locations.activeHint")}>
          {t("locations.active")}
        </Checkbox>
        <FormActions>
          <Button type="submit" isPending={pending}>
            {existing ? t("common.save") : t("locations.create")}
          </Button>
        </FormActions>
      </Form>
    </div>
  );
}
