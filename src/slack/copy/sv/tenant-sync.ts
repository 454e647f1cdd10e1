import type { tenantSync as english } from "../en/tenant-sync.ts";
import type { Messages } from "../messages.ts";
import { count, nouns } from "./plural.ts";

/** `/license sync`: vad synkroniseringen med Microsoft 365-organisationen hittade och ändrade. */
export const tenantSync = {
  "sync.not_connected": () =>
    "Den här arbetsytan är inte ansluten till någon Microsoft 365-organisation: License Desk håller dess licenser, så det finns inget att synkronisera.",
  "sync.failed": (p) =>
    `Microsoft 365 kunde inte synkroniseras, så inget ändrades här. Det som gick fel: ${p.reason}`,
  "sync.done": () => "*Synkroniserat med Microsoft 365.*",
  "sync.no_license_changes": () => "Ingen licens ändrades i Microsoft 365 utanför License Desk.",
  "sync.changes": (p) =>
    `Ändrat i Microsoft 365, inte via License Desk: ${count(p.added, nouns.license)} tilldelade, ${p.removed} borttagna.`,
  "sync.added": (p) => `• ${p.person} fick *${p.product}*${p.fromGroup ? " via en grupp" : ""}`,
  "sync.removed": (p) =>
    `• ${p.person} förlorade *${p.product}*${p.until ? `: data kan återställas till ${p.until}` : ""}`,
  "sync.products_new": (p) => `Nya produkter från Microsoft 365: ${p.products}.`,
  "sync.products_gone": (p) =>
    `Finns inte längre i Microsoft 365 (behålls här med sin historik): ${p.products}.`,
  "sync.products_returned": (p) => `Tillbaka i Microsoft 365: ${p.products}.`,
  "sync.over_assigned": (p) =>
    `*${p.product}*: Microsoft 365 har ${count(p.tenantSeats, nouns.seat)}, men ${p.held} används. Köp fler eller frigör några där.`,
  "sync.people": (p) =>
    `${count(p.matched, nouns.person)} kopplade till Microsoft 365-användare via e-post${p.locations > 0 ? `; ${count(p.locations, nouns.location)} hämtade från Microsoft 365` : ""}.`,
  "sync.unmatched_members": (p) =>
    `${count(p.count, nouns.member)} i Slack utan Microsoft 365-användare med samma e-post: ${p.people}.`,
  "sync.unmatched_tenant_users": (p) =>
    `${count(p.count, nouns.tenantUser)} utan Slack-medlem med samma e-post: ${p.people}.`,
  "sync.outside_seats": (p) => `Licenser som används av personer som inte finns i Slack: ${p.seats}.`,
  "sync.waiting": (p) =>
    `${count(p.count, nouns.difference)} lämnade åt ändringar som License Desk fortfarande gör i Microsoft 365.`,
} satisfies Messages<typeof english>;
