import type { App } from "@slack/bolt";
import type { SlackDeps } from "../app.ts";
import { registerBulkModal } from "./bulk-modal.ts";
import { registerLicenseCommand } from "./license-command.ts";
import { registerRemoveConfirmation } from "./remove-confirmation.ts";

/** Every listener, registered in one place. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerLicenseCommand(app, deps);
  registerRemoveConfirmation(app, deps);
  registerBulkModal(app, deps);
}
