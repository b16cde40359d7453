import { useTranslation } from "react-i18next";
import { errorMessage } from "../lib/errors";
import { Alert } from "./Alert";
import { Button } from "./Button";

interface ErrorAlertProps {
  /** what failed, in words ("The appointments could not be loaded") */
  title: string;
  /** the failure: its message is shown in the reader's language */
  error: unknown;
  /** offers Try again, which runs this (a refetch) */
  onRetry?: () => void;
  headingLevel?: 2 | 3;
}

/** Something that failed, announced at once (`role="alert"`): what, why and, when it can be, Try again. */
export function ErrorAlert({ title, error, onRetry, headingLevel }: ErrorAlertProps) {
  const { t, i18n } = useTranslation();
  return (
    <Alert tone="error" title={title} live="assertive" headingLevel={headingLevel}>
      <p>{errorMessage(error, t, i18n.exists)}</p>
      {onRetry ? (
        <Button variant="secondary" onPress={onRetry}>
          {t("common.tryAgain")}
        </Button>
      ) : null}
    </Alert>
  );
}
