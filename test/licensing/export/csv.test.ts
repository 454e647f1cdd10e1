import { describe, expect, it } from "vitest";
import { toCsv } from "../../../src/licensing/export/csv.ts";

describe("toCsv", () => {
  it("writes RFC 4180: CRLF records, quotes around commas, quotes and line breaks, quotes doubled", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["plain", 'say "hi", then\r\nleave'],
          ["x\ny", "ok"],
        ],
      ),
    ).toBe('a,b\r\nplain,"say ""hi"", then\r\nleave"\r\n"x\ny",ok\r\n');
  });

  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-1+2", "'-1+2"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["a=b", "a=b"],
    ["Anna", "Anna"],
  ])("guards %j against formula injection as %j", (cell, written) => {
    expect(toCsv(["h"], [[cell]])).toBe(`h\r\n${written}\r\n`);
  });

  it("writes numbers, booleans, dates and empty cells as themselves", () => {
    expect(toCsv(["n", "b", "d", "e"], [[-3, true, new Date("2026-03-02T10:00:00Z"), null]])).toBe(
      "n,b,d,e\r\n-3,true,2026-03-02T10:00:00.000Z,\r\n",
    );
  });
});
