/** Who a user id is, for `<@U123>`; undefined when unknown (the id is shown instead). */
export type NameOf = (userId: string) => string | undefined;

/** The emoji the app uses, as a terminal can show them; others stay as :name:. */
const EMOJI: Record<string, string> = {
  white_check_mark: "✓",
  warning: "⚠",
  no_entry: "⛔",
  lock: "🔒",
  inbox_tray: "📥",
  x: "✗",
};

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&" };

/**
 * Slack's mrkdwn as a terminal shows it: mentions become @name, channels #name, dates their
 * fallback, links "text (url)"; *bold*, _italic_, ~strike~ and `code` lose their marks; entities
 * are unescaped last, so `&lt;` stays a character.
 */
export function cleanMrkdwn(text: string, nameOf: NameOf = () => undefined): string {
  const linked = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => special(inner, nameOf));
  return stripMarks(linked.replace(/```\n?([\s\S]*?)\n?```/g, "$1").replace(/`([^`\n]+)`/g, "$1"))
    .split("\n")
    .map((line) => line.replace(/^&gt; ?/, "│ "))
    .join("\n")
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole)
    .replace(/&(lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity);
}

function special(inner: string, nameOf: NameOf): string {
  const [target = "", label] = splitLabel(inner);
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `@${nameOf(id) ?? label ?? id}`;
  }
  if (target.startsWith("#")) return `#${label ?? target.slice(1)}`;
  if (target.startsWith("!date^")) return label ?? target;
  if (target.startsWith("!subteam^")) return label ?? "@group";
  if (target.startsWith("!")) return `@${target.slice(1)}`;
  if (label === undefined) return target;
  return label === target ? target : `${label} (${target})`;
}

function splitLabel(inner: string): [string, string | undefined] {
  const bar = inner.indexOf("|");
  return bar < 0 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
}

/** Emphasis marks around words, as Slack reads them: a mark opens after a boundary and closes before one. */
function stripMarks(text: string): string {
  let out = text;
  for (const mark of ["*", "_", "~"]) {
    const m = mark === "*" ? "\\*" : mark;
    const pattern = new RegExp(
      `(^|[\\s(\\[{"'“‘>:;,.!?/-])${m}([^\\s${m}](?:[^${m}\\n]*[^\\s${m}])?)${m}(?=$|[\\s)\\]}"'”’<:;,.!?/-])`,
      "gm",
    );
    out = out.replace(pattern, "$1$2");
  }
  return out;
}
