import { type Static, Type } from "typebox";
import { IsoDateTime, Uuid } from "./common.ts";

/** One row of "who accessed my record", in plain words for the patient. */
export const AccessLogEntry = Type.Object({
  id: Type.String(),
  at: IsoDateTime,
  who: Type.String({ description: "display name, e.g. 'Dr. Chidi Okafor' or 'You'" }),
  whoRole: Type.String({ description: "patient, proxy, front_desk, nurse, physician, admin, system" }),
  onBehalfOf: Type.Union([Type.String(), Type.Null()], { description: "set when a proxy acted" }),
  action: Type.String({ description: "read | create | update | delete | …" }),
  what: Type.String({ description: "the kind of record, e.g. appointment, profile" }),
});
export const AccessLog = Type.Object({
  entries: Type.Array(AccessLogEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;
export type AccessLog = Static<typeof AccessLog>;

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export const AccessLogQuery = Type.Object({
  cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", description: "from nextCursor" })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
export type AccessLogQuery = Static<typeof AccessLogQuery>;

export const AuditSearchQuery = Type.Object({
  userId: Type.Optional(Uuid),
  patientId: Type.Optional(Uuid),
  action: Type.Optional(Type.String({ maxLength: 60 })),
  outcome: Type.Optional(Type.Union([Type.Literal("success"), Type.Literal("denied"), Type.Literal("failure")])),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  cursor: Type.Optional(Type.String({ pattern: "^[0-9]{1,18}$", maxLength: 40 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: IsoDateTime,
  actorUserId: Type.Union([Uuid, Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.Array(Type.String()),
  patientId: Type.Union([Uuid, Type.Null()]),
  action: Type.String(),
  resourceType: Type.String(),
  resourceId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
});
export const AuditSearchResponse = Type.Object({
  records: Type.Array(AuditRecord),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type AuditSearchQuery = Static<typeof AuditSearchQuery>;
export type AuditRecord = Static<typeof AuditRecord>;
export type AuditSearchResponse = Static<typeof AuditSearchResponse>;
