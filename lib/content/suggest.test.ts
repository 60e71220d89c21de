import { describe, expect, it } from "vitest";
import { didYouMean, editDistance } from "./suggest";

describe("suggestions for mistyped names", () => {
  it("measures edits", () => {
    expect(editDistance("analitycs", "analytics")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });
  it("suggests only close names", () => {
    expect(didYouMean("analitycs", ["necessary", "analytics", "functional"])).toBe('Did you mean "analytics"?');
    expect(didYouMean("zzzzzz", ["necessary", "analytics"])).toBeUndefined();
  });
});
