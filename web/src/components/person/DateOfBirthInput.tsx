import { TextField as AriaTextField, Input, Label } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { fieldId } from "../fields";

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** "YYYY-MM-DD" when the parts make a real past date, else null. */
export function toIsoDate({ day, month, year }: DateParts, today: Date = new Date()): string | null {
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  if (!Number.isInteger(d) || !Number.isInteger(m) || !Number.isInteger(y) || year.trim().length !== 4) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 1900 || date.getTime() > today.getTime()) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

interface DateOfBirthInputProps {
  name: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  errorMessage?: string;
}

/** Three boxes (month, day, year) as US patients write a date; no calendar picker needed for a birth date. */
export function DateOfBirthInput({ name, value, onChange, errorMessage }: DateOfBirthInputProps) {
  const { t } = useTranslation();
  const hintId = `${fieldId(name)}-hint`;
  const errorId = `${fieldId(name)}-error`;
  const describedBy = errorMessage ? `${hintId} ${errorId}` : hintId;
  const part = (key: keyof DateParts, label: string, maxLength: number, autoComplete: string, first = false) => (
    <AriaTextField
      className={`date-input__part date-input__part--${key}`}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v.replace(/\D/g, "") })}
      isInvalid={Boolean(errorMessage)}
      aria-describedby={describedBy}
      id={first ? fieldId(name) : undefined}
    >
      <Label>{label}</Label>
      <Input className="input" inputMode="numeric" maxLength={maxLength} autoComplete={autoComplete} />
    </AriaTextField>
  );
  return (
    <fieldset
      className="date-input field"
      data-invalid={errorMessage ? true : undefined}
      aria-describedby={describedBy}
    >
      <legend>{t("fields.dateOfBirth")}</legend>
      <p className="field__hint" id={hintId}>
        {t("fields.dateOfBirthHint")}
      </p>
      {errorMessage ? (
        <p className="field__error" id={errorId}>
          {errorMessage}
        </p>
      ) : null}
      <div className="date-input__parts">
        {part("month", t("fields.month"), 2, "bday-month", true)}
        {part("day", t("fields.day"), 2, "bday-day")}
        {part("year", t("fields.year"), 4, "bday-year")}
      </div>
    </fieldset>
  );
}
