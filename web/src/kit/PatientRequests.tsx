/** What a patient's own request pages share (refills, referrals): the "sent" notice and the list of requests. */
import { type ReactNode, useEffect, useRef } from "react";
import { Alert } from "../components/Alert";
import "./PatientRequests.css";

/**
 * "Your request was sent", right after asking: a success notice that takes focus when it
 * appears, so it is heard (refill and referral requests).
 */
export function JustSent({ title, children }: { title: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className="just-sent">
      <Alert tone="success" title={title} live="polite">
        {children}
      </Alert>
    </div>
  );
}

/** A patient's requests under their heading, one card each; `empty` (what to do first) when there are none. */
export function RequestList<T extends { id: string }>({
  titleId,
  title,
  items,
  empty,
  children,
}: {
  /** the heading's id, which names the section */
  titleId: string;
  title: string;
  items: T[];
  empty: ReactNode;
  /** one request's card */
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <section aria-labelledby={titleId} className="stack">
      <h2 id={titleId} className="section-title">
        {title}
      </h2>
      <ul className="request-list">
        {items.map((item) => (
          <li key={item.id}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}
