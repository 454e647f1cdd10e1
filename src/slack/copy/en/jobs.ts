import { count, nouns } from "./plural.ts";
import { restorableUntil } from "./window.ts";

/** What the daily jobs tell admins and requesters. */
export const jobs = {
  "jobs.restore.heading": () => "Removed licenses whose data is deleted soon",
  "jobs.restore.intro": (p: { count: number }) =>
    `${count(p.count, { one: "removed license keeps", other: "removed licenses keep" })} data that will be deleted for good. Assigning the license again before then restores it, as does any license with the same service.`,
  "jobs.restore.item": (p: { person: string; product: string; date: string; days: number }) =>
    `*${p.person}* — ${p.product}: ${restorableUntil(p.date, p.days)}`,
  "jobs.restore.data": (p: { items: string }) => `Will be lost: ${p.items}`,
  "jobs.restore.no_data": () => "No data of this license waits in the window.",
  "jobs.restore.button": () => "Restore",
  "jobs.restore.let_expire": () => "Let it expire",
  "jobs.late": () => "_(late: the app was not running on the day this was due)_",
  "jobs.more": (p: { count: number; command: string }) =>
    `…and ${p.count} more: \`${p.command}\` lists them.`,
  "jobs.purged.heading": () => "Data deleted for good",
  "jobs.purged.item": (p: { person: string; product: string; date: string }) =>
    `• *${p.person}* — ${p.product} (window ended ${p.date})`,
  "jobs.mailbox.heading": () => "Shared mailboxes about to lock",
  "jobs.mailbox.item": (p: { address: string; size: string; date: string; days: number }) =>
    `*${p.address}* (${p.size}) locks on ${p.date} (${count(p.days, nouns.day)} left) unless it gets a license or shrinks under its quota.`,
  "jobs.mailbox.button": () => "Assign a license",
  "jobs.locked.heading": () => "Shared mailboxes locked",
  "jobs.locked.item": (p: { address: string }) =>
    `• *${p.address}*: over quota for a month without a license`,
  "jobs.requests.heading": () => "License requests waiting",
  "jobs.requests.item": (p: { requester: string; person: string; product: string; date: string }) =>
    `*${p.requester}* asked for *${p.product}* for *${p.person}* on ${p.date}.`,
  "jobs.requests.approve": () => "Approve",
  "jobs.requests.deny": () => "Deny",
  "jobs.request_expired": (p: { person: string; product: string; date: string }) =>
    `Your request of ${p.date} for *${p.product}* for *${p.person}* expired: no admin decided it in time. You can ask again with \`/license request\`.`,
  "jobs.low_seats.heading": () => "Products low on seats",
  "jobs.low_seats.item": (p: { product: string; available: number; purchased: number }) =>
    `• *${p.product}*: ${p.available} of ${p.purchased} available`,
  "jobs.let_expire.done": (p: { person: string; product: string; date: string }) =>
    `No more reminders about *${p.person}*'s ${p.product}: its data ${restorableUntil(p.date)}.`,
} as const;
