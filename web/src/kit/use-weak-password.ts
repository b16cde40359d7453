import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../lib/api";
import { passwordAdvice } from "../lib/errors";
import type { Explained } from "./use-form";

/**
 * A new-password field's answer to `weak_password`: "too easy to guess" beside the field, and
 * the server's advice shown under it (in English only: the advice comes from the server in
 * English). Clear the advice when the password changes.
 */
export function useWeakPassword(field: string) {
  const { t, i18n } = useTranslation();
  const [advice, setAdvice] = useState<string[]>([]);
  return {
    advice,
    clear: () => setAdvice([]),
    /** for `useForm({ explain })`; `undefined` for any other failure */
    explain: (error: unknown): Explained | undefined => {
      if (!isApiError(error, "weak_password")) return undefined;
      const { warning, suggestions } = passwordAdvice(error);
      setAdvice(i18n.language === "en" ? [warning, ...suggestions].filter((s): s is string => Boolean(s)) : []);
      return { errors: { [field]: t("password.weak") }, formError: null };
    },
  };
}
