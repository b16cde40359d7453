/**
 * Booking distinct slots (SPEC §6: ≥ 800 bookings/s, p99 ≤ 50 ms): the front desk books the
 * bench clinic's free times for 500 patients, every request a different provider and time,
 * so each one is a real booking (slot check, insert under the exclusion constraints, audit,
 * reminder jobs and the confirmation email in the same transaction). Run through bench/run.ts:
 *
 *   npm run bench -- --scenario booking
 */
import type { Result } from "autocannon";
import { postDistinct } from "./distinct-posts.ts";
import { type BenchRow, type BenchServer, benchSlots, type LoadOptions, rowOf, signInHeaders } from "./slots.ts";

export async function runBooking(server: BenchServer, options: LoadOptions): Promise<BenchRow & { result: Result }> {
  const headers = await signInHeaders(server.base, "frontdesk@demo.portico.test");
  const { providerIds, patientIds, visitTypeId } = server.clinic;
  // from 15 days ahead, so the slot-search window (the next 14 days) is left as it was
  const slots = benchSlots(providerIds, 15, 75);
  const result = await postDistinct(server, options, {
    headers,
    path: "/api/patients",
    count: slots.length,
    request: (i) => {
      const slot = slots[i] as { providerId: string; start: string };
      // 10 providers per time and 500 patients: a patient's bookings are 50 times apart, never overlapping
      const patientId = patientIds[i % patientIds.length] as string;
      return {
        path: `/api/patients/${patientId}/appointments`,
        body: JSON.stringify({ visitTypeId, providerId: slot.providerId, start: slot.start }),
      };
    },
    exhausted: "the bench ran out of distinct slots",
  });
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
