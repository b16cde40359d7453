import type { APIRequestContext } from "playwright-core";
import { expect } from "vitest";
import { baseUrl } from "./browser.ts";
import { DEMO_PASSWORD, unusedTotpCode } from "./demo.ts";

/** What `GET /api/me` says about the signed-in account, as far as the journeys read it. */
export interface Me {
  csrfToken: string;
  patients: { id: string; name: string; relationship: string }[];
}

/** A JSON answer of the app's API, asked with the session of `request`. */
export async function getJson<T>(request: APIRequestContext, path: string): Promise<T> {
  return (await (await request.get(`${baseUrl()}${path}`)).json()) as T;
}

/** The same, expecting a 2xx answer (the expectation names the path and the status). */
export async function getOk<T>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${baseUrl()}${path}`);
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true);
  return (await response.json()) as T;
}

export const me = (request: APIRequestContext): Promise<Me> => getJson<Me>(request, "/api/me");

/** The signed-in person's own chart. */
export const ownChart = (account: Me): string | undefined =>
  account.patients.find((p) => p.relationship === "self")?.id;

/** The id of the demo clinic's visit type called `name`. */
export async function visitTypeId(request: APIRequestContext, name: string): Promise<string | undefined> {
  const { visitTypes } = await getJson<{ visitTypes: { id: string; name: string }[] }>(request, "/api/visit-types");
  return visitTypes.find((v) => v.name === name)?.id;
}

/** Signs a staff member in through the API (password, then the TOTP step); returns the CSRF token. */
export async function staffApi(request: APIRequestContext, email: string): Promise<string> {
  const login = await request.post(`${baseUrl()}/api/auth/login`, { data: { email, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const mfa = await request.post(`${baseUrl()}/api/auth/mfa`, {
    data: { code: await unusedTotpCode(baseUrl(), email) },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(mfa.ok()).toBe(true);
  return (await me(request)).csrfToken;
}

/**
 * The signed-in patient's own annual check-up, two to six days ahead (see bookTwoToSixDaysAhead):
 * the check-up's visit type (undefined when the clinic has none, and then nothing is booked) and
 * the booking, with the chart and the headers its later calls send.
 */
export async function bookOwnCheckUp(
  request: APIRequestContext,
  options: { at?: RegExp; withLocation?: boolean } = {},
) {
  const account = await me(request);
  const patientId = ownChart(account) as string;
  const checkUp = await visitTypeId(request, "Annual check-up");
  const booked = checkUp
    ? await bookTwoToSixDaysAhead(request, {
        csrfToken: account.csrfToken,
        patientId,
        visitTypeId: checkUp,
        ...options,
      })
    : undefined;
  return { patientId, headers: { "x-csrf-token": account.csrfToken }, checkUp, booked };
}

export interface FreeSlot {
  start: string;
  providerId: string;
  locationId: string;
  locationName: string;
  timeZone: string;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Books a visit of type `visitTypeId` for `patientId` through the API, two to six days ahead
 * (inside the eCheck-in window): the first free time that takes it, at a location whose name
 * matches `at` when given; `withLocation` sends the slot's location with the booking.
 * Resolves to the appointment's id and its slot, or undefined when no time was free.
 */
export async function bookTwoToSixDaysAhead(
  request: APIRequestContext,
  booking: { csrfToken: string; patientId: string; visitTypeId: string; at?: RegExp; withLocation?: boolean },
): Promise<({ id: string } & FreeSlot) | undefined> {
  const { slots } = (await (
    await request.get(`${baseUrl()}/api/slots`, {
      params: {
        visitTypeId: booking.visitTypeId,
        patientId: booking.patientId,
        from: new Date(Date.now() + 2 * DAY).toISOString(),
        to: new Date(Date.now() + 6 * DAY).toISOString(),
      },
    })
  ).json()) as { slots: FreeSlot[] };
  for (const slot of slots.filter((s) => !booking.at || booking.at.test(s.locationName))) {
    const answer = await request.post(`${baseUrl()}/api/patients/${booking.patientId}/appointments`, {
      headers: { "x-csrf-token": booking.csrfToken },
      data: {
        visitTypeId: booking.visitTypeId,
        providerId: slot.providerId,
        start: slot.start,
        ...(booking.withLocation ? { locationId: slot.locationId } : {}),
      },
    });
    if (answer.status() === 201) return { id: ((await answer.json()) as { id: string }).id, ...slot };
  }
  return undefined;
}
