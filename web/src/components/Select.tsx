import {
  Button as AriaButton,
  Select as AriaSelect,
  FieldError,
  type Key,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
  Text,
} from "react-aria-components";
import { cx } from "../lib/cx";
import { fieldId } from "./fields";

export interface SelectOption {
  id: string;
  label: string;
}

interface SelectProps {
  label: string;
  name?: string;
  options: SelectOption[];
  value: string | null;
  onChange: (value: string) => void;
  description?: string;
  errorMessage?: string;
  placeholder?: string;
  isRequired?: boolean;
  width?: "medium" | "full";
}

export function Select({
  label,
  name,
  options,
  value,
  onChange,
  description,
  errorMessage,
  placeholder,
  isRequired,
  width = "full",
}: SelectProps) {
  return (
    <AriaSelect
      name={name}
      id={name ? fieldId(name) : undefined}
      selectedKey={value}
      onSelectionChange={(key: Key | null) => {
        if (key != null) onChange(String(key));
      }}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      placeholder={placeholder}
      className={cx("field", `field--${width}`)}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__hint">
          {description}
        </Text>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
      <AriaButton className="input select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron" />
      </AriaButton>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem key={option.id} id={option.id} className="listbox__item" textValue={option.label}>
              {option.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </AriaSelect>
  );
}
