import type { events as english } from "../en/events.ts";
import type { Messages } from "../messages.ts";
import { restorableUntil } from "./window.ts";

/** Vad administratörer får veta när katalogen ändras: nya personer utan standardlicenser, och de som slutar. */
export const events = {
  "events.joined.no_seats": (p) =>
    `${p.person} gick med i arbetsytan men fick inga av standardlicenserna: det finns inte tillräckligt med licenser för ${p.shortfalls}. Frigör eller köp licenser och tilldela dem sedan med \`/license assign\`.`,
  "events.joined.refused": (p) =>
    `${p.person} gick med i arbetsytan men fick inga av standardlicenserna. ${p.reason}`,
  "events.joined.shortfall": (p) => `${p.product} (${p.missing} saknas)`,
  "events.offboarded.at_risk": (p) =>
    `${p.person} inaktiverades i Slack: personens licenser är borttagna och licenserna frigjorda. Den här informationen ${restorableUntil(p.date)}:`,
  "events.offboarded.nothing_lost": (p) =>
    `${p.person} inaktiverades i Slack: ${p.products} borttagna och licenserna frigjorda. Ingen information går förlorad.`,
  "events.offboarded.item": (p) => `• ${p.product}, ${p.service}: ${p.description}`,
  "events.offboarded.survives": (p) => `Finns kvar efter borttagningen: ${p.items}.`,
} satisfies Messages<typeof english>;
