import type { MeResponse } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { navigateTo } from "../../app/navigation";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { TextField } from "../../components/fields";
import { Link } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { AuthLayout } from "./AuthLayout";
import { finishSignIn } from "./finish-sign-in";

const route = getRouteApi("/sign-in/verify");

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaPage() {
  const { t, i18n } = useTranslation();
  const { redirect } = route.useSearch();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState(false);

  async function submit() {
    const cleaned = recovery ? code.trim() : code.replace(/\s+/g, "");
    const next: FieldErrors = {};
    if (!cleaned) next.code = recovery ? t("mfa.recoveryMissing") : t("mfa.codeMissing");
    else if (!recovery && !/^\d{6}$/.test(cleaned)) next.code = t("mfa.codeFormat");
    setErrors(next);
    setAttempt((n) => n + 1);
    if (Object.keys(next).length > 0) return;
    setPending(true);
    try {
      const me = await api<MeResponse>("/api/auth/mfa", {
        method: "POST",
        body: { code: cleaned },
        quietUnauthenticated: true,
      });
      await finishSignIn(redirect, me);
    } catch (error) {
      if (isApiError(error, "unauthenticated")) {
        navigateTo("/sign-in?status=expired");
        return;
      }
      setCode("");
      setErrors({
        code: isApiError(error, "invalid_credentials") ? t("mfa.wrongCode") : errorMessage(error, t, i18n.exists),
      });
      setAttempt((n) => n + 1);
    } finally {
      setPending(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeader title={t("mfa.title")} lead={<p>{recovery ? t("mfa.recoveryLead") : t("mfa.lead")}</p>} />
      <Form onSubmit={submit} errors={errors} attempt={attempt} aria-label={t("mfa.title")}>
        <TextField
          key={recovery ? "recovery" : "totp"}
          name="code"
          label={recovery ? t("mfa.recoveryLabel") : t("mfa.codeLabel")}
          description={recovery ? t("mfa.recoveryHint") : t("mfa.codeHint")}
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          spellCheck={false}
          width="short"
          value={code}
          onChange={setCode}
          errorMessage={errors.code}
          autoFocus
        />
        <FormActions>
          <Button type="submit" isPending={pending} block>
            {t("mfa.submit")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              setRecovery((r) => !r);
              setCode("");
              setErrors({});
            }}
          >
            {recovery ? t("mfa.useApp") : t("mfa.useRecovery")}
          </Button>
        </FormActions>
      </Form>
      <p className="text-muted auth-aside">
        {t("mfa.lostBoth")} <Link to="/sign-in">{t("mfa.startAgain")}</Link>
      </p>
    </AuthLayout>
  );
}
