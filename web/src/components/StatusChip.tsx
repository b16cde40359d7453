import { cx } from "../lib/cx";

export type StatusTone = "neutral" | "info" | "success" | "warning" | "danger";

/** A status in words, tinted for a quick scan; the words carry the meaning. */
export function StatusChip({ tone = "neutral", children }: { tone?: StatusTone; children: string }) {
  return (
    <span className={cx("chip", `chip--${tone}`)}>
      <span className="chip__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
