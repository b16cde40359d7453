import type { ProxyGrant } from "@portico/contracts";
import type { ProxyScope } from "../../db/tables/people.ts";
import { type AgeBounds, effectiveScopes } from "../../platform/access/policy.ts";
import { sha256 } from "../../platform/auth/tokens.ts";
import { DomainError } from "../../platform/errors.ts";
import type { GrantRow } from "./repo.ts";

export const DAY_MS = 86_400_000;

/** How an invitation's token is stored (hashed, never as sent). */
export const invitationHash = (token: string) => sha256(`proxy-invitation:${token}`);

/** A grant's end date: none, or one in the future. */
export function checkEnd(endsAt: string | undefined, now: Date): Date | null {
  if (!endsAt) return null;
  const end = new Date(endsAt);
  if (Number.isNaN(end.getTime()) || end.getTime() <= now.getTime()) {
    throw new DomainError("validation_failed", "The end date must be in the future.", [
      { field: "endsAt", problem: "in the past" },
    ]);
  }
  return end;
}

/** A patient cannot be their own proxy (`field` names the form's field when there is one). */
export function ownLoginRefused(field?: string): DomainError {
  return new DomainError(
    "validation_failed",
    "A patient cannot be their own proxy.",
    field ? [{ field, problem: "the patient's own account" }] : undefined,
  );
}

export function invalidInvitation(): DomainError {
  return new DomainError(
    "not_found",
    "This invitation link is not valid any more. It may have been used or have expired: ask for a new one.",
  );
}

/**
 * Grants as the lists show them: what was granted and what the access policy lets it do now
 * (`effectiveScopes`); ended grants stay listed for 30 days (all of them when `onlyId` asks for one).
 */
export function presentGrants(rows: readonly GrantRow[], now: Date, ages: AgeBounds, onlyId?: string): ProxyGrant[] {
  return rows
    .map((g) => {
      const effective = effectiveScopes(
        {
          grantId: g.id,
          patientId: g.patient_id,
          relationship: g.relationship,
          scopes: g.scopes as ProxyScope[],
          startsAt: g.starts_at,
          endsAt: g.ends_at,
          revokedAt: g.revoked_at,
        },
        { id: g.patient_id, dateOfBirth: g.date_of_birth, status: g.status },
        now,
        ages,
      );
      return {
        id: g.id,
        patientId: g.patient_id,
        proxy: { userId: g.proxy_user_id, displayName: g.display_name, email: g.email },
        relationship: g.relationship,
        scopes: g.scopes,
        effectiveScopes: effective.scopes,
        restricted: effective.restricted,
        inForce: effective.inForce,
        startsAt: g.starts_at.toISOString(),
        endsAt: g.ends_at?.toISOString() ?? null,
        grantedBy: g.granted_by_name,
        reason: g.reason,
        createdAt: g.created_at.toISOString(),
      };
    })
    .filter(
      (g) =>
        onlyId !== undefined ||
        g.inForce ||
        (g.endsAt !== null && new Date(g.endsAt) > new Date(now.getTime() - 30 * DAY_MS)),
    );
}
