import { describe, expect, it } from "vitest";
import { count, nouns } from "../../../src/slack/copy/sv/plural.ts";
import { sv } from "../../../src/slack/copy/sv.ts";

describe("count in Swedish", () => {
  it.each([
    [0, nouns.person, "ingen"],
    [1, nouns.person, "1 person"],
    [2, nouns.person, "2 personer"],
    [0, nouns.license, "0 licenser"],
    [1, nouns.license, "1 licens"],
    [2, nouns.license, "2 licenser"],
    [1, nouns.day, "1 dag"],
    [30, nouns.day, "30 dagar"],
    [1.5, nouns.day, "1,5 dagar"],
    [1, nouns.mailbox, "1 postlåda"],
    [3, nouns.mailbox, "3 postlådor"],
    [5, nouns.macOrPc, "5 Mac- eller PC-datorer"],
  ])("reads %s as %s", (n, noun, expected) => {
    expect(count(n, noun)).toBe(expected);
  });

  it("groups thousands as Swedish writes them", () => {
    expect(count(1000, nouns.license)).toBe("1\u00a0000 licenser");
  });
});

describe("counts in Swedish messages", () => {
  it("the bulk preview counts people and licenses", () => {
    expect(sv["bulk.preview.summary"]({ people: 1, adding: 1, removing: 0 })).toBe(
      "*1 person*: *1 licens* ges, *0* tas bort.",
    );
    expect(sv["bulk.preview.summary"]({ people: 2, adding: 3, removing: 1 })).toBe(
      "*2 personer*: *3 licenser* ges, *1* tas bort.",
    );
  });

  it("nobody is ingen", () => {
    expect(sv["assign.summary.partial"]({ assigned: 0, failed: 1, product: "Office" })).toBe(
      "*Office* är tilldelad till ingen; 1 person kunde inte få den.",
    );
  });

  it("the seat overview words seats as the admin center does", () => {
    expect(sv["status.summary"]({ products: 1, full: 0, available: 6, purchased: 10 })).toBe(
      "1 produkt · 0 utan lediga licenser · 6 av 10 licenser tillgängliga totalt",
    );
    expect(sv["status.summary"]({ products: 3, full: 1, available: 0, purchased: 1 })).toBe(
      "3 produkter · 1 utan lediga licenser · 0 av 1 licens tillgängliga totalt",
    );
  });

  it("assigned seats agree in number", () => {
    expect(sv["seats.below_assigned"]({ assigned: 1, toFree: 1 })).toBe(
      "1 licens är tilldelad: frigör 1 licens innan du sänker antalet så långt.",
    );
    expect(sv["seats.below_assigned"]({ assigned: 4, toFree: 2 })).toBe(
      "4 licenser är tilldelade: frigör 2 licenser innan du sänker antalet så långt.",
    );
  });

  it("the latest change is one, the latest changes are many", () => {
    expect(sv["audit.fallback"]({ count: 1 })).toBe("Den senaste ändringen.");
    expect(sv["audit.fallback"]({ count: 5 })).toBe("De 5 senaste ändringarna.");
  });
});
