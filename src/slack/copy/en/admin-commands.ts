import { count, nouns } from "./plural.ts";

/** Replies to the admin commands that change one thing. */
export const adminCommands = {
  "restore.done": (p: { person: string; product: string; seats: string }) =>
    `Restored *${p.product}* for *${p.person}*, with the data it kept. ${p.seats}.`,
  "restore.window_closed_on": (p: { date: string }) =>
    `The restore window ended on ${p.date}: the data is gone for good. Assign the license to start afresh.`,
  "seats.done": (p: { product: string; before: string; after: string }) =>
    `*${p.product}*: ${p.before} → ${p.after}.`,
  "seats.below_assigned": (p: { assigned: number; toFree: number }) =>
    `${count(p.assigned, nouns.seatIs)} assigned: free ${count(p.toFree, nouns.seat)} before lowering the amount that far.`,
  "location.done": (p: { person: string; location: string }) =>
    `*${p.person}* now uses services in ${p.location}. Their next assignments follow it.`,
  "location.default_done": (p: { location: string; before: string | null }) =>
    p.before && p.before !== p.location
      ? `The default usage location is now ${p.location} (was ${p.before}). People without one of their own use services there.`
      : `The default usage location is now ${p.location}. People without one of their own use services there.`,
  "location.default": (p: { location: string }) =>
    `Default usage location: ${p.location}, for people without one of their own.`,
  "location.default_none": () =>
    "No default usage location: people without one of their own get no licenses until it is set with `/license location default CC`.",
  "notices.on": () =>
    "Personal notices are on: people are told by direct message what licenses they get or lose.",
  "notices.off": () =>
    "Personal notices are off: people are not told by direct message when their licenses change. Turn them on with `/license notices on`.",
  "admins.granted": (p: { person: string }) => `*${p.person}* can now administer licenses.`,
  "admins.revoked": (p: { person: string }) => `*${p.person}* no longer administers licenses here.`,
  "admins.still_slack_admin": (p: { person: string }) =>
    `*${p.person}* is a workspace admin or owner in Slack, so they still administer licenses.`,
  "admins.unchanged": (p: { person: string }) => `Nothing changed for *${p.person}*.`,
  // A mention inside backticks shows as its raw id, so only the words around it are code.
  "request.admin_assigns": (p: { person: string; key: string }) =>
    `You administer licenses, so there is no one to ask: assign it yourself with \`/license assign\` ${p.person} \`${p.key}\`.`,
  "request.filed": (p: { person: string; product: string }) =>
    `Only license admins assign licenses, so I asked them to give *${p.product}* to *${p.person}*. You'll hear back in a direct message from me.`,
} as const;
