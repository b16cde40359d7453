import type { ReactNode } from "react";
import { cx } from "../lib/cx";

interface CardProps {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  id?: string;
}

/** A surface that groups one topic. With a title it is a labelled region. */
export function Card({ title, headingLevel = 2, children, footer, className, id }: CardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={cx("card", className)} aria-labelledby={title ? headingId : undefined} id={id}>
      {title ? (
        <Heading className="card__title" id={headingId}>
          {title}
        </Heading>
      ) : null}
      <div className="card__body">{children}</div>
      {footer ? <div className="card__footer">{footer}</div> : null}
    </section>
  );
}
