import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one", () => {
    expect(plural(1, "problem")).toBe("1 problem");
  });

  it("adds an s for zero and for many", () => {
    expect(plural(0, "page")).toBe("0 pages");
    expect(plural(3, "page")).toBe("3 pages");
  });

  it("takes an irregular plural", () => {
    expect(plural(2, "entry", "entries")).toBe("2 entries");
    expect(pluralWord(1, "it is", "they are")).toBe("it is");
    expect(pluralWord(4, "it is", "they are")).toBe("they are");
  });
});
