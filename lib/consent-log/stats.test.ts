import { describe, expect, it } from "vitest";
import { chainEvent, GENESIS } from "./chain";
import { summarize } from "./stats";
import { sampleEvent } from "./testing";

const at = (receivedAt: string, over: Parameters<typeof sampleEvent>[0]) =>
  chainEvent(GENESIS, sampleEvent(over), receivedAt);

describe("summarize", () => {
  const events = [
    at("2026-11-29T09:00:00.000Z", { action: "accept-all" }),
    at("2026-11-29T10:00:00.000Z", {
      action: "reject-all",
      gpc: true,
      grantedCategories: ["necessary"],
      deniedCategories: ["analytics"],
      grantedServices: [],
      deniedServices: ["ga4", "tiktok"],
    }),
    at("2026-11-30T08:00:00.000Z", { action: "switch", grantedServices: ["ga4"], deniedServices: ["tiktok"] }),
    at("2026-11-30T08:01:00.000Z", { action: "save" }),
    at("2026-11-30T08:02:00.000Z", { action: "withdraw" }),
    at("2026-11-30T08:03:00.000Z", { action: "gpc" }),
    // before the period
    at("2026-11-01T08:00:00.000Z", { action: "accept-all" }),
  ];
  const s = summarize(events, {
    days: 3,
    now: new Date("2026-11-30T12:00:00.000Z"),
    categories: ["necessary", "analytics"],
    services: ["ga4", "tiktok", "unused"],
  });

  it("counts each day of the period by kind, empty days included; switches and saves are custom", () => {
    expect(s.days).toEqual([
      { day: "2026-11-28", counts: { "accept-all": 0, "reject-all": 0, custom: 0, withdraw: 0 } },
      { day: "2026-11-29", counts: { "accept-all": 1, "reject-all": 1, custom: 0, withdraw: 0 } },
      { day: "2026-11-30", counts: { "accept-all": 0, "reject-all": 0, custom: 2, withdraw: 1 } },
    ]);
    expect(s.decisions).toBe(5);
  });

  it("counts GPC applied apart from the visitors' decisions, and the share decided with GPC on", () => {
    expect(s.gpcApplied).toBe(1);
    expect(s.withGpc).toBe(1);
  });

  it("gives each category's and service's opt-ins out of the decisions that named it", () => {
    expect(s.categories.find((r) => r.id === "analytics")).toEqual({ id: "analytics", granted: 4, decided: 5 });
    expect(s.services).toEqual([
      { id: "ga4", granted: 4, decided: 5 },
      { id: "tiktok", granted: 3, decided: 5 },
      { id: "unused", granted: 0, decided: 0 },
    ]);
  });
});
