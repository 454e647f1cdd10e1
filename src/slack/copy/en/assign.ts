import { count, nouns } from "./plural.ts";

/** The outcome of assigning a product to one or several people. */
export const assign = {
  "assign.summary.one": (p: { person: string; product: string }) =>
    `Assigned *${p.product}* to *${p.person}*.`,
  "assign.summary.many": (p: { assigned: number; product: string }) =>
    `Assigned *${p.product}* to ${count(p.assigned, nouns.person)}.`,
  "assign.summary.partial": (p: { assigned: number; failed: number; product: string }) =>
    `Assigned *${p.product}* to ${count(p.assigned, nouns.person)}; ` +
    `${count(p.failed, nouns.person)} could not get it.`,
  "assign.summary.none": (p: { product: string }) => `Could not assign *${p.product}*.`,
  "assign.person.done": (p: { person: string; services: string }) =>
    `:white_check_mark: *${p.person}*: turned on ${p.services}.`,
  "assign.person.done_nothing": (p: { person: string }) =>
    `:white_check_mark: *${p.person}*: assigned, but none of its services could be turned on.`,
  "assign.person.restored": () => "The data kept since the removal is restored.",
  "assign.person.unexpected": (p: { person: string }) =>
    `:warning: *${p.person}*: something went wrong, and nothing was changed for them. Try again for them alone.`,
  "assign.skipped.UNAVAILABLE_IN_LOCATION": (p: { services: string; location: string }) =>
    `Skipped ${p.services}: not available in their usage location ${p.location}.`,
  "assign.failures.heading": () => "*Not assigned:*",
  "assign.person.failed": (p: { person: string; message: string }) => `:warning: *${p.person}*: ${p.message}`,
  "assign.seats": (p: { product: string; seats: string }) => `*${p.product}*: ${p.seats}`,
  "assign.fallback": (p: { product: string; assigned: number; failed: number }) =>
    p.failed === 0
      ? `Assigned ${p.product} to ${count(p.assigned, nouns.person)}.`
      : `Assigned ${p.product} to ${count(p.assigned, nouns.person)}; ` +
        `${count(p.failed, nouns.person)} could not get it.`,
} as const;
