import type { Slot } from "@portico/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Link } from "../../components/Link";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";
import { formatDay, formatTime, timeZoneLabel } from "../../lib/format";
import { AskForReferralLink } from "../referrals/AskForReferralLink";
import { addDays, dayInZone, type SlotList, startOfDayIn, todayIn } from "./data";

interface WeekOfTimesProps {
  visitTypeId: string;
  patientId: string;
  providerId?: string;
  locationId?: string;
  /** first day of the seven shown ("YYYY-MM-DD") */
  week: string;
  /** the zone the week's days are counted in */
  timeZone: string;
  onWeek: (week: string) => void;
  onPick: (slot: Slot) => void;
  /** staff book on a patient's behalf: self-booking rules are not theirs */
  onBehalf?: boolean;
}

interface Group {
  key: string;
  providerName: string;
  locationName: string;
  timeZone: string;
  slots: Slot[];
}

/** On a phone each group shows this many times until "Show all" (one row at 320 px). */
const FIRST_TIMES = 3;
/** The "First available" shortcut looks this far ahead (the server's longest search). */
const FIRST_AVAILABLE_DAYS = 62;

/**
 * A week of free times, grouped by day and then by who and where, each naming its time zone.
 * A "First available" shortcut above picks the earliest free time in the coming weeks. On a
 * phone each group shows its first few times with "Show all N times", so the week stays short.
 */
export function WeekOfTimes(props: WeekOfTimesProps) {
  const { t } = useTranslation("appointments");
  const locale = currentLocale();
  const { visitTypeId, patientId, providerId, locationId, week, timeZone, onWeek, onPick } = props;
  const from = startOfDayIn(week, timeZone);
  const to = startOfDayIn(addDays(week, 7), timeZone);
  const today = todayIn(timeZone);
  const slots = useQuery({
    queryKey: ["slots", visitTypeId, patientId, providerId ?? "", locationId ?? "", week, timeZone],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        visitTypeId,
        patientId,
        from: from.toISOString(),
        to: to.toISOString(),
        limit: "500",
      });
      if (providerId) params.set("providerId", providerId);
      if (locationId) params.set("locationId", locationId);
      return api<SlotList>(`/api/slots?${params}`, { signal });
    },
    staleTime: 15_000,
  });
  const firstQuery = useQuery({
    queryKey: ["slots", "first", visitTypeId, patientId, providerId ?? "", locationId ?? ""],
    queryFn: ({ signal }) => {
      const now = Date.now();
      const params = new URLSearchParams({
        visitTypeId,
        patientId,
        from: new Date(now).toISOString(),
        to: new Date(now + FIRST_AVAILABLE_DAYS * 86_400_000).toISOString(),
        limit: "1",
      });
      if (providerId) params.set("providerId", providerId);
      if (locationId) params.set("locationId", locationId);
      return api<SlotList>(`/api/slots?${params}`, { signal });
    },
    staleTime: 15_000,
  });
  const firstSlot = firstQuery.data?.slots[0];
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const days = new Map<string, Map<string, Group>>();
  for (const slot of slots.data?.slots ?? []) {
    const day = dayInZone(slot.start, slot.displayTimeZone);
    const groups = days.get(day) ?? new Map<string, Group>();
    const key = `${slot.providerId}|${slot.locationId}`;
    const group = groups.get(key) ?? {
      key,
      providerName: slot.providerName,
      locationName: slot.locationName,
      timeZone: slot.displayTimeZone,
      slots: [],
    };
    group.slots.push(slot);
    groups.set(key, group);
    days.set(day, groups);
  }
  const dayKeys = [...days.keys()].sort();
  const weekLabel = t("when.range", {
    from: formatDay(startOfDayIn(week, timeZone), timeZone, locale),
    to: formatDay(startOfDayIn(addDays(week, 6), timeZone), timeZone, locale),
  });
  const eligibility = slots.data?.eligibility;

  return (
    <section aria-labelledby="week-title" className="stack">
      {firstSlot && (!firstQuery.data?.eligibility || firstQuery.data.eligibility.canSelfBook || props.onBehalf) ? (
        <section aria-labelledby="first-title" className="first-available">
          <h2 id="first-title" className="first-available__title">
            {t("when.firstTitle")}
          </h2>
          <p className="first-available__when">
            {t("when.firstWhen", {
              day: formatDay(firstSlot.start, firstSlot.displayTimeZone, locale),
              time: formatTime(firstSlot.start, firstSlot.displayTimeZone, locale),
              zone: timeZoneLabel(firstSlot.displayTimeZone, locale, new Date(firstSlot.start)),
            })}
            <br />
            <span className="text-muted">
              {t("when.firstWho", { provider: firstSlot.providerName, location: firstSlot.locationName })}
            </span>
          </p>
          <Button onPress={() => onPick(firstSlot)}>{t("when.firstPick")}</Button>
        </section>
      ) : null}
      <div className="week-nav">
        <h2 id="week-title" className="week-nav__title" aria-live="polite">
          {weekLabel}
        </h2>
        <div className="week-nav__buttons">
          <Button
            variant="secondary"
            isDisabled={week <= today}
            // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
            onPress={() => onWeek(addDays(week, -7) < today ? today : addDays(week, -7))}
          >
            {t("when.previousWeek")}
          </Button>
          <Button variant="secondary" onPress={() => onWeek(addDays(week, 7))}>
            {t("when.nextWeek")}
          </Button>
        </div>
      </div>
      {slots.isPending ? (
        <LoadingState label={t("when.loading")} />
      ) : slots.isError ? (
        <ErrorAlert title={t("when.loadFailed")} error={slots.error} onRetry={() => void slots.refetch()} />
      ) : eligibility && !eligibility.canSelfBook && !props.onBehalf ? (
        <Alert tone="warning" title={t("eligibility.title")}>
          <p>{t(`eligibility.${eligibility.reason ?? "other"}`, { defaultValue: t("eligibility.other") })}</p>
          {eligibility.reason === "referral_required" ? (
            <AskForReferralLink visitTypeId={visitTypeId} patientId={patientId} />
          ) : null}
          <p>
            <Link to="/appointments/book" search={{}}>
              {t("eligibility.chooseAnother")}
            </Link>
          </p>
        </Alert>
      ) : dayKeys.length === 0 ? (
        <EmptyState title={t("when.emptyTitle")} headingLevel={3}>
          <p>{providerId || locationId ? t("when.emptyFiltered") : t("when.emptyBody")}</p>
        </EmptyState>
      ) : (
        <ol className="day-list">
          {dayKeys.map((day) => {
            const groups = [...(days.get(day)?.values() ?? [])];
            const first = groups[0]?.slots[0];
            return (
              <li key={day} className="day">
                <h3 className="day__title">{first ? formatDay(first.start, first.timeZone, locale) : day}</h3>
                {groups.map((group) => {
                  const groupKey = `${day}|${group.key}`;
                  const open = expanded.has(groupKey);
                  const more = group.slots.length - FIRST_TIMES;
                  const dayLabel = first ? formatDay(first.start, first.timeZone, locale) : day;
                  return (
                    <div key={group.key} className={open ? "day__group is-expanded" : "day__group"}>
                      <p className="day__who">
                        {t("when.groupLabel", {
                          provider: group.providerName,
                          location: group.locationName,
                          zone: timeZoneLabel(group.timeZone, locale, new Date(group.slots[0]?.start ?? Date.now())),
                        })}
                      </p>
                      <ul className="time-grid">
                        {group.slots.map((slot, index) => {
                          const time = formatTime(slot.start, slot.displayTimeZone, locale);
                          return (
                            <li key={slot.start} className={index >= FIRST_TIMES ? "time-grid__more" : undefined}>
                              <Button
                                variant="secondary"
                                className="time-button"
                                aria-label={t("when.pickLabel", {
                                  time,
                                  day: formatDay(slot.start, slot.displayTimeZone, locale),
                                  provider: slot.providerName,
                                  location: slot.locationName,
                                })}
                                onPress={() => onPick(slot)}
                              >
                                {time}
                              </Button>
                            </li>
                          );
                        })}
                      </ul>
                      {more > 0 ? (
                        <Button
                          variant="secondary"
                          className="day__toggle"
                          aria-expanded={open}
                          aria-label={
                            open
                              ? t("when.fewerTimesLabel", { day: dayLabel })
                              : t("when.allTimesLabel", { count: group.slots.length, day: dayLabel })
                          }
                          onPress={() => toggle(groupKey)}
                        >
                          {open ? t("when.fewerTimes") : t("when.allTimes", { count: group.slots.length })}
                        </Button>
                      ) : null}
                    </div>
                  );
                })}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
