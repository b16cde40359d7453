/**
 * A load of POSTs that must not repeat (booking.ts, refills.ts): every request is the next of a
 * list prepared before the run, and the run fails when the list runs out.
 */
import autocannon, { type Options, type Result } from "autocannon";
import { type BenchServer, type LoadOptions, lengthOf } from "./slots.ts";

/** autocannon's per-request hook, which the shared type declaration leaves out */
interface RequestOptions extends Options {
  requests: {
    method: string;
    path: string;
    setupRequest: (request: { path: string; body?: string }) => { path: string; body?: string };
  }[];
}

export async function postDistinct(
  server: BenchServer,
  options: LoadOptions,
  load: {
    headers: Record<string, string>;
    /** the path of every request, unless `request` gives its own */
    path: string;
    /** how many distinct requests there are */
    count: number;
    /** the i-th request's JSON body (and path, where it differs) */
    request: (i: number) => { path?: string; body: string };
    /** what to lower when they run out, e.g. "the bench ran out of distinct slots" */
    exhausted: string;
  },
): Promise<Result> {
  let next = 0;
  const requestOptions: RequestOptions = {
    url: server.base,
    connections: options.connections,
    ...lengthOf(options),
    headers: { ...load.headers, "content-type": "application/json" },
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: load.path,
        setupRequest: (request) => {
          if (next >= load.count) throw new Error(`${load.exhausted}: lower --duration`);
          return { ...request, ...load.request(next++) };
        },
      },
    ],
  };
  return autocannon(requestOptions as Options);
}
