import type { failures as english } from "../en/failures.ts";
import type { Messages } from "../messages.ts";

/** Vad en person läser efter ett fel som kan ha lämnat en ändring efter sig: aldrig "inget ändrades" utan att veta det. */
export const failures = {
  "busy.try_again": () =>
    "License Desk har mycket att göra just nu och tog inte emot det här, så inget gjordes. Försök igen om en stund.",
  "failure.applied": () =>
    "Anslutningen till databasen bröts precis när ändringen sparades, och den sparades: du behöver inte göra om den. `/license show @person` visar läget.",
  "failure.unknown": () =>
    "Anslutningen till databasen bröts medan ändringen sparades, så den kan ha genomförts. Kontrollera med `/license show @person` eller `/license audit` innan du försöker igen.",
  "failure.person.applied": (p) =>
    `:warning: *${p.person}*: anslutningen till databasen bröts precis när ändringen sparades, och den sparades.`,
  "failure.person.unknown": (p) =>
    `:warning: *${p.person}*: anslutningen till databasen bröts medan ändringen sparades, så den kan ha genomförts. Kontrollera med \`/license show\` innan du försöker igen.`,
} satisfies Messages<typeof english>;
