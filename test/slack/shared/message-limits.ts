import type { KnownBlock } from "@slack/types";
import { expect } from "vitest";
import type { Message } from "../../../src/slack/shared/message-parts.ts";

type AnyBlock = KnownBlock & {
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string }[];
};

/** Slack's message limits (shared/slack-platform.md), asserted one by one so a failure names the limit. */
export function expectWithinMessageLimits(message: Message): void {
  expect(message.text.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  for (const block of message.blocks as AnyBlock[]) {
    if (block.type === "section") {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
      expect(block.fields?.length ?? 0).toBeLessThanOrEqual(10);
      for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    }
    if (block.type === "header") expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(150);
    if (block.type === "context") {
      expect(block.elements?.length ?? 0).toBeLessThanOrEqual(10);
      for (const element of block.elements ?? []) expect(element.text?.length ?? 0).toBeLessThanOrEqual(3000);
    }
  }
}

/** Every mrkdwn and plain text of the message, one block a line. */
export function allText(message: Message): string {
  return (message.blocks as AnyBlock[])
    .map((block) =>
      [
        block.text?.text,
        ...(block.fields ?? []).map((f) => f.text),
        ...(block.elements ?? []).map((e) => e.text),
      ]
        .filter(Boolean)
        .join("\n"),
    )
    .join("\n");
}

/** The count in a closing "…and N more", or 0 when everything is shown. */
export function moreCount(text: string): number {
  return Number(/…and (\d+) more/.exec(text)?.[1] ?? 0);
}
