import { describe, expect, it } from "vitest";
import { testRegistry } from "../testing/registry";
import { allGranted, isItemAllowed, isServiceOn, noneGranted, normalise, setCategory, setService } from "./choices";

const reg = testRegistry();

describe("consent choices", () => {
  it("grants only the required categories when nothing is chosen", () => {
    expect(noneGranted(reg)).toEqual({
      categories: { necessary: true, analytics: false, functional: false, security: true },
      services: { ga4: false, tiktok: false },
    });
  });

  it("grants everything on accept all", () => {
    expect(allGranted(reg, false)).toEqual({
      categories: { necessary: true, analytics: true, functional: true, security: true },
      services: { ga4: true, tiktok: true },
    });
  });

  it("keeps advertising services off on accept all under Global Privacy Control", () => {
    const c = allGranted(reg, true);
    expect(c.services).toEqual({ ga4: true, tiktok: false });
    expect(c.categories.analytics).toBe(true);
  });

  it("lets the visitor's own switch turn an advertising service on under GPC, and accept all keeps it", () => {
    const own = setService(reg, noneGranted(reg), "tiktok", true);
    expect(own.services.tiktok).toBe(true);
    expect(own.categories.analytics).toBe(true);
    expect(allGranted(reg, true, own).services.tiktok).toBe(true);
  });

  it("switching a category on under GPC does not turn its advertising service on", () => {
    expect(setCategory(reg, noneGranted(reg), "analytics", true, true).services).toEqual({ ga4: true, tiktok: false });
    expect(setCategory(reg, noneGranted(reg), "analytics", true, false).services).toEqual({ ga4: true, tiktok: true });
  });

  it("switching a category off switches its services off", () => {
    const c = setCategory(reg, allGranted(reg, false), "analytics", false, false);
    expect(c.services).toEqual({ ga4: false, tiktok: false });
  });

  it("switches a category made only of services off with its last service", () => {
    let c = setService(reg, noneGranted(reg), "ga4", true);
    expect(c.categories.analytics).toBe(true);
    c = setService(reg, c, "ga4", false);
    expect(c.categories.analytics).toBe(false);
  });

  it("never switches a required category off", () => {
    expect(setCategory(reg, allGranted(reg, false), "necessary", false, false).categories.necessary).toBe(true);
    expect(normalise(reg, { categories: { necessary: false, security: false } }).categories).toMatchObject({
      necessary: true,
      security: true,
    });
  });

  it("drops unknown ids and does not run a service whose category is off", () => {
    const c = normalise(reg, { categories: { analytics: false, made_up: true }, services: { ga4: true, other: true } });
    expect(c.categories).not.toHaveProperty("made_up");
    expect(c.services).toEqual({ ga4: false, tiktok: false });
    expect(isServiceOn(reg, { categories: { analytics: false }, services: { ga4: true } }, "ga4")).toBe(false);
  });

  it("allows an item only with its category and its service", () => {
    const onlyGa = setService(reg, noneGranted(reg), "ga4", true);
    const item = (name: string) => reg.items.find((i) => i.name === name)!;
    expect(isItemAllowed(reg, onlyGa, item("_ga"))).toBe(true);
    expect(isItemAllowed(reg, onlyGa, item("_ttp"))).toBe(false);
    expect(isItemAllowed(reg, onlyGa, item("candor:theme"))).toBe(false);
    expect(isItemAllowed(reg, onlyGa, item("candor:consent"))).toBe(true);
  });
});
