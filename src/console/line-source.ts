import { createInterface } from "node:readline";
import { words } from "./words.ts";

/** What the console writes, kept since the last line read so that `expect` can check it. */
export class ConsoleOutput {
  #recent = "";

  constructor(private readonly stream: NodeJS.WritableStream) {}

  line(text = ""): void {
    this.#recent += `${text}\n`;
    this.stream.write(`${text}\n`);
  }

  lines(texts: string[], indent = ""): void {
    for (const text of texts) this.line(`${indent}${text}`);
  }

  /** Echoes a prompt (and, in scripts, the line answering it) without counting it as output. */
  echo(text: string): void {
    this.stream.write(text);
  }

  get recent(): string {
    return this.#recent;
  }

  startOver(): void {
    this.#recent = "";
  }
}

/** A line the person (or the script) failed: the script stops there. */
export class StepFailure extends Error {}

/** The person closed the modal instead of answering (`cancel`, its close button, or Ctrl-C). */
export class Cancelled extends Error {}

export interface ReadOptions {
  /** The line answers a modal: Ctrl-C closes the modal (the read throws Cancelled), not the console. */
  inModal?: boolean;
}

/** Where the console's lines come from: a person at a terminal, or a script. */
export interface LineSource {
  readonly interactive: boolean;
  /** The next line, `expect` lines checked on the way; undefined at the end of the input. */
  read(prompt: string, options?: ReadOptions): Promise<string | undefined>;
  /** Where the last line came from, to say where a script failed. */
  where(): string;
  close(): void;
}

/** `expect TEXT`: the output since the last line read must contain TEXT. */
function checkExpect(line: string, out: ConsoleOutput): boolean {
  const match = /^expect\s+(.+)$/i.exec(line.trim());
  if (!match?.[1]) return false;
  const text = match[1].trim();
  if (!out.recent.includes(text)) throw new StepFailure(words.expectFailed(text));
  return true;
}

/** A script's lines: comments (#) and blank lines are skipped; each line read is echoed after its prompt. */
export function scriptSource(text: string, out: ConsoleOutput): LineSource {
  const lines = text.split(/\r?\n/);
  let index = -1;
  return {
    interactive: false,
    async read(prompt) {
      for (;;) {
        index += 1;
        if (index >= lines.length) return undefined;
        const line = (lines[index] ?? "").trim();
        if (line === "" || line.startsWith("#")) continue;
        if (checkExpect(line, out)) continue;
        out.echo(`${prompt}${line}\n`);
        out.startOver();
        return line;
      }
    },
    where: () => `line ${index + 1}`,
    close() {},
  };
}

/** Lines typed at a terminal (or piped in), with a prompt before each. */
export function terminalSource(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  out: ConsoleOutput,
): LineSource {
  const rl = createInterface({ input, output, terminal: Boolean((output as { isTTY?: boolean }).isTTY) });
  const queued: string[] = [];
  /** The read waiting for a line; `cancel` is set while it answers a modal. */
  let waiting: { resolve: (line: string | undefined) => void; cancel?: () => void } | undefined;
  let ended = false;
  rl.on("line", (line) => {
    const next = waiting;
    waiting = undefined;
    if (next) next.resolve(line);
    else queued.push(line);
  });
  // Ctrl-C in a modal closes the modal, as `cancel` does; at the prompt it ends the console as
  // `quit` does, closing the app and the database.
  rl.on("SIGINT", () => {
    const cancel = waiting?.cancel;
    if (!cancel) return rl.close();
    waiting = undefined;
    // What was typed so far is dropped, as a terminal drops it on Ctrl-C.
    rl.write(null, { ctrl: true, name: "e" });
    rl.write(null, { ctrl: true, name: "u" });
    output.write("^C\n");
    cancel();
  });
  rl.on("close", () => {
    ended = true;
    waiting?.resolve(undefined);
    waiting = undefined;
  });
  let count = 0;
  const nextLine = (options: ReadOptions): Promise<string | undefined> => {
    const line = queued.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      waiting = { resolve, ...(options.inModal ? { cancel: () => reject(new Cancelled()) } : {}) };
    });
  };
  return {
    interactive: true,
    async read(prompt, options = {}) {
      for (;;) {
        rl.setPrompt(prompt);
        rl.prompt();
        const line = await nextLine(options);
        if (line === undefined) return undefined;
        count += 1;
        try {
          if (checkExpect(line, out)) continue;
        } catch (error) {
          out.line(`! ${(error as Error).message}`);
          continue;
        }
        out.startOver();
        return line.trim();
      }
    },
    where: () => `line ${count}`,
    close: () => rl.close(),
  };
}
