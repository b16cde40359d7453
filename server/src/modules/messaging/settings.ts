import type {
  DigestPreferences,
  DigestPreferencesInput,
  HolidayList,
  MessagePool,
  MessagePoolInput,
  MessagePoolList,
  OfficeHours,
  OfficeHoursInput,
  QuickReply,
  QuickReplyInput,
} from "@portico/contracts";
import { digestPreferences, setDigestPreferences } from "./digest-preferences.ts";
import { locationHolidays, setLocationHolidays } from "./holidays.ts";
import { officeHours, setOfficeHours } from "./office-hours.ts";
import { createPool, listPools, updatePool } from "./pools.ts";
import { createQuickReply, deleteQuickReply, quickReplies, updateQuickReply } from "./quick-replies.ts";
import type { SettingsDeps } from "./settings-common.ts";

/**
 * The settings of messaging: pools, their topics and holidays (admins); quick replies (pool
 * members and admins); a physician's own office hours and out-of-office; each clinician's
 * digest times. No patient data here. Each part lives in its own file; this class is what the
 * module and its routes see.
 */
export class MessagingSettings {
  readonly #d: SettingsDeps;

  constructor(deps: SettingsDeps) {
    this.#d = deps;
  }

  // ---- pools and holidays (admin; pools.ts, holidays.ts) ----

  listPools(): Promise<MessagePoolList> {
    return listPools(this.#d);
  }

  createPool(input: MessagePoolInput): Promise<MessagePool> {
    return createPool(this.#d, input);
  }

  updatePool(id: string, input: MessagePoolInput): Promise<MessagePool> {
    return updatePool(this.#d, id, input);
  }

  holidays(locationId: string): Promise<HolidayList> {
    return locationHolidays(this.#d, locationId);
  }

  setHolidays(locationId: string, input: HolidayList): Promise<HolidayList> {
    return setLocationHolidays(this.#d, locationId, input);
  }

  // ---- quick replies (pool members, admins; quick-replies.ts) ----

  quickReplies(poolId: string): Promise<{ quickReplies: QuickReply[]; canEdit: boolean }> {
    return quickReplies(this.#d, poolId);
  }

  createQuickReply(poolId: string, input: QuickReplyInput): Promise<QuickReply> {
    return createQuickReply(this.#d, poolId, input);
  }

  updateQuickReply(poolId: string, id: string, input: QuickReplyInput): Promise<QuickReply> {
    return updateQuickReply(this.#d, poolId, id, input);
  }

  deleteQuickReply(poolId: string, id: string): Promise<void> {
    return deleteQuickReply(this.#d, poolId, id);
  }

  // ---- a physician's office hours and out-of-office (office-hours.ts) ----

  officeHours(): Promise<OfficeHours> {
    return officeHours(this.#d);
  }

  setOfficeHours(input: OfficeHoursInput): Promise<OfficeHours> {
    return setOfficeHours(this.#d, input);
  }

  // ---- digest preferences (digest-preferences.ts) ----

  digestPreferences(): Promise<DigestPreferences> {
    return digestPreferences(this.#d);
  }

  setDigestPreferences(input: DigestPreferencesInput): Promise<DigestPreferences> {
    return setDigestPreferences(this.#d, input);
  }
}
