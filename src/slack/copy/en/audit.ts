import { count } from "./plural.ts";

/** `/license audit`: the latest changes, a page at a time. */
export const audit = {
  "audit.header": () => "Latest changes",
  "audit.for_person": (p: { who: string }) => `Changes made by or for ${p.who}`,
  "audit.empty": () => "No changes are recorded yet.",
  "audit.end": () => "That is the oldest change recorded.",
  "audit.next": () => "Next page",
  "audit.fallback": (p: { count: number }) =>
    `The latest ${count(p.count, { one: "change", other: "changes" })}.`,
  "audit.system": () => "License Desk",
  "audit.line": (p: { at: string; actor: string; sentence: string }) =>
    `*${p.at}* · ${p.actor} ${p.sentence}${/[.!?]$/.test(p.sentence) ? "" : "."}`,
  "audit.stale": () => "That page is no longer available; run `/license audit` again.",
} as const;
