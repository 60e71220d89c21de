import { describe, expect, it } from "vitest";
import { formatDuration, maxLifetimeSeconds, parseDuration } from "./duration";

describe("declared durations", () => {
  it("reads the codes the legal team writes", () => {
    expect(parseDuration("session")).toEqual({ kind: "session" });
    expect(parseDuration("persistent")).toEqual({ kind: "persistent" });
    expect(parseDuration("13mo")).toEqual({ kind: "fixed", amount: 13, unit: "month" });
    expect(parseDuration("30min")).toEqual({ kind: "fixed", amount: 30, unit: "minute" });
    expect(parseDuration("2 years")).toBeNull();
    expect(parseDuration("0d")).toBeNull();
  });

  it("gives the longest lifetime a declaration allows", () => {
    expect(maxLifetimeSeconds({ kind: "fixed", amount: 24, unit: "hour" })).toBe(86400);
    expect(maxLifetimeSeconds({ kind: "session" })).toBe(0);
    expect(maxLifetimeSeconds({ kind: "persistent" })).toBeNull();
    // a declared 2 years covers a real 2-year cookie, leap day included
    expect(maxLifetimeSeconds(parseDuration("2y")!)).toBeGreaterThanOrEqual(731 * 86400);
  });

  it("words durations for visitors", () => {
    expect(formatDuration(parseDuration("2y")!, "en")).toBe("2 years");
    expect(formatDuration(parseDuration("1d")!, "en")).toBe("1 day");
    expect(formatDuration(parseDuration("session")!, "en")).toBe("Session");
  });
});
