import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseRegistry } from "../registry/parse";
import type { Registry } from "../registry/schema";
import { beforeChoiceGrants, consentStates, itemAllowed } from "./states";

function shippedRegistry(): Registry {
  const r = parseRegistry(
    readFileSync(path.join(process.cwd(), "content/registry.yaml"), "utf8"),
    "content/registry.yaml",
  );
  if (!r.success) throw new Error("the shipped registry is invalid");
  return r.data;
}

describe("consentStates", () => {
  const registry = shippedRegistry();
  const states = consentStates(registry);
  const byId = (id: string) => {
    const s = states.find((st) => st.id === id);
    if (!s) throw new Error(`no state ${id}`);
    return s;
  };

  it("visits no decision, reject all, accept all, each optional category and service alone, and GPC", () => {
    expect(states.map((s) => s.id)).toEqual([
      "no-decision",
      "reject-all",
      "accept-all",
      "category-analytics",
      "category-advertising",
      "category-functional",
      "service-ga4",
      "service-tiktok",
      "accept-all-gpc",
    ]);
    expect(states.filter((s) => s.gpc).map((s) => s.id)).toEqual(["accept-all-gpc"]);
  });

  it("always grants the required categories, and nothing else before a choice", () => {
    for (const s of states) expect(s.grants.categories).toEqual(expect.arrayContaining(["necessary", "security"]));
    expect(beforeChoiceGrants(states)).toEqual({ categories: ["necessary", "security"], services: [] });
    expect(byId("reject-all").grants).toEqual(beforeChoiceGrants(states));
  });

  it("grants a category's services with it, and one service alone without its category", () => {
    expect(byId("category-analytics").grants).toEqual({
      categories: ["necessary", "security", "analytics"],
      services: ["ga4"],
    });
    expect(byId("category-advertising").grants).toEqual({
      categories: ["necessary", "security", "advertising"],
      services: ["tiktok"],
    });
    expect(byId("category-functional").grants).toEqual({
      categories: ["necessary", "security", "functional"],
      services: [],
    });
    expect(byId("service-tiktok").grants).toEqual({ categories: ["necessary", "security"], services: ["tiktok"] });
  });

  it("keeps advertising services off under Global Privacy Control", () => {
    const gpc = byId("accept-all-gpc");
    expect(gpc.grants.services).toEqual(["ga4"]);
    expect(gpc.grants.categories).toContain("analytics");
    expect(gpc.action).toEqual({ kind: "banner", button: "Accept all" });
  });

  it("sets every optional switch by its accessible name when customizing", () => {
    expect(byId("category-analytics").action).toEqual({
      kind: "customize",
      switches: [
        { name: "Performance & Analytics", on: true, of: "category", id: "analytics", category: "analytics" },
        { name: "Advertising", on: false, of: "category", id: "advertising", category: "advertising" },
        { name: "Functional", on: false, of: "category", id: "functional", category: "functional" },
        { name: "Google Analytics 4", on: true, of: "service", id: "ga4", category: "analytics" },
        { name: "TikTok Pixel", on: false, of: "service", id: "tiktok", category: "advertising" },
      ],
    });
    const ga4 = byId("service-ga4").action;
    expect(ga4.kind === "customize" && ga4.switches.filter((s) => s.on).map((s) => s.name)).toEqual([
      "Google Analytics 4",
    ]);
  });

  it("keeps short column headers apart when a category and a service share an id", () => {
    const clash = consentStates({
      categories: [
        ...registry.categories,
        { id: "ga4", required: false, title: { en: "GA" }, description: { en: "x" } },
      ],
      services: registry.services,
    });
    const shorts = clash.map((s) => s.short);
    expect(new Set(shorts).size).toBe(shorts.length);
  });
});

describe("itemAllowed", () => {
  const registry = shippedRegistry();
  const none = { categories: ["necessary", "security"], services: [] };

  it("allows required items always", () => {
    expect(itemAllowed({ category: "necessary" }, none, registry)).toBe(true);
    expect(itemAllowed({ category: "security" }, none, registry)).toBe(true);
  });

  it("allows a service's item only when that service is granted", () => {
    expect(itemAllowed({ category: "analytics", service: "ga4" }, none, registry)).toBe(false);
    expect(itemAllowed({ category: "analytics", service: "ga4" }, { ...none, services: ["tiktok"] }, registry)).toBe(
      false,
    );
    expect(itemAllowed({ category: "analytics", service: "ga4" }, { ...none, services: ["ga4"] }, registry)).toBe(true);
  });

  it("allows an item without a service only when its category is granted, not when one service of it is", () => {
    expect(itemAllowed({ category: "functional" }, none, registry)).toBe(false);
    expect(
      itemAllowed({ category: "functional" }, { ...none, categories: [...none.categories, "functional"] }, registry),
    ).toBe(true);
    expect(itemAllowed({ category: "analytics" }, { ...none, services: ["ga4"] }, registry)).toBe(false);
  });
});
