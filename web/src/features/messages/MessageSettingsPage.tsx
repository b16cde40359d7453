import type { DigestPreferences, OfficeHours } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { Select } from "../../components/Select";
import { currentLocale } from "../../i18n";
import { useForm } from "../../kit/use-form";
import { Loaded, SavedNotice } from "../../kit/views";
import { browserTimeZone, formatDateTime, timeZoneLabel } from "../../lib/format";
import { TIME_ZONES } from "../clinic-admin/shared";
import { digestQuery, inboxQuery, officeHoursQuery, saveDigest, saveOfficeHours } from "./data";
import "./messages.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const NONE = "none";
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Clinicians: when the digest of new message work arrives; physicians: message office hours and out-of-office. */
export function MessageSettingsPage() {
  const { t } = useTranslation("messages");
  // what the reader may set comes from the server (the inbox's abilities)
  const inbox = useQuery(inboxQuery({ limit: 1 }));
  const back = (
    <Link to="/staff/messages" className="back-link">
      {t("staff.back")}
    </Link>
  );
  return (
    <div className="stack">
      <PageHeader title={t("settings.title")} lead={<p>{t("settings.intro")}</p>} before={back} />
      <Loaded query={inbox} loading={t("settings.loading")}>
        {(data) => (
          <>
            {data.abilities.canSetDigest ? <DigestSection /> : null}
            {data.abilities.canSetOfficeHours ? <OfficeHoursSection /> : null}
          </>
        )}
      </Loaded>
    </div>
  );
}

function zonesWith(zone: string) {
  return TIME_ZONES.includes(zone) || !zone ? TIME_ZONES : [zone, ...TIME_ZONES];
}

function DigestSection() {
  const { t } = useTranslation("messages");
  const digest = useQuery(digestQuery());
  return (
    <section aria-labelledby="digest-title" className="stack">
      <h2 id="digest-title" className="section-title">
        {t("settings.digestTitle")}
      </h2>
      <p className="text-muted">{t("settings.digestIntro")}</p>
      <Loaded query={digest} loading={t("settings.loading")}>
        {(data) => <DigestForm current={data} />}
      </Loaded>
    </section>
  );
}

function DigestForm({ current }: { current: DigestPreferences }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const slots = ["time1", "time2", "time3"] as const;
  const form = useForm<{ enabled: boolean; timeZone: string; time1: string; time2: string; time3: string }>({
    initial: () => ({
      enabled: current.enabled,
      timeZone: current.timeZone,
      time1: current.times[0] ?? "08:00",
      time2: current.times[1] ?? "",
      time3: current.times[2] ?? "",
    }),
    labels: { timeZone: t("settings.timeZone") },
    validate: (v) => {
      const e: FieldErrors = {};
      for (const [i, s] of slots.entries()) {
        if (v[s] && !TIME.test(v[s])) e[s] = t("settings.errors.time", { n: i + 1 });
      }
      if (v.enabled && !slots.some((s) => v[s])) e.time1 = t("settings.errors.oneTime");
      return e;
    },
    serverField: (path) => (path.startsWith("times") ? "time1" : path),
    submit: (v) =>
      saveDigest(queryClient, {
        enabled: v.enabled,
        timeZone: v.timeZone,
        times: [...new Set(slots.map((s) => v[s]).filter(Boolean))],
      }),
  });
  return (
    <Form {...form.formProps} aria-labelledby="digest-title">
      <SavedNotice show={form.saved} title={t("settings.digestSaved")} />
      <Checkbox {...form.checkbox("enabled")} description={t("settings.digestOnHint")}>
        {t("settings.digestOn")}
      </Checkbox>
      <Select
        {...form.field("timeZone")}
        label={t("settings.timeZone")}
        options={zonesWith(form.values.timeZone).map((z) => ({ id: z, label: `${timeZoneLabel(z, locale)} — ${z}` }))}
      />
      <div className="hours-row">
        {slots.map((s, i) => (
          <TextField
            key={s}
            {...form.field(s)}
            type="time"
            width="short"
            label={t("settings.digestTime", { n: i + 1 })}
          />
        ))}
      </div>
      {current.nextDigestAt ? (
        <p className="text-muted">
          {t("settings.nextDigest", {
            when: formatDateTime(current.nextDigestAt, current.timeZone, locale),
          })}
        </p>
      ) : null}
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {t("settings.saveDigest")}
        </Button>
      </FormActions>
    </Form>
  );
}

function OfficeHoursSection() {
  const { t } = useTranslation("messages");
  const hours = useQuery(officeHoursQuery());
  return (
    <section aria-labelledby="office-title" className="stack">
      <h2 id="office-title" className="section-title">
        {t("settings.officeTitle")}
      </h2>
      <p className="text-muted">{t("settings.officeIntro")}</p>
      <Loaded query={hours} loading={t("settings.loading")}>
        {(data) => <OfficeHoursForm current={data} />}
      </Loaded>
    </section>
  );
}

interface Day {
  on: boolean;
  start: string;
  end: string;
}

/** "2026-03-02T15:00:00Z" → "2026-03-02T10:00" in the browser's zone (a datetime-local value) */
function localInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function OfficeHoursForm({ current }: { current: OfficeHours }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const here = browserTimeZone() ?? current.timeZone;
  const form = useForm<{
    timeZone: string;
    days: Record<number, Day>;
    coveringPoolId: string;
    away: boolean;
    from: string;
    until: string;
    delegateUserId: string;
  }>({
    initial: () => ({
      timeZone: current.timeZone,
      days: Object.fromEntries(
        WEEKDAYS.map((d) => {
          const h = current.hours.find((x) => x.weekday === d);
          return [d, h ? { on: true, start: h.start, end: h.end } : { on: false, start: "09:00", end: "17:00" }];
        }),
      ),
      coveringPoolId: current.coveringPoolId ?? "",
      away: current.outOfOffice !== null,
      from: localInput(current.outOfOffice?.from),
      until: localInput(current.outOfOffice?.until),
      delegateUserId: current.outOfOffice?.delegateUserId ?? "",
    }),
    labels: { coveringPoolId: t("settings.covering"), from: t("settings.awayFrom"), until: t("settings.awayUntil") },
    validate: (v) => {
      const e: FieldErrors = {};
      for (const d of WEEKDAYS) {
        const day = v.days[d] as Day;
        if (day.on && (!TIME.test(day.start) || !TIME.test(day.end) || day.end <= day.start)) {
          e[`day-${d}-start`] = t("settings.errors.hours", { day: t(`weekdays.${d}`) });
        }
      }
      if (v.away) {
        if (!v.from || Number.isNaN(Date.parse(v.from))) e.from = t("settings.errors.awayFrom");
        if (!v.until || Number.isNaN(Date.parse(v.until))) e.until = t("settings.errors.awayUntil");
        else if (v.from && Date.parse(v.until) <= Date.parse(v.from)) e.until = t("settings.errors.awayOrder");
      }
      return e;
    },
    serverField: (path) =>
      path === "outOfOffice.until"
        ? "until"
        : path === "outOfOffice.delegateUserId"
          ? "delegateUserId"
          : path.startsWith("outOfOffice")
            ? "from"
            : path,
    submit: (v) =>
      saveOfficeHours(queryClient, {
        timeZone: v.timeZone,
        hours: WEEKDAYS.filter((d) => v.days[d]?.on).map((d) => ({
          weekday: d,
          start: (v.days[d] as Day).start,
          end: (v.days[d] as Day).end,
        })),
        coveringPoolId: v.coveringPoolId || null,
        outOfOffice: v.away
          ? {
              from: new Date(v.from).toISOString(),
              until: new Date(v.until).toISOString(),
              delegateUserId: v.delegateUserId || null,
            }
          : null,
      }),
  });
  const v = form.values;
  return (
    <Form {...form.formProps} aria-labelledby="office-title">
      <SavedNotice show={form.saved} title={t("settings.officeSaved")} />
      <p>
        <strong>{current.availableNow ? t("settings.availableNow") : t("settings.notAvailableNow")}</strong>
      </p>
      <Select
        {...form.field("timeZone")}
        label={t("settings.timeZone")}
        options={zonesWith(v.timeZone).map((z) => ({ id: z, label: `${timeZoneLabel(z, locale)} — ${z}` }))}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("settings.hours")}</legend>
        <p className="field__hint">{t("settings.hoursHint")}</p>
        {WEEKDAYS.map((d) => {
          const day = v.days[d] as Day;
          const set = (patch: Partial<Day>) => form.set("days")({ ...v.days, [d]: { ...day, ...patch } });
          const dayName = t(`weekdays.${d}`);
          return (
            <div className="hours-row" key={d}>
              <Checkbox isSelected={day.on} onChange={(on) => set({ on })}>
                {t("settings.readsOn", { day: dayName })}
              </Checkbox>
              {day.on ? (
                <>
                  <TextField
                    name={`day-${d}-start`}
                    type="time"
                    width="short"
                    label={t("settings.from", { day: dayName })}
                    value={day.start}
                    onChange={(start) => set({ start })}
                    errorMessage={form.errors[`day-${d}-start`]}
                  />
                  <TextField
                    name={`day-${d}-end`}
                    type="time"
                    width="short"
                    label={t("settings.to", { day: dayName })}
                    value={day.end}
                    onChange={(end) => set({ end })}
                  />
                </>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <Select
        {...form.field("coveringPoolId")}
        label={t("settings.covering")}
        description={t("settings.coveringHint")}
        value={v.coveringPoolId || NONE}
        onChange={(id) => form.set("coveringPoolId")(id === NONE ? "" : id)}
        options={[
          { id: NONE, label: t("settings.noCovering") },
          ...current.choices.pools.map((p) => ({ id: p.id, label: p.name })),
        ]}
      />
      <Checkbox {...form.checkbox("away")} description={t("settings.awayHint")}>
        {t("settings.away")}
      </Checkbox>
      {v.away ? (
        <fieldset className="fieldset">
          <legend className="fieldset__legend">
            {t("settings.awayLegend", { zone: timeZoneLabel(here, locale) })}
          </legend>
          <TextField {...form.field("from")} type="datetime-local" width="medium" label={t("settings.awayFrom")} />
          <TextField {...form.field("until")} type="datetime-local" width="medium" label={t("settings.awayUntil")} />
          <Select
            {...form.field("delegateUserId")}
            label={t("settings.delegate")}
            description={t("settings.delegateHint")}
            value={v.delegateUserId || NONE}
            onChange={(id) => form.set("delegateUserId")(id === NONE ? "" : id)}
            options={[
              { id: NONE, label: t("settings.noDelegate") },
              ...current.choices.delegates.map((d) => ({ id: d.userId, label: d.displayName })),
            ]}
          />
        </fieldset>
      ) : null}
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {t("settings.saveOffice")}
        </Button>
      </FormActions>
    </Form>
  );
}
