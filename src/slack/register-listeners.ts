import type { App } from "@slack/bolt";
import { registerAssignFollowUps } from "./assign/register-assign-follow-ups.ts";
import { registerAuditPages } from "./audit/register-audit-pages.ts";
import { registerBulkModal } from "./bulk/register-bulk-modal.ts";
import { registerAppHome } from "./home/register-app-home.ts";
import { registerHomeActions } from "./home/register-home-actions.ts";
import { registerLanguageChoice } from "./home/register-language-choice.ts";
import { registerSetup } from "./home/register-setup.ts";
import { registerLicenseCommand } from "./license-command/register-license-command.ts";
import { registerMailboxActions } from "./mailboxes/register-mailbox-actions.ts";
import { registerLocationChange } from "./people/register-location-change.ts";
import { registerProductsModal } from "./products/register-products-modal.ts";
import { registerEventListeners } from "./register-events.ts";
import { registerRemoveConfirmation } from "./remove/submit-remove-confirmation.ts";
import { registerRequestDecision } from "./requests/register-request-decision.ts";
import { registerWindowReminderActions } from "./restore/register-window-reminder-actions.ts";
import type { SlackDeps } from "./slack-deps.ts";
import { registerTenant } from "./tenant/register-tenant.ts";

/** Every listener, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerLicenseCommand(app, deps);
  registerRemoveConfirmation(app, deps);
  registerBulkModal(app, deps);
  registerAppHome(app, deps);
  registerHomeActions(app, deps);
  registerSetup(app, deps);
  registerTenant(app, deps);
  registerLanguageChoice(app, deps);
  registerEventListeners(app, deps);
  registerRequestDecision(app, deps);
  registerAuditPages(app, deps);
  registerMailboxActions(app, deps);
  registerProductsModal(app, deps);
  registerWindowReminderActions(app, deps);
  registerLocationChange(app, deps);
  registerAssignFollowUps(app, deps);
}
