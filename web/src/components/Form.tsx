import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { Form as AriaForm } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { fieldId } from "./fields";

export type FieldErrors = Record<string, string>;

interface FormProps {
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** field name → message; shown beside each field and listed in the summary */
  errors?: FieldErrors;
  /** a message about the whole form (e.g. "That email or password is not right") */
  formError?: string | null;
  /** increments each time the user submits, so the summary takes focus again */
  attempt?: number;
  children: ReactNode;
  "aria-label"?: string;
  "aria-labelledby"?: string;
}

/**
 * A form that validates on submit and lists every problem in an error summary at the top
 * (focused, so screen-reader users hear it), each linking to its field. Input is never cleared.
 */
export function Form({ onSubmit, errors = {}, formError, attempt = 0, children, ...aria }: FormProps) {
  const entries = Object.entries(errors).filter(([, message]) => message);
  const hasProblems = entries.length > 0 || Boolean(formError);
  return (
    <AriaForm
      {...aria}
      // the landing and sign-in pages are shown before their script has run (prerender.tsx): a
      // form sent in that moment goes as a POST, so what was typed (a password) never ends up
      // in the address, the history or a log
      method="post"
      className="form"
      validationBehavior="aria"
      validationErrors={errors}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event);
      }}
    >
      {hasProblems ? <ErrorSummary entries={entries} formError={formError} attempt={attempt} /> : null}
      {children}
    </AriaForm>
  );
}

function ErrorSummary({
  entries,
  formError,
  attempt,
}: {
  entries: Array<[string, string]>;
  formError?: string | null;
  attempt: number;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus on each new submit attempt
  useEffect(() => {
    ref.current?.focus();
  }, [attempt]);
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        {t("form.problemTitle")}
      </h2>
      {formError ? <p className="error-summary__text">{formError}</p> : null}
      {entries.length > 0 ? (
        <ul className="error-summary__list">
          {entries.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${fieldId(name)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(name));
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Buttons at the end of a form: primary first, full-width on phones. */
export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
