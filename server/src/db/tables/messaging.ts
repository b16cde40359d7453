import type { DateString, Generated, Json, JsonWithDefault } from "./types.ts";

/** migrations/0025_messaging.sql: secure messaging. */

export type MessageTopicValue =
  | "medical_question"
  | "medication"
  | "test_result"
  | "appointment"
  | "referral"
  | "billing"
  | "other";
export type ThreadStatusValue = "waiting" | "answered" | "closed";
export type MessageKindValue = "message" | "auto_reply" | "internal_note";
export type AuthorKindValue = "patient" | "proxy" | "staff" | "system";

export interface MessagePoolsTable {
  id: Generated<string>;
  name: string;
  readers_description: string;
  readers_description_es: string;
  location_id: string;
  response_target_hours: number;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface MessagePoolMembersTable {
  pool_id: string;
  user_id: string;
}

export interface MessageTopicRoutesTable {
  topic: MessageTopicValue;
  pool_id: string;
}

export interface LocationHolidaysTable {
  location_id: string;
  holiday_on: DateString;
  name: string;
}

export interface MessageThreadsTable {
  id: Generated<string>;
  patient_id: string;
  topic: MessageTopicValue;
  sealed_subject: string;
  pool_id: string;
  provider_id: string | null;
  status: Generated<ThreadStatusValue>;
  work_item_id: string | null;
  due_at: Date | null;
  message_count: Generated<number>;
  /** kept by the messages_track_last trigger (0032): the last message's seq and author, and the last seq by anyone else */
  last_seq: Generated<number>;
  last_author_user_id: Generated<string | null>;
  other_before_last_seq: Generated<number>;
  last_message_at: Date;
  created_by: string | null;
  created_at: Date;
  first_response_at: Date | null;
  closed_at: Date | null;
  closed_by: string | null;
}

/** kept by triggers (0039): per pool member, the pool's active threads with something unread for them */
export interface MessagePoolUnreadTable {
  pool_id: string;
  user_id: string;
  unread: Generated<number>;
}

/** migrations/0043_message_pool_counts.sql: a pool's waiting and unassigned threads, kept by triggers. */
export interface MessagePoolCountsTable {
  pool_id: string;
  waiting: Generated<number>;
  unassigned: Generated<number>;
}

export interface MessagesTable {
  id: Generated<string>;
  thread_id: string;
  patient_id: string;
  seq: number;
  kind: MessageKindValue;
  author_kind: AuthorKindValue;
  author_user_id: string | null;
  via_proxy_grant_id: string | null;
  sealed_body: string;
  auto_reply: Json | null;
  quick_reply_id: string | null;
  created_at: Date;
}

export interface MessageAttachmentsTable {
  id: Generated<string>;
  file_id: string;
  patient_id: string;
  message_id: string | null;
  uploaded_by: string | null;
  created_at: Generated<Date>;
}

export interface MessageReadsTable {
  thread_id: string;
  user_id: string;
  side: "patient" | "staff";
  last_read_seq: Generated<number>;
  read_at: Date;
}

export interface MessageQuickRepliesTable {
  id: Generated<string>;
  pool_id: string;
  title: string;
  body: string;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface MessageOfficeHoursTable {
  user_id: string;
  time_zone: string;
  hours: JsonWithDefault;
  covering_pool_id: string | null;
  out_from: Date | null;
  out_until: Date | null;
  delegate_user_id: string | null;
  updated_at: Generated<Date>;
}

export interface MessageDigestPreferencesTable {
  user_id: string;
  enabled: Generated<boolean>;
  times: JsonWithDefault;
  time_zone: string;
  last_sent_at: Date | null;
  updated_at: Generated<Date>;
}

export interface MessagingTables {
  message_pools: MessagePoolsTable;
  message_pool_members: MessagePoolMembersTable;
  message_pool_unread: MessagePoolUnreadTable;
  message_pool_counts: MessagePoolCountsTable;
  message_topic_routes: MessageTopicRoutesTable;
  location_holidays: LocationHolidaysTable;
  message_threads: MessageThreadsTable;
  messages: MessagesTable;
  message_attachments: MessageAttachmentsTable;
  message_reads: MessageReadsTable;
  message_quick_replies: MessageQuickRepliesTable;
  message_office_hours: MessageOfficeHoursTable;
  message_digest_preferences: MessageDigestPreferencesTable;
}
