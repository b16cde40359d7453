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
import { type Explained, useForm } from "../../kit/use-form";
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
  const cleaned = (code: string) => (recovery ? code.trim() : code.replace(/\s+/g, ""));
  const form = useForm({
    initial: { code: "" },
    // sign-in details are not work to keep: leaving never asks
    guard: false,
    validate: ({ code }) => {
      const next: FieldErrors = {};
      if (!cleaned(code)) next.code = recovery ? t("mfa.recoveryMissing") : t("mfa.codeMissing");
      else if (!recovery && !/^\d{6}$/.test(cleaned(code))) next.code = t("mfa.codeFormat");
      return next;
    },
    submit: ({ code }) =>
      api<MeResponse>("/api/auth/mfa", { method: "POST", body: { code: cleaned(code) }, quietUnauthenticated: true }),
    onSuccess: (me) => finishSignIn(redirect, me),
    // every failure is said beside the code, which is cleared for the next try
    explain: (error): Explained => {
      if (isApiError(error, "unauthenticated")) {
        navigateTo("/sign-in?status=expired");
        return { errors: {}, formError: null };
      }
      form.update({ code: "" });
      return {
        errors: {
          code: isApiError(error, "invalid_credentials") ? t("mfa.wrongCode") : errorMessage(error, t, i18n.exists),
        },
        formError: null,
      };
    },
  });

  return (
    <AuthLayout>
      <PageHeader title={t("mfa.title")} lead={<p>{recovery ? t("mfa.recoveryLead") : t("mfa.lead")}</p>} />
      <Form {...form.formProps} aria-label={t("mfa.title")}>
        <TextField
          key={recovery ? "recovery" : "totp"}
          {...form.field("code")}
          label={recovery ? t("mfa.recoveryLabel") : t("mfa.codeLabel")}
          description={recovery ? t("mfa.recoveryHint") : t("mfa.codeHint")}
          autoComplete="one-time-code"
          inputMode={recovery ? "text" : "numeric"}
          spellCheck={false}
          width="short"
          autoFocus
        />
        <FormActions>
          <Button type="submit" isPending={form.pending} block>
            {t("mfa.submit")}
          </Button>
          <Button
            variant="quiet"
            onPress={() => {
              setRecovery((r) => !r);
              form.reset({ code: "" });
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
