import { ALL_SCOPES, ProxyRelationship, type ProxyScope, valuesOf } from "@portico/contracts";
import { useTranslation } from "react-i18next";
import { Checkbox } from "../../components/Checkbox";
import { fieldId, TextField } from "../../components/fields";
import { Select } from "../../components/Select";

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
      {ALL_SCOPES.map((scope, index) => (
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

/** A text field or select bound to a form (`form.field(…)`). */
interface Bound {
  name: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}

/**
 * What a caregiver's access asks, whoever grants it: the caregiver's email, how they are related,
 * what they may do, and until when.
 */
export function GrantFields({
  email,
  emailLabel,
  emailHint,
  relationship,
  relationshipHint,
  scopes,
  until,
}: {
  email: Bound;
  emailLabel: string;
  emailHint: string;
  relationship: Bound;
  relationshipHint?: string;
  scopes: { value: ProxyScope[]; onChange: (next: ProxyScope[]) => void; errorMessage?: string };
  until: Bound;
}) {
  const { t } = useTranslation("caregivers");
  return (
    <>
      <TextField
        {...email}
        type="email"
        inputMode="email"
        spellCheck={false}
        autoComplete="off"
        label={emailLabel}
        description={emailHint}
        isRequired
      />
      <Select
        {...relationship}
        label={t("form.relationship")}
        description={relationshipHint}
        width="medium"
        placeholder={t("form.choose")}
        value={relationship.value || null}
        options={valuesOf(ProxyRelationship).map((r) => ({ id: r, label: t(`relationships.${r}`) }))}
        isRequired
      />
      <ScopeFields {...scopes} />
      <TextField {...until} type="date" width="short" label={t("form.until")} description={t("form.untilHint")} />
    </>
  );
}
