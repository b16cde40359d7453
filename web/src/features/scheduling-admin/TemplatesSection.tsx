import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { Select } from "../../components/Select";
import { useForm } from "../../kit/use-form";
import { api } from "../../lib/api";
import { renamed } from "../../lib/errors";
import {
  type AvailabilitySectionProps,
  DATE,
  RemovableList,
  type Template,
  TIME,
  useAvailabilityList,
  useWeekdayName,
  WEEKDAYS,
  WhenField,
} from "./availability-parts";

/** The weekly template: the hours set for each weekday and location, and the form to add more. */
export function TemplatesSection({
  providerId,
  templates,
  places,
}: AvailabilitySectionProps & { templates: Template[] }) {
  const { t } = useTranslation("appointments");
  const weekday = useWeekdayName();
  const { refresh, remove } = useAvailabilityList(providerId, "templates");
  const form = useForm({
    initial: {
      locationId: places[0]?.id ?? "",
      weekday: "1",
      startTime: "09:00",
      endTime: "17:00",
      validFrom: "",
      validUntil: "",
    },
    validate: (draft) => {
      const next: FieldErrors = {};
      if (!draft.locationId) next.tplLocation = t("availability.locationMissing");
      if (!TIME.test(draft.startTime)) next.tplStart = t("availability.timeInvalid");
      if (!TIME.test(draft.endTime)) next.tplEnd = t("availability.timeInvalid");
      else if (TIME.test(draft.startTime) && draft.endTime <= draft.startTime)
        next.tplEnd = t("availability.endBeforeStart");
      if (draft.validFrom && !DATE.test(draft.validFrom)) next.tplFrom = t("availability.dateInvalid");
      if (draft.validUntil && !DATE.test(draft.validUntil)) next.tplUntil = t("availability.dateInvalid");
      return next;
    },
    submit: (draft) =>
      api(`/api/providers/${providerId}/availability/templates`, {
        method: "POST",
        body: {
          locationId: draft.locationId,
          weekday: Number(draft.weekday),
          startTime: draft.startTime,
          endTime: draft.endTime,
          validFrom: draft.validFrom || null,
          validUntil: draft.validUntil || null,
        },
      }),
    onSuccess: refresh,
    serverField: renamed({
      locationId: "tplLocation",
      startTime: "tplStart",
      endTime: "tplEnd",
      validFrom: "tplFrom",
      validUntil: "tplUntil",
    }),
  });
  const draft = form.values;
  const placeName = (id: string) => places.find((p) => p.id === id)?.name ?? "";
  const sorted = [...templates].sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));

  return (
    <RemovableList
      id="tpl-title"
      title={t("availability.templatesTitle")}
      empty={t("availability.noTemplates")}
      items={sorted}
      remove={remove}
      what={(x) => `${weekday(x.weekday)} ${x.startTime}–${x.endTime}, ${placeName(x.locationId)}`}
      item={(x) => (
        <>
          <strong>{weekday(x.weekday)}</strong> {x.startTime}–{x.endTime} · {placeName(x.locationId)}
          {x.validFrom || x.validUntil ? (
            <span className="text-muted">
              {" "}
              ({t("availability.valid", { from: x.validFrom ?? "…", until: x.validUntil ?? "…" })})
            </span>
          ) : null}
        </>
      )}
    >
      <h3 className="subsection-title">{t("availability.addTemplate")}</h3>
      <Form {...form.formProps} aria-label={t("availability.addTemplate")}>
        <div className="filters">
          <Select
            {...form.field("locationId", "tplLocation")}
            label={t("availability.location")}
            options={places.map((p) => ({ id: p.id, label: p.name }))}
            value={draft.locationId || null}
          />
          <Select
            {...form.field("weekday", "tplWeekday")}
            label={t("availability.weekday")}
            options={WEEKDAYS.map((d) => ({ id: String(d), label: weekday(d) }))}
          />
          <WhenField {...form.field("startTime", "tplStart")} kind="time" label={t("availability.start")} />
          <WhenField {...form.field("endTime", "tplEnd")} kind="time" label={t("availability.end")} />
          <WhenField {...form.field("validFrom", "tplFrom")} kind="date" label={t("availability.validFrom")} />
          <WhenField {...form.field("validUntil", "tplUntil")} kind="date" label={t("availability.validUntil")} />
          <FormActions>
            <Button type="submit" isPending={form.pending}>
              {t("availability.addTemplate")}
            </Button>
          </FormActions>
        </div>
      </Form>
    </RemovableList>
  );
}
