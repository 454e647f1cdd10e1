import type { Tx } from "../outcome.ts";
import { listApprovers } from "../requests/list-approvers.ts";
import { approvalsChannelOf } from "../workspaces/approvals-channel.ts";
import { digestKey, enqueueNotices } from "./enqueue.ts";
import type { Notice } from "./notices.ts";

/**
 * Who hears about a workspace's licenses: its approvals channel when it has one (the admins'
 * choice, else the process setting `approvalsChannel`), else every active admin (rule 10) by
 * direct message.
 */
export async function adminRecipients(
  tx: Tx,
  workspaceId: string,
  approvalsChannel: string | undefined,
): Promise<string[]> {
  const channel = await approvalsChannelOf(tx, workspaceId, approvalsChannel);
  if (channel) return [channel];
  return adminDirectMessages(tx, workspaceId);
}

/** Every active admin by direct message: also where what a channel refused goes instead. */
export async function adminDirectMessages(tx: Tx, workspaceId: string): Promise<string[]> {
  return (await listApprovers(tx, { workspaceId })).map((a) => a.slackUserId);
}

/** One digest of `notice` to everyone who hears about the workspace's licenses. */
export async function tellAdmins(
  tx: Tx,
  now: Date,
  input: { workspaceId: string; approvalsChannel?: string | undefined },
  notice: Notice,
): Promise<void> {
  const readers = await adminRecipients(tx, input.workspaceId, input.approvalsChannel);
  await enqueueNotices(
    tx,
    now,
    readers.map((channel) => ({
      workspaceId: input.workspaceId,
      dedupeKey: digestKey(notice.kind, channel, now),
      channel,
      notice,
    })),
  );
}
