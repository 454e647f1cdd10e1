import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces.ts";

/**
 * One row per scheduled job and slot: the instance that inserts it runs that slot; every other
 * instance firing for the same slot finds it taken.
 */
export const jobRuns = pgTable("job_runs", {
  key: text("key").primaryKey(),
  claimedBy: text("claimed_by").notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull(),
  leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const reminderKind = pgEnum("reminder_kind", [
  "restore_window",
  "mailbox_lock",
  "request_pending",
  "low_seats",
]);
export type ReminderKind = (typeof reminderKind.enumValues)[number];

/**
 * A reminder that was decided: per subject (window, mailbox, request, product) and step (days
 * before the deadline, or the day a product was low), written in the transaction that decides it,
 * so that it is decided once whatever runs, reruns or catches up.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: reminderKind("kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    step: text("step").notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    /** Decided after its day had passed (the app was down): sent once, marked late. */
    late: boolean("late").notNull().default(false),
  },
  (t) => [uniqueIndex("reminders_subject_step_uq").on(t.kind, t.subjectId, t.step)],
);

export const outboxStatus = pgEnum("outbox_status", ["pending", "sent", "failed"]);
export type OutboxStatus = (typeof outboxStatus.enumValues)[number];

/**
 * Messages to Slack, written in the transaction that decided them and sent by the relay, which
 * honours rate limits per workspace. `dedupe_key` makes deciding the same message twice a no-op.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull(),
    /** A channel id, or a user id for a direct message. */
    channel: text("channel").notNull(),
    message: jsonb("message").notNull(),
    status: outboxStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull(),
    /** Set while a relay sends it; a relay that died mid-send leaves it to be retried after this. */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    messageTs: text("message_ts"),
    /**
     * The channel Slack posted into (a DM's D… id when `channel` names a user): with `message_ts`,
     * what chat.update needs to bring the sent message up to date after one of its buttons is used.
     */
    messageChannel: text("message_channel"),
    lastError: text("last_error"),
  },
  (t) => [
    uniqueIndex("outbox_dedupe_key_uq").on(t.workspaceId, t.dedupeKey),
    index("outbox_pending_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;
