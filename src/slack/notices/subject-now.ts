import {
  loadSubjectStates,
  type MailboxState,
  type WindowState,
} from "../../licensing/reminders/load-subject-states.ts";
import type { SlackDeps } from "../slack-deps.ts";

/** A restore window as it is now, for the answer to a button on a reminder about it. */
export async function windowNow(
  deps: Pick<SlackDeps, "db">,
  input: { workspaceId: string; windowId: string },
): Promise<WindowState | undefined> {
  const states = await loadSubjectStates(deps.db, {
    workspaceId: input.workspaceId,
    windowIds: [input.windowId],
    mailboxIds: [],
    requestIds: [],
  });
  return states.windows.get(input.windowId);
}

/** A non-user mailbox as it is now, for the answer to a button on a lock warning about it. */
export async function mailboxNow(
  deps: Pick<SlackDeps, "db">,
  input: { workspaceId: string; mailboxId: string },
): Promise<MailboxState | undefined> {
  const states = await loadSubjectStates(deps.db, {
    workspaceId: input.workspaceId,
    windowIds: [],
    mailboxIds: [input.mailboxId],
    requestIds: [],
  });
  return states.mailboxes.get(input.mailboxId);
}
