import type { App } from "@slack/bolt";
import type { SlackDeps } from "../app.ts";

/** Every listener, registered in one place. */
export function registerListeners(_app: App, _deps: SlackDeps): void {}
