import { ProgressBar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { cx } from "../lib/cx";

interface SpinnerProps {
  size?: "small" | "large";
  /** hide from assistive technology when the surrounding control already announces the wait */
  decorative?: boolean;
  label?: string;
}

export function Spinner({ size = "large", decorative, label }: SpinnerProps) {
  const { t } = useTranslation();
  const circle = <span className={cx("spinner", `spinner--${size}`)} aria-hidden="true" />;
  if (decorative) return circle;
  return (
    <ProgressBar isIndeterminate aria-label={label ?? t("common.loading")} className="spinner-wrap">
      {circle}
    </ProgressBar>
  );
}

/** A whole-region wait: a spinner with visible words. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  const text = label ?? t("common.loading");
  return (
    <div className="loading-state">
      <Spinner decorative />
      <p role="status">{text}</p>
    </div>
  );
}
