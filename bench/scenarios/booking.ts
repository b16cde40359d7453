/**
 * Booking distinct slots (SPEC §6: ≥ 800 bookings/s, p99 ≤ 50 ms): the front desk books the
 * bench clinic's free times for 500 patients, every request a different provider and time,
 * so each one is a real booking (slot check, insert under the exclusion constraints, audit,
 * reminder jobs and the confirmation email in the same transaction). Run through bench/run.ts:
 *
 *   npm run bench -- --scenario booking
 */
import autocannon, { type Options, type Result } from "autocannon";
import {
  type BenchRow,
  type BenchServer,
  benchSlots,
  type LoadOptions,
  lengthOf,
  rowOf,
  signInHeaders,
} from "./slots.ts";

/** autocannon's per-request hook, which the shared type declaration leaves out */
interface RequestOptions extends Options {
  requests: {
    method: string;
    path: string;
    setupRequest: (request: { path: string; body?: string }) => { path: string; body?: string };
  }[];
}

export async function runBooking(server: BenchServer, options: LoadOptions): Promise<BenchRow & { result: Result }> {
  const headers = await signInHeaders(server.base, "frontdesk@demo.portico.test");
  const { providerIds, patientIds, visitTypeId } = server.clinic;
  // from 15 days ahead, so the slot-search window (the next 14 days) is left as it was
  const slots = benchSlots(providerIds, 15, 75);
  let next = 0;
  const bodyOf = (i: number) => {
    const slot = slots[i % slots.length] as { providerId: string; start: string };
    // 10 providers per time and 500 patients: a patient's bookings are 50 times apart, never overlapping
    const patientId = patientIds[i % patientIds.length] as string;
    return {
      path: `/api/patients/${patientId}/appointments`,
      body: JSON.stringify({ visitTypeId, providerId: slot.providerId, start: slot.start }),
    };
  };
  const requestOptions: RequestOptions = {
    url: server.base,
    connections: options.connections,
    ...lengthOf(options),
    headers: { ...headers, "content-type": "application/json" },
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/api/patients",
        setupRequest: (request) => {
          if (next >= slots.length) throw new Error("the bench ran out of distinct slots: lower --duration");
          return { ...request, ...bodyOf(next++) };
        },
      },
    ],
  };
  const result: Result = await autocannon(requestOptions as Options);
  return {
    ...rowOf(
      "booking distinct slots",
      result,
      { rps: 800, p99: 50 },
      `${result["2xx"]} appointments booked, ${result.non2xx} refused`,
    ),
    result,
  };
}
