import { useTranslation } from "react-i18next";
import { TextField } from "../../components/fields";

/** The six-digit code from the authenticator app: labelled, numeric, offered by the phone's one-time-code autofill. */
export function AuthenticatorCodeField(props: {
  name: string;
  description: string;
  value: string;
  onChange: (value: string) => void;
  errorMessage?: string;
}) {
  const { t } = useTranslation();
  return (
    <TextField {...props} label={t("mfa.codeLabel")} autoComplete="one-time-code" inputMode="numeric" width="short" />
  );
}
