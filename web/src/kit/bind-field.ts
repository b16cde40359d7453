import type { FieldErrors } from "../components/Form";

/**
 * Binds a text field or select to one key of a group of values held outside `useForm` (filters,
 * a person's details): its name, value, change handler and error.
 */
export function bindField<F extends object>(
  values: F,
  errors: FieldErrors,
  set: (key: keyof F) => (value: string) => void,
) {
  return (key: keyof F & string) => ({
    name: key,
    value: values[key] as string,
    onChange: set(key),
    errorMessage: errors[key],
  });
}

/**
 * `set` and `field` for a group of values whose owner takes the whole group back on each change
 * (`onChange(next)`, e.g. a person's details inside a larger form).
 */
export function bindGroup<F extends object>(values: F, errors: FieldErrors, onChange: (next: F) => void) {
  const set = (key: keyof F) => (value: string) => onChange({ ...values, [key]: value });
  return { set, field: bindField(values, errors, set) };
}
