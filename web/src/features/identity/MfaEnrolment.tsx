import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { LoadingState } from "../../components/Spinner";
import { api, isApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { AuthenticatorCodeField } from "./AuthenticatorCodeField";

interface EnrolmentStart {
  secret: string;
  otpauthUrl: string;
  qrCodeSvg: string;
}

interface MfaEnrolmentProps {
  /** called after the person has seen (and kept) their recovery codes */
  onDone: () => void;
  /** re-authentication was needed (Security page); the caller asks for it and retries */
  onReauthRequired?: (retry: () => void) => void;
  /** heading level for the steps (the page has its own h1) */
}

/** Set up an authenticator app: scan or type the key, confirm a code, keep the recovery codes. */
export function MfaEnrolment({ onDone, onReauthRequired }: MfaEnrolmentProps) {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [codes, setCodes] = useState<string[] | null>(null);

  const start = useQuery({
    queryKey: ["mfa-enrolment-start"],
    queryFn: () => api<EnrolmentStart>("/api/auth/mfa/enrolment/start", { method: "POST", quietUnauthenticated: true }),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });

  const confirm = useMutation({
    mutationFn: (value: string) =>
      api<{ recoveryCodes: string[] }>("/api/auth/mfa/enrolment/confirm", { method: "POST", body: { code: value } }),
    onSuccess: (result) => setCodes(result.recoveryCodes),
    onError: (error) => {
      setCode("");
      setErrors({
        code:
          isApiError(error, "invalid_credentials") || isApiError(error, "bad_request")
            ? t("mfa.wrongCode")
            : errorMessage(error, t, i18n.exists),
      });
      setAttempt((n) => n + 1);
    },
  });

  if (codes) return <RecoveryCodes codes={codes} onDone={onDone} />;

  if (start.isPending) return <LoadingState />;
  if (start.isError) {
    if (isApiError(start.error, "reauthentication_required") && onReauthRequired) {
      return (
        <Alert tone="info" title={t("reauth.neededTitle")}>
          <p>{t("reauth.neededBody")}</p>
          <Button onPress={() => onReauthRequired(() => void start.refetch())}>{t("reauth.confirm")}</Button>
        </Alert>
      );
    }
    return <ErrorAlert title={t("mfaSetup.startFailed")} error={start.error} onRetry={() => void start.refetch()} />;
  }

  const { secret, qrCodeSvg } = start.data;
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qrCodeSvg)}`;

  function submit() {
    const cleaned = code.replace(/\s+/g, "");
    if (!/^\d{6}$/.test(cleaned)) {
      setErrors({ code: cleaned ? t("mfa.codeFormat") : t("mfa.codeMissing") });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    confirm.mutate(cleaned);
  }

  return (
    <ol className="steps">
      <li>
        <h2 className="section-title">{t("mfaSetup.step1Title")}</h2>
        <p>{t("mfaSetup.step1Body")}</p>
      </li>
      <li>
        <h2 className="section-title">{t("mfaSetup.step2Title")}</h2>
        <p>{t("mfaSetup.step2Body")}</p>
        <img className="qr" src={qrSrc} alt={t("mfaSetup.qrAlt")} width={192} height={192} />
        <p>{t("mfaSetup.manual")}</p>
        <p>
          <span className="visually-hidden">{t("mfaSetup.secretLabel")}: </span>
          <code className="secret">{secret.replace(/(.{4})/g, "$1 ").trim()}</code>
        </p>
      </li>
      <li>
        <h2 className="section-title">{t("mfaSetup.step3Title")}</h2>
        <Form onSubmit={submit} errors={errors} attempt={attempt} aria-label={t("mfaSetup.step3Title")}>
          <AuthenticatorCodeField
            name="code"
            description={t("mfa.codeHint")}
            value={code}
            onChange={setCode}
            errorMessage={errors.code}
          />
          <FormActions>
            <Button type="submit" isPending={confirm.isPending} block>
              {t("mfaSetup.confirm")}
            </Button>
          </FormActions>
        </Form>
      </li>
    </ol>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  return (
    <div className="stack">
      <Alert tone="success" title={t("mfaSetup.doneTitle")} live="polite">
        <p>{t("mfaSetup.doneBody")}</p>
      </Alert>
      <section aria-labelledby="recovery-title">
        <h2 id="recovery-title" className="section-title">
          {t("mfaSetup.codesTitle")}
        </h2>
        <p>{t("mfaSetup.codesBody")}</p>
        <ul className="code-list" aria-label={t("mfaSetup.codesTitle")}>
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
        <div className="form-actions no-print">
          <Button
            variant="secondary"
            onPress={async () => {
              try {
                await navigator.clipboard.writeText(codes.join("\n"));
                setCopied("yes");
              } catch {
                setCopied("no");
              }
            }}
          >
            {t("mfaSetup.copy")}
          </Button>
          <Button variant="secondary" onPress={() => window.print()}>
            {t("mfaSetup.print")}
          </Button>
        </div>
        <p role="status" className="text-muted">
          {copied === "yes" ? t("mfaSetup.copied") : copied === "no" ? t("mfaSetup.copyFailed") : ""}
        </p>
      </section>
      <FormActions>
        <Button onPress={onDone} block>
          {t("mfaSetup.saved")}
        </Button>
      </FormActions>
    </div>
  );
}
