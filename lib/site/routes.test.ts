import { describe, expect, it } from "vitest";
import { policyHref } from "./routes";

describe("policyHref", () => {
  it("is the policy page of a language", () => {
    expect(policyHref("de")).toBe("/de/cookie-policy");
  });

  it("points at a section when given its id", () => {
    expect(policyHref("en", "changes")).toBe("/en/cookie-policy#changes");
  });
});
