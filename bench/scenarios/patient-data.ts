/**
 * The authenticated hot path every patient-data capability goes through: session check,
 * access decision, an audit row committed before the response, the data query. Two
 * scenarios, run from bench/run.ts on the bench clinic of slots.ts:
 *
 * - `appointments`: GET /api/patients/:id/appointments as the signed-in bench patient
 *   (a read of patient data with its audit row; SPEC §6 budget ≥ 3,000/s, p99 ≤ 25 ms);
 * - `profile`: PATCH /api/me as the same patient (an authenticated write with CSRF, its
 *   transaction and audit row).
 */
import autocannon, { type Options, type Result } from "autocannon";
import { BENCH_PATIENT, type BenchServer, benchSlots, type LoadOptions, lengthOf, signInHeaders } from "./slots.ts";

/** autocannon's per-request hook, which the shared type declaration leaves out */
interface RequestOptions extends Options {
  requests: {
    method: string;
    path: string;
    setupRequest: (request: { path: string; body?: string }) => { path: string; body?: string };
  }[];
}

export interface PatientDataSetup {
  headers: Record<string, string>;
  /** appointments on the patient's list */
  appointments: number;
}

/** Signs in as the bench patient and books a few appointments so the list is not empty. */
export async function preparePatientData(server: BenchServer, count = 5): Promise<PatientDataSetup> {
  const headers = await signInHeaders(server.base, BENCH_PATIENT.email, BENCH_PATIENT.password);
  const { providerIds, visitTypeId, benchPatientId } = server.clinic;
  // far ahead of the slot-search window and the booking scenario's slots, one per day
  const candidates = benchSlots(providerIds.slice(0, 1), 80, count);
  let booked = 0;
  for (let i = 0; i < candidates.length && booked < count; i += Math.max(1, Math.floor(candidates.length / count))) {
    const slot = candidates[i] as { providerId: string; start: string };
    const response = await fetch(`${server.base}/api/patients/${benchPatientId}/appointments`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ visitTypeId, providerId: slot.providerId, start: slot.start }),
    });
    if (response.ok) booked++;
  }
  const list = await fetch(`${server.base}/api/patients/${benchPatientId}/appointments`, { headers });
  if (!list.ok) throw new Error(`the appointment list answered ${list.status}`);
  const body = (await list.json()) as { upcoming: unknown[]; past: unknown[] };
  return { headers, appointments: body.upcoming.length + body.past.length };
}

export async function runAppointmentList(
  server: BenchServer,
  setup: PatientDataSetup,
  options: LoadOptions,
): Promise<Result> {
  return autocannon({
    url: `${server.base}/api/patients/${server.clinic.benchPatientId}/appointments`,
    connections: options.connections,
    ...lengthOf(options),
    headers: setup.headers,
    timeout: 10,
  });
}

export async function runProfileUpdate(
  server: BenchServer,
  setup: PatientDataSetup,
  options: LoadOptions,
): Promise<Result> {
  let n = 0;
  const requestOptions: RequestOptions = {
    url: server.base,
    connections: options.connections,
    ...lengthOf(options),
    headers: { ...setup.headers, "content-type": "application/json" },
    timeout: 10,
    requests: [
      {
        method: "PATCH",
        path: "/api/me",
        // a different name each time, so every request really writes
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ displayName: `Bench Patient ${n++ % 1000}` }),
        }),
      },
    ],
  };
  return autocannon(requestOptions as Options);
}
