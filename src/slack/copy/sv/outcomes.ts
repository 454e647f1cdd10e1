import type { outcomes as english } from "../en/outcomes.ts";
import type { Messages } from "../messages.ts";
import { restorableUntil } from "./window.ts";

/** " av <@U…>", eller inget när appen själv gjorde det eller posten inte längre säger vem. */
const by = (who: string | null) => (who ? ` av <@${who}>` : "");

/**
 * Vad som blev av en påminnelses ämne, som ett fragment som går att läsa både på påminnelsen i
 * stället för dess knappar ("Återställd av …") och i svaret på en knapp som kom för sent
 * ("Redan återställd av …"). `date` är redan formaterat för läsaren.
 */
export const outcomes = {
  "outcome.window.restored": (p) =>
    `återställd${by(p.who)} den ${p.date}: licensen och dess information är tillbaka`,
  "outcome.window.let_expire": (p) =>
    `markerad att löpa ut${by(p.who)} den ${p.date}, så inga fler påminnelser: informationen ${restorableUntil(p.until)}`,
  "outcome.window.purged": (p) => `raderad för gott den ${p.date}, när ångerperioden tog slut`,
  "outcome.window.gone": () => "borta ur registret: det finns inget kvar att återställa",
  "outcome.mailbox.licensed": (p) =>
    `licensierad med ${p.product}${by(p.who)}${p.date ? ` den ${p.date}` : ""}: den kommer inte att låsas`,
  "outcome.mailbox.under_quota": (p) =>
    `tillbaka under sin kvot, enligt registreringen${by(p.who)} den ${p.date}: den behöver ingen licens och kommer inte att låsas`,
  "outcome.mailbox.gone": () => "borta ur registret: det finns inget att licensiera",
  "outcome.request.approved": (p) => `godkänd${by(p.who)} den ${p.date}`,
  "outcome.request.denied": (p) => `avslagen${by(p.who)} den ${p.date}`,
  "outcome.request.cancelled": (p) => `tillbakadragen${by(p.who)} den ${p.date}`,
  "outcome.request.expired": (p) => `utgången den ${p.date}: ingen administratör beslutade i tid`,
  "outcome.request.gone": () => "borta ur registret: det finns inget att avgöra",
  /** På påminnelsen, där knapparna fanns. */
  "outcome.line": (p) => `*${p.what.charAt(0).toUpperCase()}${p.what.slice(1)}.*`,
  /** Svaret på en knapp vars ämne redan var avgjort: inget mer händer. */
  "outcome.already": (p) => `Redan ${p.what}. Inget ändrades.`,
} satisfies Messages<typeof english>;
