import { type QueryKey, type UseQueryOptions, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";

/** A card under the home page's "needs your attention": its heading (named by `id`) and what to do. */
export function AttentionCard({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card" aria-labelledby={id}>
      <h3 className="card__title" id={id}>
        {title}
      </h3>
      <div className="card__body">{children}</div>
    </section>
  );
}

/**
 * How many of a patient's things wait (unread messages, open requests), for "needs your
 * attention": 0 when the reader may not see them or they failed to load, undefined while loading.
 */
export function useAttentionCount<T, K extends QueryKey>(
  query: UseQueryOptions<T, Error, T, K>,
  patientId: string,
  allowed: boolean,
  count: (data: T) => number,
): number | undefined {
  const list = useQuery({ ...query, enabled: allowed && Boolean(patientId) });
  if (!allowed || list.isError) return 0;
  return list.data === undefined ? undefined : count(list.data);
}
