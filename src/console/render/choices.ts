/** A Block Kit element as it arrives: only the fields the console reads are named. */
export interface ElementJson {
  type: string;
  action_id?: string;
  value?: string;
  url?: string;
  text?: { text?: string };
  placeholder?: { text?: string };
  options?: OptionJson[];
  option_groups?: { label?: { text?: string }; options?: OptionJson[] }[];
  [key: string]: unknown;
}

export interface OptionJson {
  text: { text?: string };
  value?: string;
  description?: { text?: string };
}

/** Something the person can press or pick, numbered in the order it was shown. */
export interface Choice<Origin> {
  number: number;
  label: string;
  element: ElementJson;
  blockId: string;
  /** Where it was shown (a message, a modal, the Home tab), so its press can say so. */
  origin: Origin;
}

/** The choices of what was shown last, numbered from 1. */
export class ChoiceBook<Origin> {
  readonly list: Choice<Origin>[] = [];

  add(label: string, element: ElementJson, blockId: string, origin: Origin): number {
    const number = this.list.length + 1;
    this.list.push({ number, label, element, blockId, origin });
    return number;
  }

  /** `3`, `pick 3`, or a label (whole, or the start of exactly one); undefined if none or several fit. */
  find(answer: string): Choice<Origin> | undefined {
    return pickFrom(this.list, answer, (c) => c.label);
  }
}

/** The item an answer names: its number (from 1), its label, or the start of one label only. */
export function pickFrom<T>(
  items: readonly T[],
  answer: string,
  labelOf: (item: T) => string,
): T | undefined {
  const wanted = answer
    .trim()
    .replace(/^pick\s+/i, "")
    .trim();
  if (wanted === "") return undefined;
  if (/^\d+$/.test(wanted)) return items[Number(wanted) - 1];
  const lower = wanted.toLowerCase();
  const exact = items.filter((item) => labelOf(item).toLowerCase() === lower);
  if (exact.length === 1) return exact[0];
  const starts = items.filter((item) => labelOf(item).toLowerCase().startsWith(lower));
  if (starts.length === 1) return starts[0];
  // "Office" among "Office (office)" and "Office Plus (plus)": the one whose name ends there, or
  // the one whose key, in brackets, it is.
  const whole = items.filter((item) => {
    const label = labelOf(item).toLowerCase();
    return (
      (label.startsWith(lower) && /^ [(—]/.test(label.slice(lower.length))) || label.includes(`(${lower})`)
    );
  });
  return whole.length === 1 ? whole[0] : undefined;
}

/** Every option of a select, its groups flattened. */
export function optionsOf(element: ElementJson): OptionJson[] {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
}
