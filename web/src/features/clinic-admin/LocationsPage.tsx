import type { Location, OpeningHours } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { locationsQuery, saveLocation } from "../../api/clinic";
import { navigateTo } from "../../app/navigation";
import { Checkbox } from "../../components/Checkbox";
import type { FieldErrors } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { timeZoneLabel } from "../../lib/format";
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
  TIME_ZONES,
} from "./shared";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

export function LocationsPage() {
  const { t } = useTranslation("clinicAdmin");
  const locale = currentLocale();
  return (
    <CatalogueList
      area="locations"
      query={useQuery(locationsQuery("all"))}
      name={(l) => l.name}
      columns={[
        { label: t("locations.address"), cell: (l) => addressText(l.address) },
        { label: t("locations.timeZone"), cell: (l) => timeZoneLabel(l.timeZone, locale) },
      ]}
    />
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
  const { locationId } = getRouteApi("/signed-in/admin/locations/$locationId").useParams();
  return <CatalogueEdit area="locations" id={locationId} query={useQuery(locationsQuery("all"))} form={LocationForm} />;
}

function LocationForm({ existing }: { existing: Location | null }) {
  const { t } = useTranslation("clinicAdmin");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const form = useForm({
    initial: () => ({
      name: existing?.name ?? "",
      ...addressDraft(existing?.address),
      phone: existing?.phone ?? "",
      timeZone: existing?.timeZone ?? "",
      hours: hoursForm(existing?.hours ?? []),
      active: existing?.active ?? true,
    }),
    validate: (v) => {
      const e: FieldErrors = {};
      if (!v.name.trim()) e.name = t("locations.errors.name");
      addressErrors(v, t, e);
      if (!v.timeZone) e.timeZone = t("locations.errors.timeZone");
      for (const day of WEEKDAYS) {
        const h = v.hours[day] as DayHours;
        if (h.open && (!TIME.test(h.from) || !TIME.test(h.to) || h.to <= h.from)) {
          e[`hours-${day}-from`] = t("locations.errors.hours", { day: t(`weekdays.${day}`) });
        }
      }
      return e;
    },
    submit: (v) =>
      saveLocation(queryClient, existing?.id ?? null, {
        name: v.name.trim(),
        address: addressBody(v),
        ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
        timeZone: v.timeZone,
        hours: WEEKDAYS.filter((d) => v.hours[d]?.open).map((d) => ({
          weekday: d,
          open: (v.hours[d] as DayHours).from,
          close: (v.hours[d] as DayHours).to,
        })),
        active: v.active,
      }),
    onSuccess: () => navigateTo("/admin/locations"),
    // a problem with the opening hours as a whole stays with the form-level message
    serverField: (path) => (path === "hours" ? undefined : addressField(path)),
  });
  const { timeZone, hours } = form.values;
  const zones = TIME_ZONES.includes(timeZone) || !timeZone ? TIME_ZONES : [timeZone, ...TIME_ZONES];

  return (
    <CatalogueForm area="locations" existing={existing?.name ?? null} form={form} active={form.checkbox("active")}>
      <TextField {...form.field("name")} label={t("locations.name")} isRequired />
      <AddressFields legend={t("locations.address")} field={form.field} />
      <TextField {...form.field("phone")} type="tel" inputMode="tel" width="medium" label={t("locations.phone")} />
      <Select
        {...form.field("timeZone")}
        label={t("locations.timeZone")}
        description={t("locations.timeZoneHint")}
        placeholder={t("common.choose")}
        value={timeZone || null}
        options={zones.map((z) => ({ id: z, label: `${timeZoneLabel(z, locale)} — ${z}` }))}
        isRequired
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("locations.hours")}</legend>
        <p className="field__hint">{t("locations.hoursHint")}</p>
        {WEEKDAYS.map((day) => {
          const h = hours[day] as DayHours;
          const set = (patch: Partial<DayHours>) => form.set("hours")({ ...hours, [day]: { ...h, ...patch } });
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
                    errorMessage={form.errors[`hours-${day}-from`]}
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
    </CatalogueForm>
  );
}
