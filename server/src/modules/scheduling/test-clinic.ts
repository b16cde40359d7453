import type { TestContext } from "../../test/app.ts";
import { assignLocations, makePatient, makeStaff, type TestPatient, type TestUser } from "../../test/factories.ts";

/** A small clinic for scheduling tests: one New York location, one physician, three visit types. */
export interface TestClinic {
  locationId: string;
  physician: TestUser;
  providerId: string;
  /** works the location's arrivals board */
  frontDesk: TestUser;
  visitTypes: { established: string; newPatient: string; referral: string; video: string };
  /** the physician's own patient (PCP), with a login */
  patient: TestPatient;
  /** a second patient with a login, not established with the physician */
  stranger: TestPatient;
}

export async function makeTestClinic(t: TestContext): Promise<TestClinic> {
  const db = t.database.db;
  const { id: locationId } = await db
    .insertInto("locations")
    .values({ name: "Test Brooklyn", time_zone: "America/New_York", phone: "(555) 000-1111" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const physician = await makeStaff(t, "physician");
  const providerId = physician.providerId as string;
  await db.insertInto("provider_locations").values({ provider_id: providerId, location_id: locationId }).execute();
  const frontDesk = await makeStaff(t, "front_desk");
  await assignLocations(t, frontDesk.id, [locationId]);
  const vt = async (
    name: string,
    kind: "established" | "new" | "referral",
    modality: "in_person" | "video" = "in_person",
  ) =>
    (
      await db
        .insertInto("visit_types")
        .values({
          name,
          specialty: "family_medicine",
          duration_minutes: 30,
          modality,
          booking_kind: kind,
          minimum_notice_minutes: 120,
          horizon_days: 30,
          buffer_after_minutes: 0,
          cancellation_notice_minutes: 24 * 60,
          questionnaire: JSON.stringify([
            { id: "concerns", text: "Anything to discuss?", type: "text", required: false },
            { id: "pain", text: "Pain today (0–10)", type: "scale_0_10", required: true },
          ]),
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  const visitTypes = {
    established: await vt("Follow-up", "established"),
    newPatient: await vt("New patient", "new"),
    referral: await vt("Consultation", "referral"),
    video: await vt("Video follow-up", "established", "video"),
  };
  await db
    .insertInto("availability_templates")
    .values(
      [1, 2, 3, 4, 5].map((weekday) => ({
        provider_id: providerId,
        location_id: locationId,
        weekday,
        start_time: "09:00",
        end_time: "12:00",
      })),
    )
    .execute();
  const patient = await makePatient(t, { withLogin: true, pcpProviderId: providerId });
  const stranger = await makePatient(t, { withLogin: true });
  return { locationId, physician, providerId, frontDesk, visitTypes, patient, stranger };
}
