import { and, eq, ne } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { requestMessages } from "../../db/schema/index.ts";
import { isLanguage, type Language } from "../../licensing/language/reader-language.ts";

/** A copy is claimed before it is posted; until Slack answers it has no timestamp. */
const UNPOSTED = "";

export interface RequestCopy {
  channelId: string;
  messageTs: string;
  /** The language it was posted in: a channel's default, or the approver's own. */
  language: Language;
}

/**
 * Claims the right to post a request to a channel: true once per request and channel, across
 * instances and retries, so an approver never gets the same request twice.
 */
export async function claimCopy(
  db: Database,
  input: { workspaceId: string; requestId: string; channelId: string; at: Date; language: Language },
): Promise<boolean> {
  const claimed = await db
    .insert(requestMessages)
    .values({ ...input, messageTs: UNPOSTED, postedAt: input.at })
    .onConflictDoNothing()
    .returning({ channelId: requestMessages.channelId });
  return claimed.length > 0;
}

/** Records where the copy landed, so a decision can update it. */
export async function recordCopy(
  db: Database,
  input: { requestId: string; channelId: string; messageTs: string },
): Promise<void> {
  await db
    .update(requestMessages)
    .set({ messageTs: input.messageTs })
    .where(
      and(eq(requestMessages.requestId, input.requestId), eq(requestMessages.channelId, input.channelId)),
    );
}

/** Gives a claim back after the post failed, so that announcing again may try that channel again. */
export async function releaseCopy(
  db: Database,
  input: { requestId: string; channelId: string },
): Promise<void> {
  await db
    .delete(requestMessages)
    .where(
      and(
        eq(requestMessages.requestId, input.requestId),
        eq(requestMessages.channelId, input.channelId),
        eq(requestMessages.messageTs, UNPOSTED),
      ),
    );
}

/** Every posted copy of a request. */
export async function listCopies(
  db: Database,
  input: { workspaceId: string; requestId: string },
): Promise<RequestCopy[]> {
  const copies = await db
    .select({
      channelId: requestMessages.channelId,
      messageTs: requestMessages.messageTs,
      language: requestMessages.language,
    })
    .from(requestMessages)
    .where(
      and(
        eq(requestMessages.workspaceId, input.workspaceId),
        eq(requestMessages.requestId, input.requestId),
        ne(requestMessages.messageTs, UNPOSTED),
      ),
    );
  return copies.map((copy) => ({ ...copy, language: isLanguage(copy.language) ? copy.language : "en" }));
}
