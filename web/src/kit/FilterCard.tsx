import type { ReactNode } from "react";
import { type FieldErrors, Form } from "../components/Form";

interface FilterCardProps {
  /** the heading's id, which also names the form */
  id: string;
  title: string;
  onSubmit: () => void;
  errors: FieldErrors;
  attempt: number;
  /** the fields and the buttons, in one row that wraps */
  children: ReactNode;
  /** shown under the form (e.g. what the figures now show) */
  after?: ReactNode;
}

/** A card of filters over a list or figures: its heading, then the fields, checked when applied. */
export function FilterCard({ id, title, onSubmit, errors, attempt, children, after }: FilterCardProps) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <Form onSubmit={onSubmit} errors={errors} attempt={attempt} aria-labelledby={id}>
        <div className="filters">{children}</div>
      </Form>
      {after}
    </section>
  );
}
