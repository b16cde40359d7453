import type { AppArea } from "@portico/contracts";
import {
  type AnyContext,
  type AnyRoute,
  createRoute,
  type ResolveFullPath,
  type ResolveId,
  type ResolveParams,
  type RouteComponent,
} from "@tanstack/react-router";
import { onlyFor } from "./route-roots";

/** Reads one search parameter: its value, or undefined when it is missing or not one the page knows. */
export type Param<T> = (value: unknown) => T | undefined;
/** What a page reads from its search: a reader per parameter (`SearchSpec<T>`: one for each field of T). */
export type SearchSpec<T = Record<string, unknown>> = { [K in keyof T]-?: Param<T[K]> };
/** The search a page's spec gives it: every parameter optional. */
export type SearchOf<S> = { [K in keyof S]?: S[K] extends Param<infer T> ? Exclude<T, undefined> : never };

/** A non-empty string search parameter, or undefined. */
export const text: Param<string> = (value) => (typeof value === "string" && value ? value : undefined);

/** Text parameters by name, for a page's `search`. */
export const texts = <const K extends string>(...names: K[]): Record<K, Param<string>> =>
  Object.fromEntries(names.map((name) => [name, text])) as Record<K, Param<string>>;

/** One of a fixed list of values (a step, a status, a view), or undefined. */
export const oneOf =
  <const T extends readonly unknown[]>(values: T): Param<T[number]> =>
  (value) =>
    values.find((known) => known === value);

const readSearch = <S extends SearchSpec>(spec: S, search: Record<string, unknown>): SearchOf<S> =>
  Object.fromEntries(Object.entries(spec).map(([name, read]) => [name, read(search[name])])) as SearchOf<S>;

interface PageOptions<S extends SearchSpec> {
  /** only people the server lets open this area (see `onlyFor`); others go home */
  only?: AppArea;
  /** the search parameters the page reads */
  search?: S;
  /** the page, loaded when first opened: `lazyRouteComponent(() => import("./XPage"), "XPage")` */
  page: RouteComponent;
}

/**
 * One page: its parent (the public frame or the signed-in layout), its path, the lazily loaded
 * component and, optionally, a guard and the search it reads. The route keeps TanStack Router's
 * types, so `Link to`, `search` and `useSearch` are checked against them.
 */
export function pageRoute<TParent extends AnyRoute, TPath extends string, S extends SearchSpec = {}>(
  parent: TParent,
  path: TPath,
  { only, search, page }: PageOptions<S>,
) {
  // The type arguments are spelled out so that the parent-dependent parts (id, full path, params)
  // are resolved at each page rather than settled once inside this generic function.
  return createRoute<
    unknown,
    TParent,
    TPath,
    ResolveFullPath<TParent, TPath>,
    string,
    ResolveId<TParent, string, TPath>,
    (input: Record<string, unknown>) => SearchOf<S>,
    ResolveParams<TPath>,
    AnyContext,
    AnyContext
  >({
    getParentRoute: () => parent,
    path,
    ...(only && { beforeLoad: onlyFor(only) }),
    ...(search && { validateSearch: (input: Record<string, unknown>) => readSearch(search, input) }),
    component: page,
  });
}
