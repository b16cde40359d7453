import type { ReactNode } from "react";
import {
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
  FieldError,
  Input,
  Label,
  Text,
} from "react-aria-components";
import { cx } from "../lib/cx";

export interface TextFieldProps extends Omit<AriaTextFieldProps, "className" | "children" | "spellCheck"> {
  label: string;
  /** hint shown under the label, read with the field */
  description?: ReactNode;
  /** set by the form's validation (server or client) */
  errorMessage?: string;
  /** input width hint for short values such as codes and dates */
  width?: "short" | "medium" | "full";
  placeholder?: string;
  /** rendered after the input, inside the same row (e.g. a show/hide button) */
  adornment?: ReactNode;
  /** rendered after the error, e.g. live strength feedback */
  after?: ReactNode;
  inputMode?: "text" | "numeric" | "email" | "tel" | "search";
  spellCheck?: boolean;
}

export function fieldId(name: string): string {
  return `field-${name}`;
}

/**
 * What a react-aria field shows above its control: the label, the hint (read with the field) and
 * the error (announced when invalid), in that order.
 */
export function FieldHead({
  label,
  description,
  errorMessage,
}: {
  label: ReactNode;
  description?: ReactNode;
  errorMessage?: string;
}) {
  return (
    <>
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </>
  );
}

/** A labelled text input with hint and error tied to it; ids follow the field name so the error summary can link to it. */
export function TextField({
  label,
  description,
  errorMessage,
  width = "full",
  placeholder,
  adornment,
  after,
  inputMode,
  spellCheck,
  ...props
}: TextFieldProps) {
  const id = props.id ?? (props.name ? fieldId(props.name) : undefined);
  return (
    <AriaTextField
      {...props}
      id={id}
      isInvalid={errorMessage ? true : props.isInvalid}
      className={cx("field", `field--${width}`)}
    >
      <FieldHead label={label} description={description} errorMessage={errorMessage} />
      <div className="field__row">
        <Input className="input" placeholder={placeholder} inputMode={inputMode} spellCheck={spellCheck} />
        {adornment}
      </div>
      {after}
    </AriaTextField>
  );
}
