import type { exportCopy as english } from "../en/export.ts";
import type { Messages } from "../messages.ts";

/** `/license export`: CSV-filerna, skickade till administratören. */
export const exportCopy = {
  "export.working": () => "Exporten förbereds… filerna kommer som ett direktmeddelande från License Desk.",
  "export.comment": (p) =>
    `Export från License Desk ${p.date}: licenser, tilldelningar, ångerperioder och granskningsloggen, som CSV.`,
  "export.title.seats": () => "Licenser",
  "export.title.assignments": () => "Tilldelningar",
  "export.title.restore-windows": () => "Ångerperioder",
  "export.title.audit-log": () => "Granskningslogg",
  "export.done": (p) => `Exporten är skickad som ett direktmeddelande. Rader: ${p.summary}.`,
  "export.count": (p) => `${p.title.toLowerCase()} ${p.rows}`,
  "export.failed": () => "Slack tog inte emot filerna; inget skickades. Försök igen.",
} satisfies Messages<typeof english>;
