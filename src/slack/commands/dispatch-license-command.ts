import { en } from "../copy/en.ts";
import { escapeMrkdwn } from "../copy/format.ts";
import { assignLicense } from "./assign-license.ts";
import { showAudit } from "./audit-log.ts";
import type { CommandContext } from "./command-context.ts";
import { exportLicenses } from "./export.ts";
import { showMailboxes } from "./mailboxes.ts";
import { manageAdmins } from "./manage-admins.ts";
import { openBulkForm } from "./open-bulk-form.ts";
import type { ParsedCommand, ParseProblem } from "./parse-license-command.ts";
import { manageProducts } from "./products.ts";
import { removeLicense } from "./remove-license.ts";
import { requestLicense } from "./request-license.ts";
import { restoreLicense } from "./restore-license.ts";
import { setLocation } from "./set-location.ts";
import { setSeats } from "./set-seats.ts";
import { showPerson } from "./show-person.ts";
import { showStatus } from "./show-status.ts";

/** Sends a parsed `/license` command to its handler; text it could not parse gets the usage. */
export async function dispatchLicenseCommand(ctx: CommandContext, command: ParsedCommand): Promise<void> {
  switch (command.kind) {
    case "help":
      return ctx.reply({ text: `${en["help.title"]()}\n${en["help.usage"]()}` });
    case "invalid":
      return ctx.reply({
        text: `${en["help.problem"]({ problem: problemText(command.problem) })}\n\n${en["help.usage"]()}`,
      });
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
    case "admins":
      return manageAdmins(ctx, { grant: command.grant, person: command.person });
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
  }
}

function problemText(problem: ParseProblem): string {
  switch (problem.code) {
    case "UNKNOWN_SUBCOMMAND":
      return en["parse.UNKNOWN_SUBCOMMAND"]({ word: escapeMrkdwn(problem.word) });
    case "TOO_MANY_PEOPLE":
      return en["parse.TOO_MANY_PEOPLE"]({ max: problem.max });
    default:
      return en[`parse.${problem.code}`]();
  }
}
