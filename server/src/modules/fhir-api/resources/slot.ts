import type { Slot } from "@medplum/fhirtypes";
import { DomainError } from "../../../platform/errors.ts";
import type { DirectoryContext, DirectorySource } from "../resource-type.ts";
import { defineFhirType, RESOURCE_ID_PARAM } from "../resource-type.ts";
import type { FhirSearchParam } from "../search-params.ts";
import { PREFIXES, rangeOf } from "../search-params.ts";
import { providerRows, referencedIds, VISIT_TYPE_SYSTEM, visitTypeConcept, visitTypeRows } from "./directory-data.ts";
import { conceptParam, dateParam, referenceParam, statusParam } from "./element-params.ts";

const DAY = 86_400_000;
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** a UUID in 22 base-62 characters (a Slot id holds two and must keep to 64) */
function shortId(uuid: string): string {
  let n = BigInt(`0x${uuid.replaceAll("-", "")}`);
  let out = "";
  for (let i = 0; i < 22; i++) {
    out = B62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out;
}

function uuidOf(short: string): string | undefined {
  let n = 0n;
  for (const c of short) {
    const d = B62.indexOf(c);
    if (d < 0) return undefined;
    n = n * 62n + BigInt(d);
  }
  const hex = n.toString(16).padStart(32, "0");
  if (hex.length > 32) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `<visit type>-<provider>-<start in minutes, base 36>`: a free time is named by what it is, nothing stored */
export const slotId = (visitTypeId: string, providerId: string, start: Date) =>
  `${shortId(visitTypeId)}-${shortId(providerId)}-${Math.floor(start.getTime() / 60_000).toString(36)}`;

const SLOT_ID = /^([0-9A-Za-z]{22})-([0-9A-Za-z]{22})-([0-9a-z]{1,9})$/;

interface FreeSlot {
  start: string;
  end: string;
  providerId: string;
  providerName: string;
  locationName: string;
}

function toSlot(visitType: { id: string; name: string; specialty: string }, s: FreeSlot): Slot {
  return {
    resourceType: "Slot",
    id: slotId(visitType.id, s.providerId, new Date(s.start)),
    schedule: { reference: `Schedule/${s.providerId}`, display: s.providerName },
    status: "free",
    start: s.start,
    end: s.end,
    serviceType: [visitTypeConcept(visitType)],
    comment: `${visitType.name} with ${s.providerName} at ${s.locationName}`,
  };
}

/** the scheduling module's free slots (read-only use of its search), as it offers them to this caller */
async function freeSlots(
  ctx: DirectoryContext,
  visitType: { id: string; name: string; specialty: string },
  providerId: string,
  from: Date | undefined,
  to: Date | undefined,
): Promise<Slot[]> {
  const { slots } = await ctx.slots.searchSlots({
    visitTypeId: visitType.id,
    providerId,
    from,
    to,
    patientId: ctx.patientId,
    limit: 1000,
  });
  return slots.map((s) => toSlot(visitType, s));
}

/** the time range the `start` parameters allow (the rest is compared on each slot afterwards) */
function window(filters: readonly { param: FhirSearchParam; value: string }[]) {
  // left open: the slot search's own (from now, 14 days)
  let from: number | undefined;
  let to: number | undefined;
  for (const f of filters.filter((f) => f.param.name === "start")) {
    for (const alternative of f.value.split(",")) {
      const prefix = PREFIXES.find((p) => alternative.startsWith(p));
      const range = rangeOf("start", prefix ? alternative.slice(2) : alternative);
      // alternatives widen, repeated parameters narrow: keep it simple with the first of each
      if (prefix === "ge" || prefix === "gt") from = Math.max(from ?? 0, prefix === "gt" ? range.end : range.start);
      else if (prefix === "lt") to = Math.min(to ?? Number.POSITIVE_INFINITY, range.start);
      else if (prefix === "le") to = Math.min(to ?? Number.POSITIVE_INFINITY, range.end);
      else if (!prefix || prefix === "eq") {
        from = Math.max(from ?? 0, range.start);
        to = Math.min(to ?? Number.POSITIVE_INFINITY, range.end);
      }
      break;
    }
  }
  return {
    from: from !== undefined ? new Date(from) : undefined,
    to: to !== undefined ? new Date(to) : from !== undefined ? new Date(from + 14 * DAY) : undefined,
  };
}

const slotSource: DirectorySource = {
  read: async (ctx, id) => {
    const m = SLOT_ID.exec(id);
    const visitTypeId = m ? uuidOf(m[1] as string) : undefined;
    const providerId = m ? uuidOf(m[2] as string) : undefined;
    if (!m || !visitTypeId || !providerId) return undefined;
    const start = new Date(Number.parseInt(m[3] as string, 36) * 60_000);
    const visitType = (await visitTypeRows(ctx.db)).find((v) => v.id === visitTypeId);
    if (!visitType || Number.isNaN(start.getTime())) return undefined;
    try {
      const found = await freeSlots(ctx, visitType, providerId, start, new Date(start.getTime() + 60_000));
      return found.find((s) => s.id === id);
    } catch (error) {
      // a time no longer offered (past, out of the horizon): not found
      if (error instanceof DomainError && error.code === "validation_failed") return undefined;
      throw error;
    }
  },
  list: async (ctx, filters) => {
    const scheduleIds = referencedIds(
      filters.filter((f) => f.param.name === "schedule").map((f) => f.value),
      "Schedule",
    );
    const providers = (await providerRows(ctx.db, scheduleIds ?? [])).filter((p) => p.active);
    const wantedTypes = filters
      .filter((f) => f.param.name === "service-type")
      .flatMap((f) => f.value.split(","))
      .map((v) => (v.startsWith(`${VISIT_TYPE_SYSTEM}|`) ? v.slice(VISIT_TYPE_SYSTEM.length + 1) : v));
    const visitTypes = (await visitTypeRows(ctx.db)).filter(
      (v) => wantedTypes.length === 0 || wantedTypes.includes(v.id),
    );
    const { from, to } = window(filters);
    const out: Slot[] = [];
    for (const p of providers.slice(0, 20)) {
      for (const v of visitTypes.filter((v) => v.specialty === p.specialty)) {
        try {
          out.push(...(await freeSlots(ctx, v, p.id, from, to)));
        } catch (error) {
          // a range wholly in the past holds no free time (the slot search refuses it as empty)
          if (error instanceof DomainError && /after its start/.test(error.message)) continue;
          throw error;
        }
      }
    }
    return out.sort(
      (a, b) => (a.start as string).localeCompare(b.start as string) || (a.id as string).localeCompare(b.id as string),
    );
  },
};

/** Slot: free times from the scheduling module's slot engine (directory data; never a booked time). */
export const slotType = defineFhirType({
  type: "Slot",
  documentation:
    "Free times to book, as the portal's own booking offers them to the caller (the signed-in patient's or the token's patient's eligibility; staff: every free time), per visit type. Search needs schedule; start defaults to the next 14 days (at most 62 at a time). Booked times are never shown. Any authenticated caller.",
  idPattern: SLOT_ID,
  sources: [],
  directory: slotSource,
  requiredParam: "schedule",
  searchParams: [
    referenceParam("schedule", "The provider's Schedule: Schedule/<id> or <id> (required)", (s: Slot) => [s.schedule]),
    dateParam(
      "start",
      "When the free time starts (prefixes ge, gt, le, lt, eq; repeat for a range; default: the next 14 days)",
      (s: Slot) => s.start,
    ),
    statusParam("Always free (only free times are served)"),
    conceptParam("service-type", "The visit type (urn:portico:visit-type|<id>)", (s: Slot) => s.serviceType),
    RESOURCE_ID_PARAM,
  ],
});
