import type { audit as english } from "../en/audit.ts";
import type { Messages } from "../messages.ts";

/** `/license audit`: de senaste ändringarna, en sida i taget. */
export const audit = {
  "audit.header": () => "Senaste ändringarna",
  "audit.for_person": (p) => `Ändringar gjorda av eller för ${p.who}`,
  "audit.empty": () => "Inga ändringar är registrerade än.",
  "audit.end": () => "Det är den äldsta registrerade ändringen.",
  "audit.next": () => "Nästa sida",
  "audit.fallback": (p) => (p.count === 1 ? "Den senaste ändringen." : `De ${p.count} senaste ändringarna.`),
  "audit.system": () => "License Desk",
  "audit.line": (p) => `*${p.at}* · ${p.actor} ${p.sentence}${/[.!?]$/.test(p.sentence) ? "" : "."}`,
  "audit.stale": () => "Den sidan finns inte längre; kör `/license audit` igen.",
} satisfies Messages<typeof english>;
