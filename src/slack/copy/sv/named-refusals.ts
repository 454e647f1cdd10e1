import type { namedRefusals as english } from "../en/named-refusals.ts";
import type { Messages } from "../messages.ts";

/**
 * Avslag som nämner vem och vad de gäller ("*Bo Berg* har inte *Exchange Online*"), när
 * användningsfallet vet det. Nästa steg kommer från `next-steps.ts`.
 */
const whatCannot = (product: string | null) => (product ? `kan *${product}* inte` : "kan ingen licens");

export const namedRefusals = {
  "error.named.ALREADY_ASSIGNED": (p) => `*${p.person}* har redan *${p.product}*.`,
  "error.named.NOT_ASSIGNED": (p) => `*${p.person}* har inte *${p.product}*.`,
  "error.named.INHERITED_FROM_GROUP": (p) =>
    `*${p.person}* får *${p.product}* från gruppen *${p.group}* i Microsoft 365: den kan bara tas bort från gruppen.`,
  "error.named.PERSON_DEACTIVATED": (p) =>
    `*${p.person}* är inaktiverad, så ${whatCannot(p.product)} ges till personen.`,
  "error.named.USAGE_LOCATION_REQUIRED": (p) =>
    `*${p.person}* har ingen användningsplats, och arbetsytan har ingen standard, så ${whatCannot(p.product)} ges till personen.`,
  "error.named.WINDOW_CLOSED": (p) =>
    `Ångerperioden för *${p.product}* hos *${p.person}* är slut${p.date ? ` (${p.date})` : ""}: informationen är borta för gott.`,
  "error.named.NOTHING_TO_RESTORE": (p) =>
    `Ingen information från *${p.product}* väntar för *${p.person}*: licensen togs inte bort, eller informationen kom tillbaka med en annan licens.`,
  "error.named.NO_INSTALLABLE_SERVICE": (p) =>
    `*${p.person}* har ingen Office-tjänst att installera genom *${p.product}*.`,
  "error.named.DUPLICATE_REQUEST": (p) =>
    `En begäran om *${p.product}* för *${p.person}* väntar redan på en administratör.`,
  "error.named.REQUESTER_ADMINISTERS": (p) =>
    `Du administrerar licenser, så det finns ingen att be om *${p.product}*.`,
} satisfies Messages<typeof english>;
