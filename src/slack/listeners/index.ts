import type { App } from "@slack/bolt";
import type { SlackDeps } from "../slack-deps.ts";
import { registerAppHome } from "./app-home.ts";
import { registerAuditPages } from "./audit-pages.ts";
import { registerBulkModal } from "./bulk-modal.ts";
import { registerEventListeners } from "./events.ts";
import { registerHomeActions } from "./home-actions.ts";
import { registerLicenseCommand } from "./license-command.ts";
import { registerMailboxActions } from "./mailbox-actions.ts";
import { registerProductsModal } from "./products-modal.ts";
import { registerRemoveConfirmation } from "./remove-confirmation.ts";
import { registerRequestDecision } from "./request-decision.ts";
import { registerWindowReminderActions } from "./window-reminder-actions.ts";

/** Every listener, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerLicenseCommand(app, deps);
  registerRemoveConfirmation(app, deps);
  registerBulkModal(app, deps);
  registerAppHome(app, deps);
  registerHomeActions(app, deps);
  registerEventListeners(app, deps);
  registerRequestDecision(app, deps);
  registerAuditPages(app, deps);
  registerMailboxActions(app, deps);
  registerProductsModal(app, deps);
  registerWindowReminderActions(app, deps);
}
