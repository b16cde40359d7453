import type {
  AvailabilityException as ExceptionSchema,
  Location,
  AvailabilityTemplate as TemplateSchema,
} from "@portico/contracts";
import { type UseMutationResult, useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Static } from "typebox";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { TextField, type TextFieldProps } from "../../components/fields";
import { currentLocale } from "../../i18n";
import { api } from "../../lib/api";

export type Template = Static<typeof TemplateSchema>;
export type Exception = Static<typeof ExceptionSchema>;
export interface Availability {
  templates: Template[];
  exceptions: Exception[];
}

/** What each section of the availability page works on: the provider and the places they work. */
export interface AvailabilitySectionProps {
  providerId: string;
  places: Location[];
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A section's saved items: `refresh` reloads the provider's availability; `remove` deletes one of `kind`, then refreshes. */
export function useAvailabilityList(providerId: string, kind: "templates" | "exceptions") {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["availability", providerId] });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/api/providers/${providerId}/availability/${kind}/${id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  return { refresh, remove };
}

export function useWeekdayName() {
  const locale = currentLocale();
  return (weekday: number) =>
    new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-GB", { weekday: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(2024, 0, weekday)), // 1 January 2024 was a Monday
    );
}

/** A date or a time of the availability forms, its format as the hint. */
export function WhenField({ kind, ...props }: TextFieldProps & { kind: "date" | "time" }) {
  const { t } = useTranslation("appointments");
  return (
    <TextField
      description={kind === "time" ? t("availability.timeHint") : t("availability.dateHint")}
      width={kind === "time" ? "short" : "medium"}
      {...props}
    />
  );
}

/** A card listing what the admin has set, each with its Remove button, then the form to add more. */
export function RemovableList<T extends { id: string }>({
  id,
  title,
  empty,
  items,
  remove,
  what,
  item,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  items: T[];
  remove: UseMutationResult<unknown, Error, string>;
  /** the item in words, for its Remove button's accessible name */
  what: (item: T) => string;
  item: (item: T) => ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation("appointments");
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {remove.isError ? (
        <ErrorAlert title={t("availability.removeFailed")} error={remove.error} headingLevel={3} />
      ) : null}
      {items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <ul className="item-list">
          {items.map((x) => (
            <li key={x.id}>
              <span>{item(x)}</span>
              <Button
                variant="secondary"
                isPending={remove.isPending && remove.variables === x.id}
                onPress={() => remove.mutate(x.id)}
                aria-label={t("availability.removeTemplate", { what: what(x) })}
              >
                {t("availability.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}
