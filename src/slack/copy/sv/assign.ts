import type { assign as english } from "../en/assign.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** Utfallet av att tilldela en produkt till en eller flera personer. */
export const assign = {
  "assign.summary.one": (p) => `*${p.product}* är tilldelad till *${p.person}*.`,
  "assign.summary.many": (p) => `*${p.product}* är tilldelad till ${count(p.assigned, nouns.person)}.`,
  "assign.summary.partial": (p) =>
    `*${p.product}* är tilldelad till ${count(p.assigned, nouns.person)}; ` +
    `${count(p.failed, nouns.person)} kunde inte få den.`,
  "assign.summary.none": (p) => `*${p.product}* kunde inte tilldelas.`,
  "assign.person.done": (p) => `:white_check_mark: *${p.person}*: slog på ${p.services}.`,
  "assign.person.done_nothing": (p) =>
    `:white_check_mark: *${p.person}*: tilldelad, men ingen av dess tjänster kunde slås på.`,
  "assign.person.restored": () => "Informationen som sparats sedan borttagningen är återställd.",
  "assign.person.unexpected": (p) =>
    `:warning: *${p.person}*: något gick fel, och inget ändrades för personen. Försök igen med bara den personen.`,
  "assign.skipped.UNAVAILABLE_IN_LOCATION": (p) =>
    `Hoppade över ${p.services}: går inte att använda på personens användningsplats ${p.location}.`,
  "assign.failures.heading": () => "*Inte tilldelad:*",
  "assign.person.failed": (p) => `:warning: *${p.person}*: ${p.message}`,
  "assign.seats": (p) => `*${p.product}*: ${p.seats}`,
  "assign.fallback": (p) =>
    p.failed === 0
      ? `${p.product} är tilldelad till ${count(p.assigned, nouns.person)}.`
      : `${p.product} är tilldelad till ${count(p.assigned, nouns.person)}; ` +
        `${count(p.failed, nouns.person)} kunde inte få den.`,
} satisfies Messages<typeof english>;
