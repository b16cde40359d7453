import { type Static, Type } from "typebox";
import { IsoDateTime, Literals, Nullable, ShortText, Uuid } from "./common.ts";
import { Email, StaffRole } from "./identity.ts";
import { Address, Phone } from "./patients.ts";

/** Clinic administration: locations, providers, pharmacies, staff accounts (SPEC §2.1). */

const Name = ShortText(200);
const Time = Type.String({ pattern: "^([01][0-9]|2[0-3]):[0-5][0-9]$", description: "HH:MM, 24-hour" });

export const OpeningHours = Type.Object(
  {
    /** ISO weekday: 1 = Monday … 7 = Sunday */
    weekday: Type.Integer({ minimum: 1, maximum: 7 }),
    open: Time,
    close: Time,
  },
  { additionalProperties: false },
);
export type OpeningHours = Static<typeof OpeningHours>;

export const LocationInput = Type.Object(
  {
    name: Name,
    address: Address,
    phone: Type.Optional(Phone),
    timeZone: Type.String({ minLength: 3, maxLength: 64, description: "IANA time zone, e.g. America/Chicago" }),
    hours: Type.Array(OpeningHours, { maxItems: 21 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type LocationInput = Static<typeof LocationInput>;
export const LocationPatch = Type.Partial(LocationInput, { additionalProperties: false, minProperties: 1 });

export const Location = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.Unknown(),
  phone: Nullable(Type.String()),
  timeZone: Type.String(),
  hours: Type.Array(OpeningHours),
  active: Type.Boolean(),
});
export type Location = Static<typeof Location>;
export const LocationList = Type.Object({ locations: Type.Array(Location) });

export const Specialty = Type.String({
  pattern: "^[a-z][a-z_]{1,59}$",
  description: "snake_case specialty, e.g. family_medicine, cardiology",
});

export const ProviderInput = Type.Object(
  {
    displayName: Name,
    specialty: Specialty,
    locationIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
    acceptingNewPatients: Type.Optional(Type.Boolean()),
    /** the provider's own login (a physician account) */
    userId: Type.Optional(Nullable(Uuid)),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ProviderInput = Static<typeof ProviderInput>;
export const ProviderPatch = Type.Partial(ProviderInput, { additionalProperties: false, minProperties: 1 });

export const Provider = Type.Object({
  id: Uuid,
  displayName: Type.String(),
  specialty: Type.String(),
  acceptingNewPatients: Type.Boolean(),
  active: Type.Boolean(),
  locationIds: Type.Array(Uuid),
  userId: Nullable(Uuid),
});
export type Provider = Static<typeof Provider>;
export const ProviderList = Type.Object({ providers: Type.Array(Provider) });
export const ProviderListQuery = Type.Object(
  {
    specialty: Type.Optional(Specialty),
    locationId: Type.Optional(Uuid),
    includeInactive: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);

export const PharmacyInput = Type.Object(
  {
    name: Name,
    address: Address,
    phone: Type.Optional(Phone),
    fax: Type.Optional(Phone),
    ncpdpId: Type.Optional(Type.String({ pattern: "^[0-9]{7}$", description: "7-digit NCPDP provider id" })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type PharmacyInput = Static<typeof PharmacyInput>;
export const PharmacyPatch = Type.Partial(PharmacyInput, { additionalProperties: false, minProperties: 1 });

export const Pharmacy = Type.Object({
  id: Uuid,
  name: Type.String(),
  address: Type.Unknown(),
  phone: Nullable(Type.String()),
  fax: Nullable(Type.String()),
  ncpdpId: Nullable(Type.String()),
  active: Type.Boolean(),
});
export type Pharmacy = Static<typeof Pharmacy>;
export const PharmacyList = Type.Object({ pharmacies: Type.Array(Pharmacy) });
export const CatalogueQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

export const StaffAccount = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(StaffRole),
  status: Literals(["active", "disabled", "invited"]),
  mfaEnabled: Type.Boolean(),
  lastLoginAt: Nullable(IsoDateTime),
  createdAt: IsoDateTime,
  /** the locations this person works: front desk and nurses see these arrivals boards */
  locationIds: Type.Array(Uuid),
});
export type StaffAccount = Static<typeof StaffAccount>;
export const StaffAccountList = Type.Object({ staff: Type.Array(StaffAccount) });

const Roles = Type.Array(StaffRole, { minItems: 1, maxItems: 4, uniqueItems: true });
const LocationIds = Type.Array(Uuid, { maxItems: 100, uniqueItems: true });

export const InviteStaffRequest = Type.Object(
  {
    email: Email,
    displayName: Name,
    roles: Roles,
    locale: Type.Optional(Literals(["en", "es"])),
    locationIds: Type.Optional(LocationIds),
  },
  { additionalProperties: false },
);
export type InviteStaffRequest = Static<typeof InviteStaffRequest>;

export const UpdateStaffRequest = Type.Object(
  {
    roles: Type.Optional(Roles),
    status: Type.Optional(Literals(["active", "disabled"])),
    displayName: Type.Optional(Name),
    locationIds: Type.Optional(LocationIds),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStaffRequest = Static<typeof UpdateStaffRequest>;

/** The invitee chooses a password from the emailed link. */
export const AcceptStaffInvitationRequest = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 200, pattern: "^[A-Za-z0-9_-]+$" }),
    password: Type.String({ minLength: 8, maxLength: 128 }),
  },
  { additionalProperties: false },
);
