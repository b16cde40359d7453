import type { ReactNode } from "react";
import { cx } from "../lib/cx";

export type AlertTone = "info" | "success" | "warning" | "error";

interface AlertProps {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  /** "polite" announces when it appears (status), "assertive" interrupts (errors that block) */
  live?: "polite" | "assertive" | "off";
  headingLevel?: 2 | 3;
  className?: string;
}

const icons: Record<AlertTone, string> = {
  info: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2Zm0-8h-2V7h2Z",
  success: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm-1.5 14.5-4-4 1.4-1.4 2.6 2.6 5.6-5.6 1.4 1.4Z",
  warning: "M1 21h22L12 2Zm12-3h-2v-2h2Zm0-4h-2v-4h2Z",
  error: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-2h2Zm0-4h-2V7h2Z",
};

/** A banner with an icon, a title in words and optional detail; colour is never the only signal. */
export function Alert({ tone = "info", title, children, live = "off", headingLevel = 2, className }: AlertProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const role = live === "assertive" ? "alert" : live === "polite" ? "status" : undefined;
  return (
    <div className={cx("alert", `alert--${tone}`, className)} role={role}>
      <svg className="alert__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={icons[tone]} />
      </svg>
      <div className="alert__body">
        {title ? <Heading className="alert__title">{title}</Heading> : null}
        {children ? <div className="alert__text">{children}</div> : null}
      </div>
    </div>
  );
}
