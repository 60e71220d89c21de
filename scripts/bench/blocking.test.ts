import { describe, expect, it } from "vitest";
import { blockingOf, causeOf, shares, splitBlocking } from "./blocking.mjs";

const ev = (name: string, ts: number, dur: number) => ({ name, ph: "X", ts, dur });

describe("the causes of blocking time", () => {
  it("names what a trace event spent its time on", () => {
    expect(causeOf("EvaluateScript")).toBe("script");
    expect(causeOf("v8.callFunction")).toBe("script");
    expect(causeOf("FireIdleCallback")).toBe("script");
    expect(causeOf("ParseHTML")).toBe("rendering");
    expect(causeOf("UpdateLayoutTree")).toBe("rendering");
    expect(causeOf("Layout")).toBe("rendering");
    expect(causeOf("DocumentLoader::CommitNavigation")).toBe("navigation");
    expect(causeOf("SomethingNew")).toBe("other");
  });

  it("share a task among its top-level events, nested ones not counted twice, the rest as other", () => {
    const s = shares(100, [
      ev("ParseHTML", 0, 40),
      ev("EvaluateScript", 10, 20), // inside the parse: the head script, counted as the parse's
      ev("UpdateLayoutTree", 40, 20),
      ev("EvaluateScript", 60, 30),
      ev("v8.compile", 65, 10),
    ]);
    expect(s.rendering).toBeCloseTo(0.6);
    expect(s.script).toBeCloseTo(0.3);
    expect(s.other).toBeCloseTo(0.1);
    expect(s.navigation).toBe(0);
  });

  it("never share out more than the task", () => {
    const s = shares(10, [ev("Layout", 0, 8), ev("EvaluateScript", 5, 20)]);
    expect(s.rendering + s.script + s.navigation + s.other).toBeCloseTo(1);
    expect(shares(0, []).other).toBe(1);
  });
});

describe("Lantern's blocking time", () => {
  it("counts a task's part between the first paint and interactive, less 50 ms", () => {
    expect(blockingOf({ start: 1000, end: 1120 }, 900, 3000)).toBe(70);
    expect(blockingOf({ start: 1000, end: 1040 }, 900, 3000)).toBe(0);
    // straddling the first contentful paint: only what comes after it
    expect(blockingOf({ start: 800, end: 960 }, 900, 3000)).toBe(10);
    expect(blockingOf({ start: 800, end: 890 }, 900, 3000)).toBe(0);
    expect(blockingOf({ start: 3100, end: 3300 }, 900, 3000)).toBe(0);
  });

  it("splits it by the tasks' shares, adding up to the whole", () => {
    const split = splitBlocking(
      [
        { start: 1000, end: 1150, duration: 150, shares: { script: 0, rendering: 1, navigation: 0, other: 0 } },
        { start: 2000, end: 2110, duration: 110, shares: { script: 0.5, rendering: 0, navigation: 0, other: 0.5 } },
        { start: 2200, end: 2230, duration: 30, shares: { script: 1, rendering: 0, navigation: 0, other: 0 } },
      ],
      900,
      3000,
    );
    expect(split).toEqual({ script: 30, rendering: 100, navigation: 0, other: 30 });
  });
});
