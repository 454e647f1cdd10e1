import { count, nouns } from "./plural.ts";

/** What Microsoft 365 did with a change made here (rule 13), and why it refused one. */
export const tenantChanges = {
  "tenant.outcome.heading": () => "Microsoft 365 has answered",
  "tenant.outcome.summary": (p: { applied: number; total: number }) =>
    p.applied === p.total
      ? `Microsoft 365 made all ${count(p.total, nouns.change)}.`
      : `Microsoft 365 made ${p.applied} of ${count(p.total, nouns.change)}; it refused the others, below.`,
  "tenant.outcome.assigned": (p: { person: string; product: string }) =>
    `:white_check_mark: Assigned in Microsoft 365: *${p.product}* for ${p.person}.`,
  "tenant.outcome.removed": (p: { person: string; product: string }) =>
    `:white_check_mark: Removed in Microsoft 365: *${p.product}* from ${p.person}.`,
  "tenant.outcome.assign_refused": (p: { person: string; product: string; reason: string }) =>
    `:x: Microsoft 365 did not assign *${p.product}* to ${p.person}: ${p.reason} The seat held for it is free again.`,
  "tenant.outcome.remove_refused": (p: { person: string; product: string; reason: string }) =>
    `:x: Microsoft 365 did not remove *${p.product}* from ${p.person}: ${p.reason} ${p.person} still has it.`,
  "tenant.refusal.NO_USAGE_LOCATION": () =>
    "they have no usage location in Microsoft 365. Set one with `/license location`, then assign again.",
  "tenant.refusal.NO_SEATS_LEFT": () =>
    "the tenant has no licenses of it left. Buy more in the Microsoft 365 admin center, or free one.",
  "tenant.refusal.UNKNOWN_PRODUCT": () => "the tenant does not have this product (any more).",
  "tenant.refusal.UNKNOWN_PERSON": () => "no account in Microsoft 365 has their email address.",
  "tenant.refusal.INHERITED_FROM_GROUP": () =>
    "it comes from a group, so it can only be taken away from the group, in the Microsoft 365 admin center.",
  "tenant.refusal.MUTUALLY_EXCLUSIVE": () =>
    "one of its services cannot be on together with a service they already have.",
  "tenant.refusal.DEPENDENCY_MISSING": () => "one of its services needs another service they do not have.",
  "tenant.refusal.NOT_HELD": () => "they do not hold it.",
  "tenant.refusal.NOT_CONNECTED": () => "this workspace is no longer connected to Microsoft 365.",
  "tenant.refusal.OTHER": (p: { message: string }) => `Microsoft 365 said "${p.message}".`,
  "tenant.pending.assign": (p: { person: string; product: string }) =>
    `:hourglass_flowing_sand: Sent to Microsoft 365: *${p.product}* for ${p.person}. A seat is held for it; ` +
    "you'll get a message when the tenant has answered.",
  "tenant.pending.remove": (p: { person: string; product: string }) =>
    `:hourglass_flowing_sand: Sent to Microsoft 365: removing *${p.product}* from ${p.person}. ` +
    "Nothing is removed until the tenant has done it; you'll get a message when it has answered.",
  "tenant.pending.person": (p: { person: string }) =>
    `:hourglass_flowing_sand: *${p.person}*: sent to Microsoft 365, a seat held; you'll hear when it has answered.`,
  "tenant.pending.bulk": (p: { count: number }) =>
    `:hourglass_flowing_sand: ${count(p.count, nouns.change)} sent to Microsoft 365; ` +
    "you'll get a message when the tenant has answered them all.",
} as const;
