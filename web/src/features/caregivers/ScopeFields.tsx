import type { ProxyScope } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../components/Checkbox";
import { fieldId } from "../../components/fields";
import { SCOPES } from "./GrantList";

/** One checkbox per kind of access, each explained in plain words. */
export function ScopeFields({
  value,
  onChange,
  errorMessage,
}: {
  value: ProxyScope[];
  onChange: (next: ProxyScope[]) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation("caregivers");
  return (
    <fieldset className="fieldset" data-invalid={errorMessage ? true : undefined} aria-describedby="scopes-hint">
      <legend className="fieldset__legend">{t("form.scopes")}</legend>
      <p className="field__hint" id="scopes-hint">
        {t("form.scopesHint")}
      </p>
      {errorMessage ? <p className="field__error">{errorMessage}</p> : null}
      {SCOPES.map((scope, index) => (
        <Checkbox
          key={scope}
          id={index === 0 ? fieldId("scopes") : undefined}
          isSelected={value.includes(scope)}
          onChange={(on) => onChange(on ? [...value, scope] : value.filter((s) => s !== scope))}
          description={t(`scopes.${scope}.long`)}
        >
          {t(`scopes.${scope}.short`)}
        </Checkbox>
      ))}
    </fieldset>
  );
}

/** "YYYY-MM-DD" (end of that day, on this device's clock) → an instant, or null when not a future date. */
export function endOfDay(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const end = new Date(`${date}T23:59:59`);
  if (Number.isNaN(end.getTime()) || end.getTime() <= Date.now()) return null;
  return end.toISOString();
}
