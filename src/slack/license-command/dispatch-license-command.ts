import { assignLicense } from "../assign/assign-license.ts";
import { showAudit } from "../audit/audit-log.ts";
import { openBulkForm } from "../bulk/open-bulk-form.ts";
import type { Catalog } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { exportLicenses } from "../export/export-licenses.ts";
import { showMailboxes } from "../mailboxes/show-mailboxes.ts";
import { manageAdmins } from "../people/manage-admins.ts";
import { setDefaultLanguage, setLanguage } from "../people/set-language.ts";
import { setDefaultLocation, setLocation } from "../people/set-location.ts";
import { setNotices } from "../people/set-notices.ts";
import { showPerson } from "../people/show-person.ts";
import { manageProducts } from "../products/manage-products.ts";
import { setSeats } from "../products/set-seats.ts";
import { showStatus } from "../products/show-status.ts";
import { removeLicense } from "../remove/remove-license.ts";
import { requestLicense } from "../requests/request-license.ts";
import { restoreLicense } from "../restore/restore-license.ts";
import { showTenant } from "../tenant/show-tenant.ts";
import { syncWithTenant } from "../tenant/sync-with-tenant.ts";
import type { CommandContext } from "./command-context.ts";
import type { ParsedCommand, ParseProblem } from "./parse-license-command.ts";

/** Sends a parsed `/license` command to its handler; text it could not parse gets the usage. */
export async function dispatchLicenseCommand(ctx: CommandContext, command: ParsedCommand): Promise<void> {
  const { t } = ctx;
  switch (command.kind) {
    case "help":
      return ctx.reply({ text: `${t["help.title"]()}\n${t["help.usage"]()}` });
    case "invalid":
      return ctx.reply({ text: invalidText(t, command) });
    case "status":
      return showStatus(ctx);
    case "show":
      return showPerson(ctx, { person: command.person });
    case "assign":
      return assignLicense(ctx, { people: command.people, product: command.product });
    case "remove":
      return removeLicense(ctx, { person: command.person, product: command.product });
    case "restore":
      return restoreLicense(ctx, { person: command.person, product: command.product });
    case "request":
      return requestLicense(ctx, command);
    case "seats":
      return setSeats(ctx, { product: command.product, quantity: command.quantity });
    case "location":
      return setLocation(ctx, { person: command.person, location: command.location });
    case "default-location":
      return setDefaultLocation(ctx, { location: command.location });
    case "admins":
      return manageAdmins(ctx, { grant: command.grant, person: command.person });
    case "language":
      return setLanguage(ctx, { language: command.language });
    case "default-language":
      return setDefaultLanguage(ctx, { language: command.language });
    case "notices":
      return setNotices(ctx, { on: command.on });
    case "bulk":
      return openBulkForm(ctx);
    case "audit":
      return showAudit(ctx, { person: command.person });
    case "mailboxes":
      return showMailboxes(ctx);
    case "products":
      return manageProducts(ctx);
    case "export":
      return exportLicenses(ctx);
    case "sync":
      return syncWithTenant(ctx);
    case "tenant":
      return showTenant(ctx);
  }
}

/**
 * What text that does not parse gets: the problem, and the usage of the one subcommand it was, or
 * looks like, with a "did you mean"; the whole list only when it looks like none of them.
 */
function invalidText(t: Catalog, command: Extract<ParsedCommand, { kind: "invalid" }>): string {
  const problem = t["help.problem"]({ problem: problemText(t, command.problem) });
  const suggestion = command.problem.code === "UNKNOWN_SUBCOMMAND" ? command.problem.suggestion : undefined;
  if (suggestion)
    return `${problem} ${t["help.did_you_mean"]({ subcommand: suggestion })}\n${t["help.usage_of"]({ subcommand: suggestion })}`;
  if (command.subcommand) return `${problem}\n${t["help.usage_of"]({ subcommand: command.subcommand })}`;
  return `${problem}\n\n${t["help.usage"]()}`;
}

function problemText(t: Catalog, problem: ParseProblem): string {
  switch (problem.code) {
    case "UNKNOWN_SUBCOMMAND":
      return t["parse.UNKNOWN_SUBCOMMAND"]({ word: escapeMrkdwn(problem.word) });
    case "TOO_MANY_PEOPLE":
      return t["parse.TOO_MANY_PEOPLE"]({ max: problem.max });
    default:
      return t[`parse.${problem.code}`]();
  }
}
