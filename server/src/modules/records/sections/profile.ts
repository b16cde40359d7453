import { toFhirPatient } from "../../../fhir/patient.ts";
import { DOCUMENT_KINDS } from "../../patients/files.ts";
import type { RecordSection } from "../section.ts";

/** patients: who the patient is (demographics, contact, language), their insurance and the documents they uploaded. */
export const profileRecordSection: RecordSection = {
  name: "profile",
  scope: "profile",
  async *entries({ db, rows }) {
    const p = await rows.chart(db).selectAll("p").executeTakeFirstOrThrow();
    const address = (p.address ?? null) as Parameters<typeof toFhirPatient>[0]["address"];
    const coverages = await rows.selectFrom(db, "insurance_coverages").selectAll().orderBy("rank").execute();
    const documents = await rows
      .selectFrom(db, "files")
      .select(["id", "kind", "content_type", "size_bytes", "created_at"])
      .where("kind", "in", DOCUMENT_KINDS)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    yield {
      json: {
        id: p.id,
        mrn: p.mrn,
        legalName: { given: p.legal_given_name, family: p.legal_family_name },
        preferredName: p.preferred_name,
        dateOfBirth: p.date_of_birth,
        sex: p.sex,
        genderIdentity: p.gender_identity,
        phone: p.phone,
        email: p.email,
        address,
        preferredLanguage: p.preferred_language,
        timeZone: p.time_zone,
        insurance: coverages.map(({ patient_id: _p, ...c }) => c),
        // the list of documents (their contents are downloaded one by one from the portal)
        documents: documents.map((d) => ({
          id: d.id,
          kind: d.kind,
          contentType: d.content_type,
          sizeBytes: d.size_bytes,
          uploadedAt: d.created_at,
        })),
        createdAt: p.created_at,
      },
      fhir: [
        toFhirPatient({
          id: p.id,
          mrn: p.mrn,
          givenName: p.legal_given_name,
          familyName: p.legal_family_name,
          preferredName: p.preferred_name,
          dateOfBirth: p.date_of_birth,
          sex: p.sex,
          phone: p.phone,
          email: p.email,
          language: p.preferred_language,
          address,
        }),
      ],
    };
  },
};
