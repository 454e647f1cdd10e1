import type { WebClient } from "@slack/web-api";
import type { Notice } from "../../licensing/outbox/notices.ts";
import { listNoticeCopies, type NoticeSubject } from "../../licensing/reminders/list-notice-copies.ts";
import { loadSubjectStates } from "../../licensing/reminders/load-subject-states.ts";
import { catalogFor } from "../copy/catalogs.ts";
import { describeError } from "../shared/logger.ts";
import type { SlackDeps } from "../slack-deps.ts";
import { buildJobNoticeMessage } from "./job-notice-message.ts";
import { noticeReaderLanguage } from "./notice-reader.ts";
import { settledLines } from "./subject-outcome.ts";

/** Every subject a notice shows with buttons. */
function subjectsOf(notice: Notice): { windowIds: string[]; mailboxIds: string[]; requestIds: string[] } {
  return {
    windowIds: notice.kind === "restore_reminders" ? notice.items.map((i) => i.windowId) : [],
    mailboxIds: notice.kind === "mailbox_warnings" ? notice.items.map((i) => i.mailboxId) : [],
    requestIds: notice.kind === "requests_waiting" ? notice.items.map((i) => i.requestId) : [],
  };
}

/**
 * Brings every sent reminder that shows the subject up to date, as request messages are: each of
 * its rows (this subject's and any other's) shows what became of it in place of its buttons once
 * they have nothing left to do, whoever did it and through whatever path. One copy that cannot be
 * updated does not stop the others, and a failure here never turns a done action into a failed one:
 * the reminders are only stale until the next use.
 */
export async function refreshNoticeCopies(
  deps: SlackDeps,
  client: WebClient,
  input: { workspaceId: string; subject: NoticeSubject },
): Promise<void> {
  const { workspaceId, subject } = input;
  try {
    const copies = await listNoticeCopies(deps.db, input);
    if (copies.length === 0) return;
    const wanted = copies.map((c) => subjectsOf(c.notice));
    const states = await loadSubjectStates(deps.db, {
      workspaceId,
      windowIds: wanted.flatMap((w) => w.windowIds),
      mailboxIds: wanted.flatMap((w) => w.mailboxIds),
      requestIds: wanted.flatMap((w) => w.requestIds),
    });
    // Each copy in its reader's language, as it was sent: the admins' DMs may differ from each other.
    for (const copy of copies) {
      const t = catalogFor(await noticeReaderLanguage(deps.db, workspaceId, copy.recipient));
      const message = buildJobNoticeMessage(t, copy.notice, settledLines(t, states));
      try {
        await client.chat.update({
          channel: copy.channelId,
          ts: copy.messageTs,
          text: message.text,
          blocks: message.blocks,
        });
      } catch (error) {
        deps.logger.warn("could not update a reminder", {
          ...describeError(error),
          workspaceId,
          outboxId: copy.outboxId,
          channelId: copy.channelId,
        });
      }
    }
  } catch (error) {
    deps.logger.warn("could not bring reminders up to date", {
      ...describeError(error),
      workspaceId,
      subject,
    });
  }
}
