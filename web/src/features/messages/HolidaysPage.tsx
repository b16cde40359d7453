import type { HolidayList } from "@portico/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { currentLocale } from "../../i18n";
import { type FormApi, useForm } from "../../kit/use-form";
import { LoadFailed, SavedNotice } from "../../kit/views";
import { formatCalendarDate } from "../../lib/format";
import { BackToMessaging } from "./BackToMessaging";
import { adminPoolsQuery, holidaysQuery, saveHolidays } from "./data";
import "./messages.css";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Admins: a location's holidays, days on which no business hours count towards answer times. */
export function HolidaysPage() {
  const { t } = useTranslation("messages");
  const { locationId } = getRouteApi("/signed-in/admin/messaging/holidays/$locationId").useParams();
  const pools = useQuery(adminPoolsQuery());
  const holidays = useQuery(holidaysQuery(locationId));
  const back = <BackToMessaging />;
  const location = pools.data?.choices.locations.find((l) => l.id === locationId);
  if (holidays.isPending || pools.isPending)
    return (
      <div className="stack">
        <PageHeader title={t("admin.holidaysLoading")} before={back} />
        <LoadingState label={t("admin.loading")} />
      </div>
    );
  if (holidays.isError || pools.isError || !location)
    return (
      <div className="stack">
        <PageHeader title={t("admin.loadFailed")} before={back} />
        <LoadFailed error={holidays.error ?? pools.error} />
      </div>
    );
  return (
    <div className="stack">
      <PageHeader title={t("admin.holidaysTitle", { name: location.name })} before={back} />
      <p>{t("admin.holidaysIntro")}</p>
      <HolidayForm locationId={locationId} initial={holidays.data.holidays} />
    </div>
  );
}

function HolidayForm({ locationId, initial }: { locationId: string; initial: { date: string; name: string }[] }) {
  const { t } = useTranslation("messages");
  const queryClient = useQueryClient();
  const locale = currentLocale();
  type Draft = { holidays: { date: string; name: string }[]; date: string; name: string };
  const form: FormApi<Draft> = useForm<Draft, HolidayList>({
    initial: { holidays: initial, date: "", name: "" },
    validate: (v) => {
      const e: FieldErrors = {};
      if (v.date || v.name) {
        if (!ISO_DATE.test(v.date)) e.date = t("admin.errors.date");
        if (!v.name.trim()) e.name = t("admin.errors.holidayName");
        if (v.holidays.some((h) => h.date === v.date)) e.date = t("admin.errors.sameDay");
      }
      return e;
    },
    serverField: (path) => (path.endsWith(".date") ? "date" : path.endsWith(".name") ? "name" : undefined),
    submit: (v) => {
      const next = v.date ? [...v.holidays, { date: v.date, name: v.name.trim() }] : v.holidays;
      return saveHolidays(queryClient, locationId, {
        holidays: [...next].sort((a, b) => a.date.localeCompare(b.date)),
      });
    },
    onSuccess: (saved: HolidayList) => form.reset({ holidays: saved.holidays, date: "", name: "" }),
  });
  const list = form.values.holidays;
  return (
    <Form {...form.formProps} aria-label={t("admin.holidaysForm")}>
      <SavedNotice show={form.saved} title={t("admin.holidaysSaved")} />
      {list.length === 0 ? (
        <p>{t("admin.noHolidays")}</p>
      ) : (
        <ul className="settings-list" aria-label={t("admin.holidaysList")}>
          {list.map((h) => (
            <li key={h.date} className="settings-list__item settings-list__item--row">
              <span>
                <strong>{formatCalendarDate(h.date, locale)}</strong> — {h.name}
              </span>
              <Button
                variant="quiet"
                onPress={() => form.set("holidays")(list.filter((x) => x.date !== h.date))}
                aria-label={t("admin.removeHolidayNamed", { name: h.name })}
              >
                {t("admin.removeHoliday")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t("admin.addHoliday")}</legend>
        <TextField {...form.field("date")} type="date" width="medium" label={t("admin.holidayDate")} />
        <TextField {...form.field("name")} label={t("admin.holidayName")} />
      </fieldset>
      <FormActions>
        <Button type="submit" isPending={form.pending}>
          {t("admin.saveHolidays")}
        </Button>
      </FormActions>
    </Form>
  );
}
