import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import { TextField, type TextFieldProps } from "./fields";

interface PasswordFieldProps extends Omit<TextFieldProps, "type" | "adornment"> {
  /** "current-password" to sign in, "new-password" when choosing one */
  autoComplete: "current-password" | "new-password";
  after?: ReactNode;
}

/** A password input with a Show/Hide toggle (helps people on phones and with tremor get it right). */
export function PasswordField(props: PasswordFieldProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? "text" : "password"}
      spellCheck={false}
      adornment={
        <Button
          variant="secondary"
          className="field__toggle"
          onPress={() => setVisible((v) => !v)}
          aria-label={
            visible ? t("password.hideNamed", { label: props.label }) : t("password.showNamed", { label: props.label })
          }
        >
          {visible ? t("password.hide") : t("password.show")}
        </Button>
      }
    />
  );
}
