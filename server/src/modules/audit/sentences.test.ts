import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findPatientAuditSites } from "./audited-actions.ts";
import { ACCESS_SENTENCES, FALLBACK_SENTENCE, SENTENCE_IDS, sentenceFor } from "./sentences.ts";

const SERVER_SRC = fileURLToPath(new URL("../../", import.meta.url));
const WEB_I18N = fileURLToPath(new URL("../../../../web/src/i18n/", import.meta.url));

/**
 * Sites whose audited verb is computed, not written as a literal: the values they can take,
 * keyed by file and resource type. A new computed site fails the test until it is listed here.
 */
const COMPUTED: Record<string, readonly string[]> = {
  // FrontDeskService.#moveVisit(appointmentId, `status:${StaffStep}` | "status:undo")
  "modules/scheduling/front-desk-service.ts appointment": [
    "status:arrived",
    "status:roomed",
    "status:in_visit",
    "status:completed",
    "status:no_show",
    "status:undo",
  ],
  // the primary care practice's decision on a referral: decide(d, referralId, "approve" | "deny" | "ask_for_visit")
  "modules/referrals/referral-decisions.ts referral": ["approve", "deny", "ask_for_visit"],
  // the front desk's decision on an identity change request (contracts: "approve" | "deny")
  "modules/patients/identity-changes.ts identity_change_request": ["approve", "deny"],
  // the front desk's decision on a self-registration: #pendingRegistration(trx, patientId, "verify" | "reject")
  "modules/patients/registration.ts registration": ["verify", "reject"],
  // a clinician changing the medication list: #clinicalWrite / clinicalWrite("create" | "update" | "stop")
  "modules/refills/medications.ts medication": ["create", "update", "stop"],
  "modules/refills/routes.ts medication": ["create", "update", "stop"],
  // loadForDecision(d, trx, itemId, "approve" | "deny") and the decision's audit row, closeDecision(…, "approve" | "deny")
  "modules/refills/refill-queue-decisions.ts refill_request_item": ["approve", "deny"],
};

function recordedPairs(): Map<string, string[]> {
  const pairs = new Map<string, string[]>();
  const unresolved: string[] = [];
  for (const site of findPatientAuditSites(SERVER_SRC)) {
    const where = `${site.file}:${site.line}`;
    if (!site.resourceTypes) {
      unresolved.push(`${where} (resource type is not a literal)`);
      continue;
    }
    for (const resourceType of site.resourceTypes) {
      const actions = site.actions ?? COMPUTED[`${site.file} ${resourceType}`];
      if (!actions) {
        unresolved.push(`${where} (computed action on ${resourceType}: list its values in COMPUTED)`);
        continue;
      }
      for (const action of actions) {
        const key = `${action}:${resourceType}`;
        pairs.set(key, [...(pairs.get(key) ?? []), where]);
      }
    }
  }
  expect(unresolved, "audit sites whose action or resource type cannot be read from the code").toEqual([]);
  return pairs;
}

/** the web's words for the sentences: the `accessLog` namespace, `sentences.<id>_mine|_theirs` */
function sentencesIn(file: string): Record<string, string> {
  const json = JSON.parse(readFileSync(`${WEB_I18N}${file}`, "utf8")) as { sentences?: Record<string, string> };
  return json.sentences ?? {};
}

describe("the access log's sentence catalogue", () => {
  it("has a sentence for every action the server records on a patient's record", () => {
    const pairs = recordedPairs();
    // the scan sees the code: booking, the access log itself, caregivers, check-in…
    expect(pairs.size).toBeGreaterThan(40);
    for (const key of ["book:appointment", "read:access_log", "grant:proxy_grant", "status:roomed:appointment"]) {
      expect(pairs.has(key), key).toBe(true);
    }
    const missing = [...pairs.entries()]
      .filter(([key]) => !(key in ACCESS_SENTENCES))
      .map(([key, where]) => `${key} (recorded at ${where.join(", ")})`);
    expect(missing, "recorded actions with no sentence in ACCESS_SENTENCES").toEqual([]);
  });

  it("has the words of every sentence in English and Spanish, naming who and whose", () => {
    for (const file of ["accessLog.en.json", "accessLog.es.json"]) {
      const words = sentencesIn(file);
      for (const id of SENTENCE_IDS) {
        for (const form of [`${id}_mine`, `${id}_theirs`]) {
          expect(words[form], `${file} sentences.${form}`).toBeTruthy();
          expect(words[form], `${file} ${form} names who did it`).toContain("{{who}}");
        }
        expect(words[`${id}_theirs`], `${file} ${id}_theirs names the patient`).toContain("{{patient}}");
      }
    }
  });

  it("describes an unknown action as a plain access, never as its code", () => {
    expect(sentenceFor("book", "appointment")).toBe("booked_appointment");
    expect(sentenceFor("frobnicate", "appointment")).toBe(FALLBACK_SENTENCE);
  });
});
