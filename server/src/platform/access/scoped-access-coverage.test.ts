import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * No bare-id reads of patient rows outside the gate: server code filters patient rows on a
 * patient id (`.where("patient_id", …)`, `.where("x.patient_id", …)`) or opens the `patients`
 * table (`selectFrom/updateTable/deleteFrom("patients")`) only through the scoped query builder
 * (`platform/access/scoped-query.ts`, which takes the audited `PatientAccess`). The places
 * below that still do are each named with the reason they may (the row is found by something
 * other than an access to one patient: a token, a code, the signed-in login, a search, a staff
 * queue across patients, a statement prepared once and bound to a `PatientRows` when it runs).
 * A count may go down, never up; a new file may not appear.
 */

const SERVER_SRC = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..");

/** how a bare patient-row query looks in Kysely code */
const BARE_PATIENT_QUERY =
  /\.where\(\s*"(?:\w+\.)?patient_id"|\b(?:selectFrom|updateTable|deleteFrom)\(\s*"patients(?: as \w+)?"/g;

/** folders that are the gate itself, or run as the named system actor / outside requests */
const OUTSIDE_REQUESTS = ["platform/access/", "db/", "seed/", "cli/", "test/"];

/** Found by something other than an access to one patient, so not through `PatientAccess`. */
const ALLOWED: Record<string, { count: number; why: string }> = {
  "modules/patients/repo.ts": { count: 2, why: "duplicate candidates: charts found by birth date, phone, email" },
  "modules/patients/search.ts": { count: 1, why: "the front desk's search across charts" },
  "modules/patients/registration.ts": {
    count: 2,
    why: "the activation letter is found by its code; the queue of pending registrations lists ids, each then opened through authorizePatient",
  },
  "modules/patients/merge.ts": { count: 1, why: "earlier merges into the source chart are repointed at the survivor" },
  "modules/proxies/repo.ts": {
    count: 2,
    why: "an invitation found by its token (the link is the invitee's authority)",
  },
  "modules/audit/repo.ts": { count: 1, why: "the admins' audit search filters the log by a patient id" },
  "modules/identity/repo.ts": {
    count: 4,
    why: "who the signed-in person is: their linked chart and grants (/api/me), an activation code's chart",
  },
  "modules/identity/account.ts": {
    count: 1,
    why: "the chart of the signed-in patient's own login follows its language",
  },
  "modules/identity/onboarding.ts": { count: 1, why: "activation: the chart the code was issued for" },
  "modules/referrals/practice.ts": {
    count: 2,
    why: "whether the caller works the patient's primary care practice, asked before the gate to give the access its queue reason",
  },
  "modules/referrals/referral-tickets.ts": {
    count: 1,
    why: "the booking seam's tickets for the patient a visit is being booked for, whose access scheduling has checked",
  },
  "modules/smart/connection-basis.ts": {
    count: 2,
    why: "whom a connection acts as: its patient's chart and the user's grants on it (fhirUser; a caregiver's connection ends when grantInForce says the grant has)",
  },
  "modules/smart/consent.ts": {
    count: 1,
    why: "the charts the signed-in user may choose at consent (their own and their grants', each then asked of the gate)",
  },
  "modules/messaging/inbox.ts": {
    count: 1,
    why: "the staff inbox across patients, filtered to one patient's threads among those the reader works (staffSees)",
  },
  "modules/health-updates/flag-queue.ts": {
    count: 1,
    why: "the care team's flag queue across patients, filtered to one patient's flags among those the reader sees (visibleTo)",
  },
  "modules/scheduling/repo.ts": {
    count: 5,
    why: "prepared statements (patientStatement, compiled once with the patient a placeholder): a patient's appointment list, one appointment, the chart and past visits self-booking asks of; each run binds the patientId of the caller's PatientRows",
  },
  "modules/scheduling/waitlist-common.ts": {
    count: 2,
    why: "the waitlist's matching job and a clinic's cancellation, for patients found through a provider's calendar: a clashing visit before a time is offered, the zone of the offer's email",
  },
  "modules/records/sections/appointments.ts": {
    count: 1,
    why: "the first page's prepared statement (compiledQuery, compiled once with the patient a placeholder; the FHIR Appointment search's hot path): each run binds the patientId of the reader's PatientRows",
  },
  "modules/fhir-api/resources/patient.ts": {
    count: 1,
    why: "meta.lastUpdated of the charts a FHIR read or search has just returned through the gate, by their ids",
  },
  "platform/auth/sessions.ts": { count: 1, why: "the actor's own linked chart, when the session is loaded" },
  "platform/mail/language.ts": { count: 1, why: "the language of an email's recipient" },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function bareQueries(text: string): number {
  return text.match(BARE_PATIENT_QUERY)?.length ?? 0;
}

describe("patient rows are read and written only through the scoped query builder", () => {
  it("recognises a bare-id query on patient rows, aliased or not", () => {
    expect(bareQueries(`db.selectFrom("insurance_coverages").where("patient_id", "=", id)`)).toBe(1);
    expect(bareQueries(`db.selectFrom("referrals as r").where( "r.patient_id", "=", id)`)).toBe(1);
    expect(bareQueries(`trx.updateTable("patients").set(set).where("id", "=", id)`)).toBe(1);
    expect(bareQueries(`db.selectFrom("patients as p").where("p.id", "=", id)`)).toBe(1);
    expect(bareQueries(`patientRows(access, "profile").chart(db).select("p.id")`)).toBe(0);
  });

  it("finds no bare-id query outside the gate but the ones named here", () => {
    const found: Record<string, number> = {};
    for (const file of sourceFiles(SERVER_SRC)) {
      const path = relative(SERVER_SRC, file).split("\\").join("/");
      if (OUTSIDE_REQUESTS.some((folder) => path.startsWith(folder))) continue;
      const count = bareQueries(readFileSync(file, "utf8"));
      if (count > 0) found[path] = count;
    }
    const unexpected = Object.entries(found)
      .filter(([path, count]) => count > (ALLOWED[path]?.count ?? 0))
      .map(([path, count]) => `${path}: ${count}`);
    expect(
      unexpected,
      "query patient rows through patientRows(access, …) (platform/access/scoped-query.ts), or name why not",
    ).toEqual([]);
    // the named exceptions are still true (an allowance nobody needs any more is removed)
    const stale = Object.keys(ALLOWED).filter((path) => !found[path]);
    expect(stale).toEqual([]);
  });
});
