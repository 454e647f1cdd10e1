import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { openLocalConsole } from "../../src/console/open-console.ts";
import { useTestDatabase } from "../helpers/database.ts";
import { until } from "../helpers/until.ts";

const t = useTestDatabase();

const CTRL_C = "\x03";

/** A stream that says it is a terminal, as a person's keyboard and screen are to readline. */
function terminalStream(): PassThrough {
  return Object.assign(new PassThrough(), { isTTY: true, columns: 120, rows: 40, setRawMode: () => {} });
}

/** The console at a (stand-in) terminal: `type` sends keys once the screen shows `after`. */
function consoleAtTerminal(workspaceId: string) {
  const input = terminalStream();
  const output = terminalStream();
  let screen = "";
  let seen = 0;
  output.on("data", (chunk: Buffer) => {
    screen += chunk.toString("utf8");
  });
  const exited = openLocalConsole({ db: t.appDb, workspaceId, where: "test database", input, output });
  const waitFor = async (text: string) => {
    const at = await until(
      () => screen.indexOf(text, seen),
      (found) => found >= 0,
      30_000,
    );
    if (at < 0) throw new Error(`never saw ${JSON.stringify(text)} in:\n${screen}`);
    seen = at + text.length;
  };
  return {
    exited,
    waitFor,
    async type(keys: string, after: string) {
      await waitFor(after);
      input.write(keys);
    },
    get screen() {
      return screen;
    },
  };
}

describe("Ctrl-C at the console", () => {
  it("closes the modal it is pressed in and goes back to the prompt; at the prompt it leaves", async () => {
    const console = consoleAtTerminal("T0CTRLC001");
    // A modal with fields: Ctrl-C while a field is being typed.
    await console.type("/license bulk\r", "@alva> ");
    await console.type(`@cle${CTRL_C}`, "  > ");
    await console.waitFor("(modal closed)");
    // A modal of buttons only: Ctrl-C at its "Choose:".
    await console.type("/license remove @bo office\r", "@alva> ");
    await console.type(CTRL_C, "Choose: ");
    await console.waitFor("(modal closed)");
    // Still running, and the removal was not confirmed.
    await console.type("/license show @bo\r", "@alva> ");
    await console.waitFor("Office 365 Small Business Premium");
    await console.type(CTRL_C, "@alva> ");
    expect(await console.exited).toBe(0);
    expect(console.screen).toContain("Bye.");
    expect(console.screen).not.toContain("Removed");
  }, 120_000);
});
