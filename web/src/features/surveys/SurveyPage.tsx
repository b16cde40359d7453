import type { OpenSurvey } from "@portico/contracts";
import { getRouteApi } from "@tanstack/react-router";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { type FieldErrors, Form, FormActions } from "../../components/Form";
import { PageHeader, useDocumentTitle } from "../../components/PageHeader";
import { LoadingState } from "../../components/Spinner";
import { changeLocale, currentLocale } from "../../i18n";
import { api, isApiError } from "../../lib/api";
import { ChoiceGroup, NoteField } from "../appointments/parts";
import { AuthLayout } from "../identity/AuthLayout";

const route = getRouteApi("/survey");
const COMMENT_MAX = 2000;
type LinkState =
  | { kind: "checking" }
  | { kind: "open"; survey: OpenSurvey }
  | { kind: "invalid" | "used" | "expired" | "failed" };

function linkProblem(error: unknown): "invalid" | "used" | "expired" | "failed" {
  if (isApiError(error, "gone")) {
    const reason = (error as { details?: { reason?: string } }).details?.reason;
    return reason === "expired" ? "expired" : "used";
  }
  if (isApiError(error, "not_found") || isApiError(error, "bad_request") || isApiError(error, "validation_failed")) {
    return "invalid";
  }
  return "failed";
}

/**
 * The post-visit survey from its emailed link: no sign-in, nothing about the visit shown. One
 * 0–10 question and an optional comment; answered once. A used, expired or altered link gets a
 * page saying so, and nothing is stored.
 */
export function SurveyPage() {
  const { t } = useTranslation("surveys");
  const { token, lang } = route.useSearch();
  const [link, setLink] = useState<LinkState>({ kind: "checking" });
  const [score, setScore] = useState<string | null>(null);
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const opened = useRef<string | null>(null);
  useDocumentTitle(t("title"));

  useEffect(() => {
    if (lang && lang !== currentLocale()) void changeLocale(lang);
  }, [lang]);

  useEffect(() => {
    if (!token || !/^[A-Za-z0-9_-]{20,200}$/.test(token)) {
      setLink({ kind: "invalid" });
      return;
    }
    if (opened.current === token) return;
    opened.current = token;
    api<OpenSurvey>("/api/surveys/open", { method: "POST", body: { token }, quietUnauthenticated: true }).then(
      (survey) => setLink({ kind: "open", survey }),
      (error: unknown) => setLink({ kind: linkProblem(error) }),
    );
  }, [token]);

  const submit = async () => {
    setAttempt((n) => n + 1);
    const problems: FieldErrors = {};
    if (score === null) problems.score = t("form.scoreRequired");
    if (comment.length > COMMENT_MAX) problems.comment = t("form.commentTooLong", { max: COMMENT_MAX });
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) return;
    setSending(true);
    try {
      await api("/api/surveys/answer", {
        method: "POST",
        body: { token, score: Number(score), ...(comment.trim() ? { comment } : {}) },
        quietUnauthenticated: true,
      });
      setDone(true);
    } catch (error) {
      const problem = linkProblem(error);
      if (problem === "failed") setFormError(t("form.failed"));
      else setLink({ kind: problem });
    } finally {
      setSending(false);
    }
  };

  if (done) {
    return (
      <AuthLayout>
        <PageHeader title={t("thanks.title")} />
        <Alert tone="success" live="polite">
          <p>{t("thanks.body")}</p>
        </Alert>
      </AuthLayout>
    );
  }
  if (link.kind === "checking") {
    return (
      <AuthLayout>
        <PageHeader title={t("title")} />
        <LoadingState label={t("checking")} />
      </AuthLayout>
    );
  }
  if (link.kind !== "open") {
    return (
      <AuthLayout>
        <PageHeader title={t(`problem.${link.kind}.title`)} />
        <Alert tone={link.kind === "failed" ? "error" : "warning"} live="assertive">
          <p>{t(`problem.${link.kind}.body`)}</p>
        </Alert>
      </AuthLayout>
    );
  }
  const scale = Array.from({ length: 11 }, (_, n) => ({ id: String(n), label: String(n) }));
  return (
    <AuthLayout>
      <PageHeader title={t("title")} lead={<p>{t("lead", { clinic: link.survey.clinicName })}</p>} />
      <Form
        onSubmit={() => void submit()}
        errors={errors}
        formError={formError}
        attempt={attempt}
        aria-label={t("title")}
      >
        <ChoiceGroup
          name="score"
          label={t("form.score", { clinic: link.survey.clinicName })}
          description={t("form.scoreHint")}
          options={scale}
          value={score}
          onChange={setScore}
          errorMessage={errors.score}
          isRequired
          compact
        />
        <NoteField
          name="comment"
          label={t("form.comment")}
          description={t("form.commentHint")}
          value={comment}
          onChange={setComment}
          maxLength={COMMENT_MAX}
          errorMessage={errors.comment}
        />
        <FormActions>
          <Button type="submit" isPending={sending}>
            {t("form.send")}
          </Button>
        </FormActions>
      </Form>
    </AuthLayout>
  );
}
