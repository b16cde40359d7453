import type { Provenance, ProvenanceAgent, Resource } from "@medplum/fhirtypes";
import { scoreObservationId } from "../../../fhir/observation.ts";
import type { RecordReader, RecordSection } from "../../records/section.ts";
import { defineFhirType, PATIENT_PARAM, US_CORE } from "../resource-type.ts";
import { CLINIC_ORGANIZATION_ID } from "./directory-data.ts";
import { referenceParam } from "./element-params.ts";

/**
 * Provenance for what the patient's side provides, as US Core asks: who sent each reading
 * (Observation), each answered PHQ-9/GAD-7 (QuestionnaireResponse) and so its total score
 * (Observation `score-<response id>`) — the patient, a caregiver (RelatedPerson, the grant) or
 * the clinic (a staff entry names the clinic, not the person). Id `obs-<reading id>`,
 * `qr-<response id>` or `obs-score-<response id>` (`obs-` and the Observation's id).
 */
const ID = /^(obs-score|obs|qr)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
type Kind = "obs" | "qr" | "obs-score";
const KINDS: readonly Kind[] = ["obs", "qr", "obs-score"];
const TABLES = {
  obs: "health_readings",
  qr: "questionnaire_responses",
  "obs-score": "questionnaire_responses",
} as const;
const TARGETS: Record<Kind, (id: string) => string> = {
  obs: (id) => `Observation/${id}`,
  qr: (id) => `QuestionnaireResponse/${id}`,
  "obs-score": (id) => `Observation/${scoreObservationId(id)}`,
};

interface Row {
  id: string;
  entered_by_kind: string;
  via_proxy_grant_id: string | null;
  created_at: Date;
}

const rowsOf = ({ db, rows }: RecordReader, kind: Kind, ids?: readonly string[]) =>
  rows
    .selectFrom(db, TABLES[kind])
    .select(["id", "entered_by_kind", "via_proxy_grant_id", "created_at"])
    .$if(ids !== undefined, (q) => q.where("id", "in", ids as string[]))
    .orderBy("created_at")
    .orderBy("id")
    .execute() as Promise<Row[]>;

function toProvenance(kind: Kind, patientId: string, r: Row): Provenance {
  const who: ProvenanceAgent["who"] =
    r.entered_by_kind === "patient"
      ? { reference: `Patient/${patientId}` }
      : r.entered_by_kind === "proxy" && r.via_proxy_grant_id
        ? { reference: `RelatedPerson/${r.via_proxy_grant_id}` }
        : { reference: `Organization/${CLINIC_ORGANIZATION_ID}` };
  const agent = (system: string, code: string, display: string) => ({
    type: { coding: [{ system, code, display }] },
    who,
  });
  return {
    resourceType: "Provenance",
    id: `${kind}-${r.id}`,
    target: [{ reference: TARGETS[kind](r.id) }],
    recorded: r.created_at.toISOString(),
    agent: [
      agent("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author", "Author"),
      agent("http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type", "transmitter", "Transmitter"),
    ],
  };
}

/** the ids asked for, by kind (row ids) */
const split = (ids: readonly string[]) => {
  const out: Record<Kind, string[]> = { obs: [], qr: [], "obs-score": [] };
  for (const id of ids) {
    const m = ID.exec(id);
    if (m) out[m[1] as Kind].push(m[2] as string);
  }
  return out;
};

const section: RecordSection = {
  name: "fhir-api:provenance",
  scope: "health_updates",
  async *entries(reader) {
    for (const kind of KINDS)
      for (const r of await rowsOf(reader, kind))
        yield { json: {}, fhir: [toProvenance(kind, reader.rows.patientId, r)] };
  },
  async fhirByIds(reader, ids) {
    const out: Provenance[] = [];
    const asked = split(ids);
    for (const kind of KINDS)
      if (asked[kind].length > 0)
        out.push(...(await rowsOf(reader, kind, asked[kind])).map((r) => toProvenance(kind, reader.rows.patientId, r)));
    return out;
  },
};

export const provenanceType = defineFhirType({
  type: "Provenance",
  documentation:
    "Who provided each reading (Observation) and each answered questionnaire (QuestionnaireResponse, and its total score's Observation): the patient, a caregiver (RelatedPerson) or the clinic. Also with _revinclude=Provenance:target on those searches.",
  profile: `${US_CORE}us-core-provenance`,
  idPattern: ID,
  sources: [
    {
      section,
      ownerOf: async (db, id) => {
        const m = ID.exec(id) as RegExpExecArray;
        return (
          await db
            .selectFrom(TABLES[m[1] as Kind])
            .select("patient_id")
            .where("id", "=", m[2] as string)
            .executeTakeFirst()
        )?.patient_id;
      },
      lastUpdated: async (db, ids) => {
        const out = new Map<string, Date>();
        const asked = split(ids);
        for (const kind of KINDS) {
          if (asked[kind].length === 0) continue;
          const found = await db
            .selectFrom(TABLES[kind])
            .select(["id", "created_at"])
            .where("id", "in", asked[kind])
            .execute();
          for (const r of found) out.set(`${kind}-${r.id}`, r.created_at);
        }
        return out;
      },
    },
  ],
  searchParams: [
    PATIENT_PARAM,
    referenceParam(
      "target",
      "What it is about: Observation/<id> (a reading or a questionnaire's score) or QuestionnaireResponse/<id>",
      (p: Provenance) => p.target,
    ),
  ],
  revincludeOf: (target: Resource) =>
    target.resourceType === "Observation"
      ? [`Provenance/obs-${target.id}`]
      : target.resourceType === "QuestionnaireResponse"
        ? [`Provenance/qr-${target.id}`]
        : [],
});
