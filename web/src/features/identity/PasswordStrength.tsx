import { useTranslation } from "react-i18next";
import { PasswordField } from "../../components/PasswordField";

/**
 * Live guidance while choosing a password. It only judges length and variety; the server
 * has the final word (it also refuses common and guessable passwords).
 */
export function passwordLevel(password: string): 0 | 1 | 2 | 3 | 4 {
  if (!password) return 0;
  if (password.length < 8) return 1;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const words = password.trim().split(/\s+/).length;
  if (password.length >= 16 || (words >= 3 && password.length >= 14)) return 4;
  if (password.length >= 12 || kinds >= 3) return 3;
  return 2;
}

export function PasswordStrength({ password, advice }: { password: string; advice?: string[] }) {
  const { t } = useTranslation();
  const level = passwordLevel(password);
  const label = [
    t("password.strength0"),
    t("password.strength1"),
    t("password.strength2"),
    t("password.strength3"),
    t("password.strength4"),
  ][level];
  return (
    <div className="strength" data-level={level}>
      <div className="strength__meter" aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p className="field__hint" aria-live="polite">
        {label}
      </p>
      {advice && advice.length > 0 ? (
        <ul className="field__hint">
          {advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The one field for choosing a password: the rules as its hint, live strength under it, and the
 * server's advice after a weak one (cleared as the password changes). Bind with `form.field(…)`.
 */
export function NewPasswordField({
  name,
  label,
  value,
  onChange,
  errorMessage,
  weak,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
  weak: { advice: string[]; clear: () => void };
}) {
  const { t } = useTranslation();
  return (
    <PasswordField
      name={name}
      label={label}
      description={t("password.rules")}
      autoComplete="new-password"
      value={value}
      onChange={(v) => {
        onChange(v);
        weak.clear();
      }}
      errorMessage={errorMessage}
      after={<PasswordStrength password={value} advice={weak.advice} />}
    />
  );
}
