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
  it("completes a shortened name when only one name starts with it", () => {
    expect(didYouMean("warn", ["info", "warning"])).toBe('Did you mean "warning"?');
    expect(didYouMean("an", ["analytics"])).toBeUndefined();
    expect(didYouMean("ses", ["session", "sessionStorage"])).toBeUndefined();
  });
});
