import { errorResponses, PatientParams, RecordContents, RecordDownloadQuery } from "@portico/contracts";
import type { App } from "../../app.ts";
import type { AccessService } from "../../platform/access/patient-access.ts";
import { patientRoute } from "../../platform/access/route-guards.ts";
import { ok } from "../../platform/route-responses.ts";
import type { RecordService } from "./record-service.ts";

/** HTTP only: the whole-record download, streamed. */
export async function recordRoutes(
  app: App,
  services: { access: AccessService; records: RecordService },
): Promise<void> {
  const { access, records } = services;
  app.get(
    "/api/patients/:patientId/record",
    {
      ...patientRoute(access, {
        scope: "records",
        action: "read",
        resourceType: "patient_record",
        auditAction: "download",
        patientFacing: true,
        recordDownload: true,
      }),
      schema: {
        tags: ["records"],
        summary:
          "Download everything the portal holds about the patient: format=json (portico.record) or format=fhir (a FHIR R4 collection Bundle), streamed",
        params: PatientParams,
        querystring: RecordDownloadQuery,
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? "json";
      const { stream, fileName } = await records.download(request.params.patientId, format);
      return reply
        .type(format === "fhir" ? "application/fhir+json; charset=utf-8" : "application/json; charset=utf-8")
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "no-store")
        .send(stream as never);
    },
  );

  app.get(
    "/api/patients/:patientId/record/contents",
    {
      ...patientRoute(access, {
        scope: "records",
        action: "read",
        resourceType: "patient_record",
        patientFacing: true,
        recordDownload: true,
      }),
      schema: {
        tags: ["records"],
        summary:
          "What the reader's download holds: its sections, those withheld, and whether it is restricted (a parent of a 12–17-year-old)",
        params: PatientParams,
        response: ok(RecordContents),
      },
    },
    async (request) => records.contents(request.params.patientId),
  );
}
