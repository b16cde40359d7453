import type { Binary, DocumentReference } from "@medplum/fhirtypes";
import { sealedFileContent } from "../../../platform/files/index.ts";
import type { RecordReader, RecordSection } from "../../records/section.ts";
import { defineFhirType, type FhirSource, PATIENT_PARAM, US_CORE, UUID_ID } from "../resource-type.ts";
import { CLINIC_ORGANIZATION_ID } from "./directory-data.ts";
import { conceptParam, dateParam, statusParam } from "./element-params.ts";
import { changedIn, ownerOfKindBut } from "./record-source.ts";

/**
 * The files a patient may see, by the file's id: the documents uploaded to the chart
 * (`profile`: insurance cards, identity documents) and the attachments of messages in their
 * conversations (`messages`) — never an attachment of the care team's internal notes. Each is a
 * DocumentReference (metadata) and a Binary (the content), both through the same gate.
 */

const KINDS: Record<string, string> = {
  insurance_card_front: "Insurance card (front)",
  insurance_card_back: "Insurance card (back)",
  identity_document: "Identity document",
  other: "Document",
  message_attachment: "Message attachment",
};

interface FileRow {
  id: string;
  kind: string;
  content_type: string;
  size_bytes: number;
  created_at: Date;
  sealed_content?: string;
  /** the patient side sent or uploaded it (else the care team) */
  fromPatient: boolean;
  messageId: string | null;
}

/** the documents uploaded to the chart (not message attachments) */
const documentRows = ({ db, rows }: RecordReader, ids: readonly string[] | undefined, withContent: boolean) =>
  rows
    .selectFrom(db, "files", "f")
    .innerJoin("patients as p", "p.id", "f.patient_id")
    .select(["f.id", "f.kind", "f.content_type", "f.size_bytes", "f.created_at"])
    .select((eb) => eb("f.uploaded_by", "=", eb.ref("p.user_id")).as("fromPatient"))
    .$if(withContent, (q) => q.select("f.sealed_content"))
    .where("f.kind", "<>", "message_attachment")
    .$if(ids !== undefined, (q) => q.where("f.id", "in", ids as string[]))
    .orderBy("f.created_at")
    .orderBy("f.id")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, fromPatient: r.fromPatient === true, messageId: null }) as FileRow));

/** the attachments of the patient's messages, never of an internal note */
const attachmentRows = ({ db, rows }: RecordReader, ids: readonly string[] | undefined, withContent: boolean) =>
  rows
    .selectFrom(db, "message_attachments", "a")
    .innerJoin("messages as m", "m.id", "a.message_id")
    .innerJoin("files as f", "f.id", "a.file_id")
    .select(["f.id", "f.kind", "f.content_type", "f.size_bytes", "f.created_at", "m.author_kind", "m.id as messageId"])
    .$if(withContent, (q) => q.select("f.sealed_content"))
    // the message and the file are the same patient's as the attachment row
    .whereRef("m.patient_id", "=", "a.patient_id")
    .whereRef("f.patient_id", "=", "a.patient_id")
    .where("m.kind", "<>", "internal_note")
    .$if(ids !== undefined, (q) => q.where("f.id", "in", ids as string[]))
    .orderBy("f.created_at")
    .orderBy("f.id")
    .execute()
    .then((rows) =>
      rows.map(
        ({ author_kind, ...r }) =>
          ({ ...r, fromPatient: author_kind === "patient" || author_kind === "proxy" }) as FileRow,
      ),
    );

export const DOCUMENT_CATEGORY = "urn:portico:document-category";
const DOCUMENT_KIND = "urn:portico:document-kind";

function toDocumentReference(patientId: string, f: FileRow): DocumentReference {
  const attachment = f.messageId !== null;
  return {
    resourceType: "DocumentReference",
    id: f.id,
    status: "current",
    type: {
      coding: [
        { system: "http://terminology.hl7.org/CodeSystem/data-absent-reason", code: "unknown", display: "Unknown" },
        { system: DOCUMENT_KIND, code: f.kind, display: KINDS[f.kind] ?? "Document" },
      ],
      text: KINDS[f.kind] ?? "Document",
    },
    category: [
      {
        coding: [
          attachment
            ? { system: DOCUMENT_CATEGORY, code: "message-attachment", display: "Message attachment" }
            : { system: DOCUMENT_CATEGORY, code: "patient-document", display: "Document on the chart" },
        ],
      },
    ],
    subject: { reference: `Patient/${patientId}` },
    date: f.created_at.toISOString(),
    author: [{ reference: f.fromPatient ? `Patient/${patientId}` : `Organization/${CLINIC_ORGANIZATION_ID}` }],
    description: KINDS[f.kind] ?? "Document",
    content: [
      {
        attachment: {
          contentType: f.content_type,
          // the content through the same gate: Binary/<id> under /fhir/R4
          url: `Binary/${f.id}`,
          size: f.size_bytes,
          creation: f.created_at.toISOString(),
        },
      },
    ],
    ...(f.messageId ? { context: { related: [{ reference: `Communication/${f.messageId}` }] } } : {}),
  };
}

function toBinary(f: FileRow, reader: RecordReader): Binary {
  const bytes = reader.cipher.openBuffer(
    f.sealed_content as string,
    (sealedFileContent.associatedData as (id: string) => string)(f.id),
  );
  return { resourceType: "Binary", id: f.id, contentType: f.content_type, data: bytes.toString("base64") };
}

const documents = (
  name: string,
  map: (patientId: string, f: FileRow, reader: RecordReader) => DocumentReference | Binary,
  withContent: boolean,
) => {
  const section = (source: "documents" | "attachments"): RecordSection => {
    const rows = source === "documents" ? documentRows : attachmentRows;
    return {
      name: `fhir-api:${name}-${source}`,
      scope: source === "documents" ? "profile" : "messages",
      async *entries(reader) {
        for (const f of await rows(reader, undefined, false))
          yield { json: {}, fhir: [map(reader.rows.patientId, f, reader)] };
      },
      fhirByIds: async (reader, ids) =>
        (await rows(reader, ids, withContent)).map((f) => map(reader.rows.patientId, f, reader)),
    };
  };
  const lastUpdated = changedIn("files", "created_at");
  return [
    {
      section: section("documents"),
      ownerOf: ownerOfKindBut("files", "message_attachment"),
      lastUpdated,
    },
    {
      section: section("attachments"),
      ownerOf: async (db, id) =>
        (
          await db
            .selectFrom("message_attachments as a")
            .innerJoin("messages as m", "m.id", "a.message_id")
            .select("a.patient_id")
            .where("a.file_id", "=", id)
            .where("m.kind", "<>", "internal_note")
            .executeTakeFirst()
        )?.patient_id,
      lastUpdated,
    },
  ] satisfies FhirSource[];
};

/** DocumentReference: the documents on the chart and the message attachments a patient may see (metadata). */
export const documentReferenceType = defineFhirType({
  type: "DocumentReference",
  documentation:
    "Documents uploaded to the chart (insurance cards, identity documents; the profile part of the record) and attachments of messages in the patient's conversations (the messages part), never of the care team's internal notes. The content is Binary/<id>, through the same gate.",
  profile: `${US_CORE}us-core-documentreference`,
  idPattern: UUID_ID,
  sources: documents("document", (patientId, f) => toDocumentReference(patientId, f), false),
  searchParams: [
    PATIENT_PARAM,
    conceptParam(
      "category",
      `${DOCUMENT_CATEGORY}|patient-document or |message-attachment`,
      (d: DocumentReference) => d.category,
    ),
    conceptParam(
      "type",
      "urn:portico:document-kind|insurance_card_front, insurance_card_back, identity_document, other or message_attachment",
      (d: DocumentReference) => (d.type ? [d.type] : []),
    ),
    dateParam(
      "date",
      "When it was uploaded or sent (prefixes eq, ne, gt, lt, ge, le; repeat for a range)",
      (d: DocumentReference) => d.date,
    ),
    statusParam("Always current"),
  ],
});

/** Binary: the content of a DocumentReference (base64 in JSON), read by id through the same gate; not searched. */
export const binaryType = defineFhirType({
  type: "Binary",
  documentation:
    "The content of a DocumentReference (same id), as base64 in application/fhir+json; each read is audited like the portal's download. Read by id only.",
  idPattern: UUID_ID,
  searchable: false,
  sources: documents("binary", (_patientId, f, reader) => toBinary(f, reader), true),
  searchParams: [],
});
