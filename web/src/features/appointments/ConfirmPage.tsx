import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useClinic } from "../../app/clinic";
import { Alert } from "../../components/Alert";
import { ButtonLink } from "../../components/Link";
import { PageHeader } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { api, isApiError } from "../../lib/api";
import { AuthLayout } from "../identity/AuthLayout";
import { PhoneLink } from "./parts";

const route = getRouteApi("/appointments/confirm");

interface ConfirmResult {
  status: "confirmed" | "already_confirmed";
}
type Outcome = ConfirmResult["status"] | "invalid" | "cannot" | "failed";

/** Confirms the token once, however often React mounts the page. */
const attempts = new Map<string, Promise<Outcome>>();

function confirmOnce(token: string | undefined): Promise<Outcome> {
  if (!token || !/^[A-Za-z0-9_-]{20,200}$/.test(token)) return Promise.resolve("invalid");
  let attempt = attempts.get(token);
  if (!attempt) {
    attempt = api<ConfirmResult>("/api/appointments/confirm", {
      method: "POST",
      body: { token },
      quietUnauthenticated: true,
    }).then(
      (result) => result.status,
      (error: unknown): Outcome => {
        if (isApiError(error, "token_invalid") || isApiError(error, "gone") || isApiError(error, "bad_request")) {
          return "invalid";
        }
        if (isApiError(error, "conflict")) return "cannot";
        attempts.delete(token);
        return "failed";
      },
    );
    attempts.set(token, attempt);
  }
  return attempt;
}

/**
 * The confirm link of a reminder email. No sign-in, and nothing about the visit is shown:
 * whoever holds the link learns only whether it worked.
 */
export function ConfirmPage() {
  const { t } = useTranslation("appointments");
  const { token } = route.useSearch();
  const clinic = useClinic();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    void confirmOnce(token).then((result) => {
      if (mounted.current) setOutcome(result);
    });
    return () => {
      mounted.current = false;
    };
  }, [token]);

  const call = clinic?.phone ? (
    <p>
      {t("confirmLink.call")} <PhoneLink phone={clinic.phone} />
    </p>
  ) : null;
  const signIn = (
    <p>
      <ButtonLink to="/sign-in" search={{ redirect: "/appointments", status: undefined }}>
        {t("confirmLink.signIn")}
      </ButtonLink>
    </p>
  );

  if (outcome === null) {
    return (
      <AuthLayout>
        <PageHeader title={t("confirmLink.title")} />
        <LoadingState label={t("confirmLink.checking")} />
      </AuthLayout>
    );
  }
  if (outcome === "confirmed" || outcome === "already_confirmed") {
    const done = outcome === "confirmed";
    return (
      <AuthLayout>
        <PageHeader title={done ? t("confirmLink.confirmed") : t("confirmLink.already")} />
        <Alert tone="success" live="polite">
          <p>{done ? t("confirmLink.confirmedBody") : t("confirmLink.alreadyBody")}</p>
        </Alert>
        {signIn}
      </AuthLayout>
    );
  }
  const [title, body] =
    outcome === "invalid"
      ? [t("confirmLink.invalid"), t("confirmLink.invalidBody")]
      : outcome === "cannot"
        ? [t("confirmLink.cannot"), t("confirmLink.cannotBody")]
        : [t("confirmLink.failed"), t("confirmLink.failedBody")];
  return (
    <AuthLayout>
      <PageHeader title={title} />
      <Alert tone={outcome === "failed" ? "error" : "warning"} live="assertive">
        <p>{body}</p>
        {call}
      </Alert>
      {signIn}
    </AuthLayout>
  );
}
