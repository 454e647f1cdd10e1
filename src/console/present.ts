import { neutralise } from "../licensing/text.ts";
import { dmChannelFor } from "../local-slack/fake-slack-api.ts";
import type { ConsoleOutput } from "./line-source.ts";
import type { Changes, LocalSlack, Origin } from "./local-slack.ts";
import type { ChoiceBook } from "./render/choices.ts";
import type { NameOf } from "./render/mrkdwn.ts";
import { renderMessage, renderView } from "./render/render-blocks.ts";
import { saveSharedFile } from "./save-shared-file.ts";
import { words } from "./words.ts";

/**
 * Who someone is, as the console writes them: @name. The name comes from the directory, not
 * through the app, so it is neutralised here as the app neutralises what it sends.
 */
export function namer(local: LocalSlack): NameOf {
  return (userId) => {
    const name = local.fake.users.get(userId)?.name;
    return name === undefined ? undefined : neutralise(name);
  };
}

/**
 * Writes what the app sent during a step, as the acting person would come across it: replies to
 * them, then messages (theirs numbered for pressing, other people's labelled with whom they went
 * to). What can be pressed is numbered into `book`. Files shared are saved in `filesDir`, when
 * given, and their full paths said.
 */
export function presentChanges(
  local: LocalSlack,
  out: ConsoleOutput,
  changes: Changes,
  actingUserId: string,
  book: ChoiceBook<Origin>,
  filesDir?: string,
): void {
  const nameOf = namer(local);
  for (const reply of changes.replies) {
    if (reply.body.delete_original === true && !reply.body.text && !reply.body.blocks) continue;
    out.line(words.replyHeading());
    out.lines(
      renderMessage(reply.body, { nameOf, choices: book, origin: { kind: "reply", body: reply.body } }),
      "  ",
    );
  }
  for (const { message, updated } of changes.messages) {
    const mine =
      message.ephemeralTo === actingUserId ||
      message.channel === dmChannelFor(actingUserId) ||
      /^[CG]/.test(message.channel);
    out.line(words.messageHeading(addressee(message, actingUserId, nameOf), updated));
    const origin: Origin = { kind: "message", message };
    out.lines(renderMessage(message, { nameOf, ...(mine ? { choices: book, origin } : {}) }), "  ");
  }
  for (const file of changes.files) {
    const channel = file.completed?.channel ?? "";
    out.line(words.fileHeading(addressee({ channel }, actingUserId, nameOf)));
    out.line(`  ${words.file(file.filename, file.bytes?.length ?? file.length)}`);
    if (filesDir !== undefined) out.line(`  ${words.fileSaved(saveSharedFile(filesDir, file))}`);
  }
}

function addressee(
  message: { channel: string; ephemeralTo?: string },
  actingUserId: string,
  nameOf: NameOf,
): string {
  const who = (id: string) => `@${nameOf(id) ?? id}`;
  if (message.ephemeralTo) return words.ephemeralTo(who(message.ephemeralTo));
  if (message.channel === dmChannelFor(actingUserId)) return words.toYourDm();
  if (message.channel.startsWith("D")) return words.toDm(who(`U${message.channel.slice(1)}`));
  return words.toChannel(message.channel);
}

/** A modal or the Home tab, its buttons numbered into `book`. */
export function presentView(
  local: LocalSlack,
  out: ConsoleOutput,
  viewId: string,
  book: ChoiceBook<Origin>,
  options: { withoutInputs?: boolean } = {},
): Record<string, unknown> | undefined {
  const view = local.fake.views.get(viewId);
  if (!view) return undefined;
  const shown = options.withoutInputs
    ? { ...view, blocks: ((view.blocks ?? []) as { type?: string }[]).filter((b) => b.type !== "input") }
    : view;
  out.lines(renderView(shown, { nameOf: namer(local), choices: book, origin: { kind: "view", viewId } }));
  return view;
}
