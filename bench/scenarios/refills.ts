/**
 * Refill requests: POST /api/patients/:id/refill-requests as a signed-in patient, every request
 * for a different medication, so each one is really decided (the protocol engine, a refill
 * from remaining refills: the item, the medication's new fill, the FHIR outbox row, the
 * delivery job, the audit rows and the decision email, in one transaction). Run through
 * bench/run.ts:
 *
 *   npm run bench -- --scenario refills
 *
 * The medications are added first through the API by the demo nurse, for Sam Rivera, whose
 * demo renewal waiting in the refill queue puts the nurse on his care team.
 */
import type { Result } from "autocannon";
import { postDistinct } from "./distinct-posts.ts";
import { type BenchRow, type BenchServer, type LoadOptions, rowOf, signInHeaders } from "./slots.ts";

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return (await response.json()) as T;
}

/** Adds `count` medications with refills left, never filled (so never early), `parallel` at a time. */
async function addMedications(base: string, patientId: string, count: number): Promise<string[]> {
  const nurse = await signInHeaders(base, "nurse@demo.portico.test");
  const sam = await signInHeaders(base, "sam.rivera@demo.portico.test");
  const list = await json<{ medications: { prescriber: { id: string } | null }[] }>(
    await fetch(`${base}/api/patients/${patientId}/medications`, { headers: sam }),
    "Sam's medication list",
  );
  const prescriberId = list.medications.find((m) => m.prescriber)?.prescriber?.id;
  if (!prescriberId) throw new Error("the demo gives Sam a medication with a prescriber");
  const ids: string[] = [];
  const parallel = 8;
  for (let start = 0; start < count; start += parallel) {
    const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, k) =>
      fetch(`${base}/api/patients/${patientId}/medications`, {
        method: "POST",
        headers: { ...nurse, "content-type": "application/json" },
        body: JSON.stringify({
          name: `Bench medication ${start + k} 10 mg tablet`,
          dose: "10 mg",
          directions: "Take 1 tablet by mouth once a day",
          quantity: 30,
          daysSupply: 30,
          refillsRemaining: 5,
          prescriberId,
          controlledSchedule: "none",
        }),
      }).then((r) => json<{ id: string }>(r, "adding a bench medication")),
    );
    for (const m of await Promise.all(batch)) ids.push(m.id);
  }
  return ids;
}

export async function runRefillRequests(
  server: BenchServer,
  options: LoadOptions,
): Promise<BenchRow & { result: Result }> {
  const sam = await signInHeaders(server.base, "sam.rivera@demo.portico.test");
  const me = await json<{ patients: { id: string; relationship: string }[] }>(
    await fetch(`${server.base}/api/me`, { headers: sam }),
    "Sam's account",
  );
  const patientId = me.patients.find((p) => p.relationship === "self")?.id;
  if (!patientId) throw new Error("Sam Rivera has his own chart in the demo");
  // enough distinct medications for the run: a smoke run's amount, or a generous rate × duration
  const count = options.amount ?? Math.min(options.duration * 400, 12_000);
  const medicationIds = await addMedications(server.base, patientId, count);
  const result = await postDistinct(server, options, {
    headers: sam,
    path: `/api/patients/${patientId}/refill-requests`,
    count: medicationIds.length,
    request: (i) => ({ body: JSON.stringify({ medicationIds: [medicationIds[i]] }) }),
    exhausted: "the bench ran out of medications",
  });
  return {
    ...rowOf("refills", result, { rps: 0, p99: Number.POSITIVE_INFINITY }, `${medicationIds.length} medications`),
    result,
  };
}
