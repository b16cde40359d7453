import {
  Button as AriaButton,
  Select as AriaSelect,
  type Key,
  ListBox,
  ListBoxItem,
  Popover,
  SelectValue,
} from "react-aria-components";
import { cx } from "../lib/cx";
import { FieldHead, fieldId } from "./fields";

export interface SelectOption {
  id: string;
  label: string;
}

interface SelectProps {
  label: string;
  name?: string;
  options: SelectOption[];
  /** the chosen option's id; null or "" while nothing is chosen (the placeholder shows) */
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
      selectedKey={value || null}
      onSelectionChange={(key: Key | null) => {
        if (key != null) onChange(String(key));
      }}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      placeholder={placeholder}
      className={cx("field", `field--${width}`)}
    >
      <FieldHead label={label} description={description} errorMessage={errorMessage} />
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
