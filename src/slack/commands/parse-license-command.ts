import type { PersonRef } from "./command-context.ts";

export type ParseProblem =
  | { code: "UNKNOWN_SUBCOMMAND"; word: string }
  | { code: "TOO_MANY_PEOPLE"; max: number }
  | { code: "MISSING_PERSON" | "MISSING_PRODUCT" | "BAD_QUANTITY" | "BAD_LOCATION" | "TOO_LONG" | "OTHER" };

export type ParsedCommand =
  | { kind: "help" }
  | { kind: "status" }
  | { kind: "bulk" }
  | { kind: "show"; person?: PersonRef }
  | { kind: "assign"; people: PersonRef[]; product: string }
  | { kind: "remove" | "restore"; person: PersonRef; product: string }
  | { kind: "request"; product: string; person?: PersonRef; reason: string }
  | { kind: "seats"; product: string; quantity: number }
  | { kind: "location"; person: PersonRef; location: string }
  | { kind: "admins"; grant: boolean; person: PersonRef }
  | { kind: "invalid"; problem: ParseProblem };

export const MAX_COMMAND_LENGTH = 4000;
export const MAX_PEOPLE_PER_COMMAND = 100;

const invalid = (problem: ParseProblem): ParsedCommand => ({ kind: "invalid", problem });

/**
 * `/license` text as Slack sends it with `should_escape: true`: mentions as `<@U123|name>` or
 * `<@U123>`, `&`, `<` and `>` escaped. Splits it into a command; people and products are looked
 * up later. Never throws: any text gets a command or a problem to explain.
 */
export function parseLicenseCommand(text: string): ParsedCommand {
  if (text.length > MAX_COMMAND_LENGTH) return invalid({ code: "TOO_LONG" });
  const tokens = tokenize(text);
  const [first, ...rest] = tokens;
  const sub = first?.toLowerCase() ?? "help";
  switch (sub) {
    case "help":
      return { kind: "help" };
    case "status":
      return { kind: "status" };
    case "bulk":
      return { kind: "bulk" };
    case "show": {
      if (rest.length === 0) return { kind: "show" };
      const person = personRef(rest[0] as string);
      return person && rest.length === 1 ? { kind: "show", person } : invalid({ code: "MISSING_PERSON" });
    }
    case "assign": {
      const people: PersonRef[] = [];
      let i = 0;
      for (; i < rest.length; i++) {
        const person = personRef(rest[i] as string);
        if (!person) break;
        if (!people.some((p) => samePerson(p, person))) people.push(person);
      }
      if (people.length === 0) return invalid({ code: "MISSING_PERSON" });
      if (people.length > MAX_PEOPLE_PER_COMMAND)
        return invalid({ code: "TOO_MANY_PEOPLE", max: MAX_PEOPLE_PER_COMMAND });
      const product = words(rest.slice(i));
      return product ? { kind: "assign", people, product } : invalid({ code: "MISSING_PRODUCT" });
    }
    case "remove":
    case "restore": {
      const person = rest[0] ? personRef(rest[0]) : null;
      if (!person) return invalid({ code: "MISSING_PERSON" });
      const product = words(rest.slice(1));
      return product ? { kind: sub, person, product } : invalid({ code: "MISSING_PRODUCT" });
    }
    case "request":
      return parseRequest(rest);
    case "seats": {
      const last = rest.at(-1);
      if (!last || !/^\d{1,7}$/.test(last)) return invalid({ code: "BAD_QUANTITY" });
      const product = words(rest.slice(0, -1));
      if (!product) return invalid({ code: "MISSING_PRODUCT" });
      return { kind: "seats", product, quantity: Number(last) };
    }
    case "location": {
      const person = rest[0] ? personRef(rest[0]) : null;
      if (!person) return invalid({ code: "MISSING_PERSON" });
      const code = rest[1];
      if (!code || rest.length !== 2 || !/^[A-Za-z]{2}$/.test(code)) return invalid({ code: "BAD_LOCATION" });
      return { kind: "location", person, location: code.toUpperCase() };
    }
    case "admins":
    case "admin": {
      const action = rest[0]?.toLowerCase();
      const person = rest[1] ? personRef(rest[1]) : null;
      if (action !== "add" && action !== "remove") return invalid({ code: "OTHER" });
      if (!person || rest.length !== 2) return invalid({ code: "MISSING_PERSON" });
      return { kind: "admins", grant: action === "add", person };
    }
    default:
      return invalid({ code: "UNKNOWN_SUBCOMMAND", word: (first ?? "").slice(0, 40) });
  }
}

/** `request <product…> [for <person>] [because <reason…>]` */
function parseRequest(rest: string[]): ParsedCommand {
  const because = rest.findIndex((t) => t.toLowerCase() === "because");
  const head = because >= 0 ? rest.slice(0, because) : rest;
  const reason = because >= 0 ? words(rest.slice(because + 1)) : "";
  const forAt = head.findIndex((t) => t.toLowerCase() === "for");
  const product = words(forAt >= 0 ? head.slice(0, forAt) : head);
  if (!product) return invalid({ code: "MISSING_PRODUCT" });
  if (forAt < 0) return { kind: "request", product, reason };
  const person = head[forAt + 1] ? personRef(head[forAt + 1] as string) : null;
  if (!person || head.length !== forAt + 2) return invalid({ code: "MISSING_PERSON" });
  return { kind: "request", product, person, reason };
}

/** Words, with "double-quoted phrases" kept whole and Slack's escapes undone. */
function tokenize(text: string): string[] {
  const plain = text
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, " ")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&");
  const tokens: string[] = [];
  for (const match of plain.matchAll(/"([^"]*)"|(\S+)/g)) {
    const token = (match[1] ?? match[2] ?? "").trim();
    if (token) tokens.push(token);
  }
  return tokens;
}

const MENTION = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/;
const EMAIL = /^(?:mailto:)?([^\s@<>|]+@[^\s@<>|]+\.[^\s@<>|]+)$/i;

/** A person as Slack writes them in command text: a mention, or an email address (Slack may link it). */
function personRef(token: string): PersonRef | null {
  const mention = MENTION.exec(token);
  if (mention) return { kind: "user", userId: mention[1] as string };
  const linked = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(token);
  const email = EMAIL.exec(linked ? (linked[1] as string) : token);
  return email ? { kind: "email", email: (email[1] as string).toLowerCase() } : null;
}

const samePerson = (a: PersonRef, b: PersonRef) =>
  a.kind === "user" && b.kind === "user"
    ? a.userId === b.userId
    : a.kind === "email" && b.kind === "email" && a.email === b.email;

const words = (tokens: string[]) => tokens.join(" ").replace(/\s+/g, " ").trim();
