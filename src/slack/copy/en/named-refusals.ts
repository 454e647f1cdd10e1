/**
 * Refusals that name whom and what they are about ("*Bo Berg* doesn't have *Exchange Online*"),
 * used when the use case knows them. The next step follows from `next-steps.ts`.
 */
type Named = { person: string; product: string };

const whatCannot = (product: string | null) => (product ? `*${product}* cannot` : "no license can");

export const namedRefusals = {
  "error.named.ALREADY_ASSIGNED": (p: Named) => `*${p.person}* already has *${p.product}*.`,
  "error.named.NOT_ASSIGNED": (p: Named) => `*${p.person}* doesn't have *${p.product}*.`,
  "error.named.INHERITED_FROM_GROUP": (p: Named & { group: string }) =>
    `*${p.person}* gets *${p.product}* from the Microsoft 365 group *${p.group}*: it can only be taken away from the group.`,
  "error.named.PERSON_DEACTIVATED": (p: { person: string; product: string | null }) =>
    `*${p.person}* is deactivated, so ${whatCannot(p.product)} be given to them.`,
  "error.named.USAGE_LOCATION_REQUIRED": (p: { person: string; product: string | null }) =>
    `*${p.person}* has no usage location, and the workspace has no default, so ${whatCannot(p.product)} be given to them.`,
  "error.named.WINDOW_CLOSED": (p: Named & { date: string | null }) =>
    `The restore window of *${p.person}*'s *${p.product}* has ended${p.date ? ` (${p.date})` : ""}: the data is gone for good.`,
  "error.named.NOTHING_TO_RESTORE": (p: Named) =>
    `No data of *${p.product}* is waiting for *${p.person}*: it was not removed, or its data came back with another license.`,
  "error.named.NO_INSTALLABLE_SERVICE": (p: Named) =>
    `*${p.person}* has no Office service to install through *${p.product}*.`,
  "error.named.DUPLICATE_REQUEST": (p: Named) =>
    `A request for *${p.product}* for *${p.person}* is already waiting for an admin.`,
  "error.named.REQUESTER_ADMINISTERS": (p: { product: string }) =>
    `You administer licenses, so there is no one to ask for *${p.product}*.`,
} as const;
