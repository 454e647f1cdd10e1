import { neutralise } from "../licensing/text.ts";
import type { LineSource } from "./line-source.ts";
import { Cancelled, type ConsoleOutput, StepFailure } from "./line-source.ts";
import { type ElementJson, type OptionJson, optionsOf, pickFrom } from "./render/choices.ts";
import { words } from "./words.ts";

export interface InputBlock {
  type: "input";
  block_id?: string;
  label?: { text?: string };
  optional?: boolean;
  element?: ElementJson;
}

export interface Person {
  id: string;
  name: string;
  real_name: string;
}

/** An input's value as Slack puts it in `view.state.values[block_id][action_id]`. */
export type StateValue = Record<string, unknown> & { type: string };

/** The input ran out (end of the script, or Ctrl-D). */
export class EndOfInput extends Error {}

export interface QuestionContext {
  source: LineSource;
  out: ConsoleOutput;
  people: Person[];
  prompt: string;
  /** The app's own rule for a typed field of this form (by block id): what is wrong, or undefined. */
  fieldProblem?: (blockId: string, typed: string) => string | undefined;
}

/**
 * Asks for one input of a modal, showing its current value: text as typed, numbers checked, menus
 * from their options (by number or text), people by @name. Enter (or `-`) keeps the current value
 * or leaves an optional field empty; `cancel` closes the modal. A typed answer the form's own rule
 * refuses is asked again with the reason, at a terminal and in a script alike.
 */
export async function askInput(block: InputBlock, ctx: QuestionContext): Promise<StateValue> {
  const element = block.element ?? { type: "plain_text_input" };
  const label = block.label?.text ?? block.block_id ?? "";
  const optional = block.optional === true;
  const choices = choicesOf(element, ctx.people);
  ctx.out.line(words.modalQuestion(label, optional, currentValue(element, ctx.people)).trimEnd());
  ctx.out.lines(
    choices.map((c, i) => `${i + 1}. ${c.label}`),
    "   ",
  );
  for (;;) {
    const answer = await ctx.source.read(ctx.prompt, { inModal: true });
    if (answer === undefined) throw new EndOfInput();
    if (answer.toLowerCase() === "cancel") throw new Cancelled();
    const empty = answer === "" || answer === "-";
    const value = empty ? emptyValue(element, optional) : answerValue(element, answer, choices);
    if (typeof value !== "string") {
      const problem = empty ? undefined : ctx.fieldProblem?.(block.block_id ?? "", answer);
      if (!problem) return value;
      ctx.out.line(words.fieldError(label, problem));
      continue;
    }
    if (!ctx.source.interactive) throw new StepFailure(`${label}: ${value}`);
    ctx.out.line(`  ${value}`);
  }
}

/** What the field holds before it is answered, as the person reads it; undefined when nothing. */
function currentValue(element: ElementJson, people: Person[]): string | undefined {
  const texts = (options: OptionJson[]) => options.map((o) => o.text.text ?? "").join(", ");
  const person = (id: string) => {
    const found = people.find((p) => p.id === id);
    return neutralise(found ? `@${found.name}` : id);
  };
  if (typeof element.initial_value === "string" && element.initial_value !== "") return element.initial_value;
  if (element.initial_option) return texts([element.initial_option as OptionJson]);
  if (Array.isArray(element.initial_options) && element.initial_options.length > 0)
    return texts(element.initial_options as OptionJson[]);
  if (typeof element.initial_user === "string") return person(element.initial_user);
  if (Array.isArray(element.initial_users) && element.initial_users.length > 0)
    return (element.initial_users as string[]).map(person).join(", ");
  return undefined;
}

interface Pickable {
  label: string;
  option?: OptionJson;
  userId?: string;
}

function choicesOf(element: ElementJson, people: Person[]): Pickable[] {
  if (element.type === "users_select" || element.type === "multi_users_select") {
    // Names from the directory, shown as the app shows them: neutralised.
    return people.map((p) => ({ label: neutralise(`@${p.name} (${p.real_name})`), userId: p.id }));
  }
  return optionsOf(element).map((option) => ({
    label: option.description?.text
      ? `${option.text.text ?? ""} — ${option.description.text}`
      : (option.text.text ?? ""),
    option,
  }));
}

const MULTI = new Set(["multi_static_select", "multi_users_select", "checkboxes", "multi_external_select"]);

/** What an unanswered input submits: its initial value if it has one; a required one asks again. */
function emptyValue(element: ElementJson, optional: boolean): StateValue | string {
  const type = element.type;
  if (element.initial_value !== undefined) return { type, value: element.initial_value };
  if (element.initial_option !== undefined) return { type, selected_option: element.initial_option };
  if (element.initial_options !== undefined) return { type, selected_options: element.initial_options };
  if (element.initial_users !== undefined) return { type, selected_users: element.initial_users };
  if (element.initial_user !== undefined) return { type, selected_user: element.initial_user };
  if (!optional) return words.required();
  if (MULTI.has(type)) {
    return type === "multi_users_select" ? { type, selected_users: [] } : { type, selected_options: [] };
  }
  if (type === "static_select" || type === "radio_buttons") return { type, selected_option: null };
  if (type === "users_select") return { type, selected_user: null };
  return { type, value: null };
}

function answerValue(element: ElementJson, answer: string, choices: Pickable[]): StateValue | string {
  const type = element.type;
  if (type === "number_input") {
    const decimal = element.is_decimal_allowed === true;
    return (decimal ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/).test(answer)
      ? { type, value: answer }
      : words.notANumber();
  }
  if (choices.length === 0) return { type, value: answer };
  const picked = (MULTI.has(type) ? answer.split(",") : [answer]).map((part) =>
    pickFrom(choices, part.trim().replace(/^@/, ""), (c) => c.label.replace(/^@/, "")),
  );
  if (picked.some((p) => p === undefined)) return words.pickOption();
  const found = picked as Pickable[];
  switch (type) {
    case "users_select":
      return { type, selected_user: found[0]?.userId };
    case "multi_users_select":
      return { type, selected_users: found.map((p) => p.userId) };
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: found.map((p) => p.option) };
    default:
      return { type, selected_option: found[0]?.option };
  }
}
