import { type ReactNode, useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../app/session";
import { Button } from "../../components/Button";
import { Dialog, DialogActions } from "../../components/Dialog";
import { type FieldErrors, Form } from "../../components/Form";
import { PasswordField } from "../../components/PasswordField";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { AuthenticatorCodeField } from "./AuthenticatorCodeField";

interface Reauth {
  /** ask the person to confirm it's them, then run `retry` */
  request: (retry: () => void) => void;
  /** wrap a sensitive action: asks for re-authentication only when the server wants it */
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  dialog: ReactNode;
}

/** Changing password, email or two-step settings needs the password again (and a code if MFA is on). */
export function useReauth(): Reauth {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);
  const retryRef = useRef<(() => void) | null>(null);

  const request = useCallback((retry: () => void) => {
    retryRef.current = retry;
    setPassword("");
    setCode("");
    setErrors({});
    setFormError(null);
    setOpen(true);
  }, []);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await action();
      } catch (error) {
        if (!isApiError(error, "reauthentication_required")) throw error;
        return new Promise<T | undefined>((resolve, reject) => {
          request(() => {
            action().then(resolve, reject);
          });
        });
      }
    },
    [request],
  );

  const needsCode = Boolean(me?.user.mfaEnabled);

  async function submit() {
    const next: FieldErrors = {};
    if (!password) next.reauthPassword = t("signIn.passwordMissing");
    if (needsCode && !code.trim()) next.reauthCode = t("mfa.codeMissing");
    setErrors(next);
    setFormError(null);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      await api("/api/auth/reauthenticate", {
        method: "POST",
        body: needsCode ? { password, code: code.replace(/\s+/g, "") } : { password },
      });
      setOpen(false);
      const retry = retryRef.current;
      retryRef.current = null;
      retry?.();
    } catch (error) {
      setPassword("");
      setCode("");
      setFormError(isApiError(error, "invalid_credentials") ? t("reauth.wrong") : errorMessage(error, t, i18n.exists));
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  const dialog = (
    <Dialog title={t("reauth.title")} isOpen={open} onOpenChange={setOpen}>
      <p>{t("reauth.body")}</p>
      <Form onSubmit={submit} errors={errors} formError={formError} attempt={attempt} aria-label={t("reauth.title")}>
        <PasswordField
          name="reauthPassword"
          label={t("fields.password")}
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          errorMessage={errors.reauthPassword}
          autoFocus
        />
        {needsCode ? (
          <AuthenticatorCodeField
            name="reauthCode"
            description={t("reauth.codeHint")}
            value={code}
            onChange={setCode}
            errorMessage={errors.reauthCode}
          />
        ) : null}
        <DialogActions>
          <Button type="submit" isPending={pending}>
            {t("reauth.confirm")}
          </Button>
          <Button variant="secondary" onPress={() => setOpen(false)}>
            {t("common.cancel")}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );

  return { request, run, dialog };
}
