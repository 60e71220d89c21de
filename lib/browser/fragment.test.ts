import { describe, expect, it } from "vitest";
import { fragmentId } from "./fragment";

describe("fragmentId", () => {
  it("decodes a well-formed fragment", () => {
    expect(fragmentId("#browser-cookie-controls")).toBe("browser-cookie-controls");
    expect(fragmentId("#%C3%A4nderungen")).toBe("änderungen");
    expect(fragmentId("")).toBe("");
    expect(fragmentId("#")).toBe("");
  });

  it("never throws on a malformed one: the id is the fragment as written", () => {
    for (const hash of ["#%", "#50%", "#%E0%A4%A", "#%zz", "#%C3", "#%%%"]) {
      expect(() => fragmentId(hash), hash).not.toThrow();
      expect(fragmentId(hash), hash).toBe(hash.slice(1));
    }
  });

  it("names nothing for an absurdly long fragment", () => {
    expect(fragmentId(`#${"a".repeat(100_000)}`)).toBe("");
  });
});
