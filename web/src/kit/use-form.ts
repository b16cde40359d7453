import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldErrors } from "../components/Form";
import { errorMessage, fieldErrorsFrom } from "../lib/errors";
import { takeEarlyInput } from "./early-input";
import { useUnsavedChanges } from "./unsaved-changes";

/** A form's own reading of a failure: its field errors and/or form message (left out: the usual one). */
export interface Explained {
  errors?: FieldErrors;
  formError?: string | null;
}

export interface UseFormOptions<V, R> {
  initial: V | (() => V);
  /**
   * The values as the server holds them now, for a form that edits saved data (memoised: a new
   * object means new data). When it changes (this form's save, another section's save, a
   * refetch), fields the person has not edited take the new values; edited ones keep what
   * was typed.
   */
  source?: V;
  /**
   * Ask before leaving the page with edits not yet saved (default on). Off only for forms
   * whose values are not work to keep: sign-in details, a search.
   */
  guard?: boolean;
  /** checks made before sending: field name → message (shown beside the field and in the summary) */
  validate?: (values: V) => FieldErrors;
  /** sends the values; a thrown ApiError shows as a form message plus the server's field errors */
  submit: (values: V) => Promise<R>;
  /** after a successful submit (navigate away, reset, tell the parent); `saved` is already true */
  onSuccess?: (result: R, values: V) => void | Promise<void>;
  /** the form's field for a server field path ("address.line1"); by default the path itself */
  serverField?: (path: string) => string | undefined;
  /** the sentence beside a field the server refused; by default "Check “<label>”" or "Check this answer" */
  serverMessage?: (field: string, problem: string) => string;
  /** field name → its label, so the error summary names a field the server refused */
  labels?: Record<string, string>;
  /** a form's own reading of some failures (e.g. weak_password); `undefined` for the usual one */
  explain?: (error: unknown) => Explained | undefined;
}

/** Two field values are the same edit: same value, or equal lists and plain objects (files by identity). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  const plain = (x: unknown) => Array.isArray(x) || (x !== null && typeof x === "object" && x.constructor === Object);
  return plain(a) && plain(b) && JSON.stringify(a) === JSON.stringify(b);
}

/** The keys whose values differ from the baseline (what the person has changed). */
function changedKeys<V extends object>(values: V, baseline: V): Array<keyof V> {
  const keys = new Set([...Object.keys(values), ...Object.keys(baseline)]) as Set<keyof V>;
  return [...keys].filter((k) => !same(values[k], baseline[k]));
}

type StringKeys<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;
type BooleanKeys<V> = { [K in keyof V]: V[K] extends boolean ? K : never }[keyof V] & string;

/**
 * The state every form needs: its values, the problems found before and after sending (each
 * tied to its field, all listed in the error summary, which takes focus on each failed
 * attempt), whether it is being sent, whether the last send was saved, and which fields hold
 * edits not yet saved (`dirty`): those survive a refresh of `source`, and leaving the page
 * with any of them asks first (unsaved-changes.tsx).
 */
export function useForm<V extends object, R = unknown>(options: UseFormOptions<V, R>) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<V>(options.initial);
  // what the values were when last loaded or saved: a field differing from it is an unsaved edit
  const [baseline, setBaseline] = useState<V>(values);
  const valuesRef = useRef(values);
  valuesRef.current = values;
  const baselineRef = useRef(baseline);
  baselineRef.current = baseline;
  const rebase = (next: V) => {
    baselineRef.current = next;
    setBaseline(next);
  };
  // a written page's fields may have been typed into before the app took it over (early-input.ts)
  useEffect(() => {
    const names = Object.keys(valuesRef.current).filter(
      (name) => typeof valuesRef.current[name as keyof V] === "string",
    );
    const early = takeEarlyInput(names);
    if (early) setValues((current) => ({ ...current, ...early }));
  }, []);
  const sourceRef = useRef(options.source);
  useEffect(() => {
    const fresh = options.source;
    if (fresh === undefined || fresh === sourceRef.current) return;
    sourceRef.current = fresh;
    const before = baselineRef.current;
    setValues((current) => {
      const merged = { ...current };
      for (const key of Object.keys(fresh) as Array<keyof V>) {
        if (same(current[key], before[key])) merged[key] = fresh[key];
      }
      return merged;
    });
    baselineRef.current = fresh;
    setBaseline(fresh);
  }, [options.source]);
  useUnsavedChanges(() => changedKeys(valuesRef.current, baselineRef.current).length > 0, options.guard ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  const set =
    <K extends keyof V>(key: K) =>
    (value: V[K]) => {
      setSaved(false);
      setValues((v) => ({ ...v, [key]: value }));
    };

  const update = (patch: Partial<V> | ((v: V) => V)) => {
    setSaved(false);
    setValues((v) => (typeof patch === "function" ? patch(v) : { ...v, ...patch }));
  };

  /** Shows a failure that happened outside `submit` (e.g. a follow-up request). */
  const fail = (error: unknown) => {
    const own = options.explain?.(error);
    setErrors(
      own?.errors ??
        fieldErrorsFrom(error, {
          field: options.serverField,
          message:
            options.serverMessage ??
            ((field) => {
              const label = options.labels?.[field];
              return label ? t("form.checkNamed", { label }) : t("form.checkField");
            }),
        }),
    );
    setFormError(own && "formError" in own ? (own.formError ?? null) : errorMessage(error, t, i18n.exists));
    setAttempt((n) => n + 1);
  };

  async function send() {
    const found = options.validate?.(values) ?? {};
    setErrors(found);
    setFormError(null);
    setSaved(false);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    try {
      const result = await options.submit(values);
      // what was sent is now saved; anything typed meanwhile stays an unsaved edit
      rebase(values);
      setSaved(true);
      await options.onSuccess?.(result, values);
    } catch (error) {
      fail(error);
    } finally {
      setPending(false);
    }
  }

  return {
    values,
    set,
    update,
    /** replaces all values (e.g. a reset after success) */
    reset: (next: V) => {
      rebase(next);
      setValues(next);
      setErrors({});
      setFormError(null);
    },
    errors,
    /** drops one field's problem once it is answered (a required choice made), before the next send */
    forget: (name: string) =>
      setErrors((current) => {
        if (!(name in current)) return current;
        const { [name]: _answered, ...rest } = current;
        return rest;
      }),
    formError,
    pending,
    /** fields changed and not yet saved */
    dirty: changedKeys(values, baseline).length > 0,
    saved,
    fail,
    submit: send,
    /**
     * Props for a text field or select: name, value, change handler and its error. `name` is
     * the field's name on the page (its id and error key) when it differs from the value's key,
     * e.g. two forms on one page.
     */
    field: <K extends StringKeys<V>>(key: K, name: string = key) => ({
      name,
      value: values[key] as string,
      onChange: set(key) as (value: string) => void,
      errorMessage: errors[name],
    }),
    /** props for a checkbox */
    checkbox: <K extends BooleanKeys<V>>(key: K) => ({
      isSelected: values[key] as boolean,
      onChange: set(key) as (value: boolean) => void,
    }),
    /** props for `Form`: submit handler, errors, form-level message and the attempt counter */
    formProps: {
      onSubmit: () => void send(),
      errors,
      formError,
      attempt,
    },
  };
}

export type FormApi<V extends object> = ReturnType<typeof useForm<V>>;
