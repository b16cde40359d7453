import { type Static, Type } from "typebox";
import { IsoDateTime, Literals, Nullable, Uuid } from "./common.ts";

/** One row of "who accessed my record", in plain words for the patient. */
export const AccessLogEntry = Type.Object({
  id: Type.String(),
  /** when (the last time, for a run of the same look) */
  at: IsoDateTime,
  /** a run of the same look by the same person, each within an hour of the one before, is one entry */
  times: Type.Integer({ minimum: 1, description: "how many looks this entry stands for" }),
  /** the first look of the run (equal to `at` when `times` is 1) */
  firstAt: IsoDateTime,
  /** the reader did this themselves ("You viewed…"); `who` is then null */
  byReader: Type.Boolean(),
  who: Type.Union([Type.String(), Type.Null()], {
    description: "the person's display name, e.g. 'Dr. Lena Okafor'; null for the reader and for Portico itself",
  }),
  whoRole: Type.String({ description: "patient, proxy, front_desk, nurse, physician, admin, system" }),
  sentence: Type.String({
    description:
      "what they did, as a sentence id of the catalogue (server modules/audit/sentences.ts), e.g. viewed_appointments",
  }),
});
export const AccessLog = Type.Object({
  entries: Type.Array(AccessLogEntry),
  /** patient: the reader is the patient ("your appointments"); proxy: they act for `patientName` */
  reader: Literals(["patient", "proxy"]),
  patientName: Type.String({ description: "the name the patient goes by, for a proxy's sentences" }),
  who: Literals(["others", "everyone"]),
  page: Type.Integer({ minimum: 1 }),
  pageSize: Type.Integer({ minimum: 1 }),
  /** how many entries in all (for "21–40 of 134") as of `asOf` */
  total: Type.Integer({ minimum: 0 }),
  /** pass back to keep later pages fixed while new accesses arrive; null when there are none */
  asOf: Nullable(Type.String()),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;
export type AccessLog = Static<typeof AccessLog>;

/**
 * Newest first, one page at a time. `who=others` (the default) leaves out what the reader did
 * themselves; `asOf` (from the first page's answer) holds the list still while paging.
 */
export const AccessLogQuery = Type.Object({
  who: Type.Optional(Literals(["others", "everyone"], { default: "others" })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  asOf: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "from the first page's asOf" })),
});
export type AccessLogQuery = Static<typeof AccessLogQuery>;

export const AuditSearchQuery = Type.Object({
  userId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  outcome: Type.Optional(Literals(["success", "denied", "failure"])),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  actorUserId: Nullable(Uuid),
  actorName: Nullable(Type.String()),
  actorRoles: Type.Array(Type.String()),
  patientId: Nullable(Uuid),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Nullable(Type.String()),
  outcome: Type.String(),
  ip: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
});
export const AuditSearchResponse = Type.Object({
  records: Type.Array(AuditRecord),
  nextCursor: Nullable(Type.String()),
});
export type AuditSearchQuery = Static<typeof AuditSearchQuery>;
export type AuditRecord = Static<typeof AuditRecord>;
export type AuditSearchResponse = Static<typeof AuditSearchResponse>;
