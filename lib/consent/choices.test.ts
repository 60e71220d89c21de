import { describe, expect, it } from "vitest";
import { testRegistry } from "../testing/registry";
import {
  allGranted,
  categoryState,
  isItemAllowed,
  isServiceOn,
  noneGranted,
  normalise,
  setCategory,
  setService,
} from "./choices";

const reg = testRegistry();

describe("consent choices", () => {
  it("grants only the required categories when nothing is chosen", () => {
    expect(noneGranted(reg)).toEqual({
      categories: { necessary: true, analytics: false, advertising: false, functional: false, security: true },
      services: { ga4: false, tiktok: false },
    });
  });

  it("grants everything on accept all", () => {
    expect(allGranted(reg, false)).toEqual({
      categories: { necessary: true, analytics: true, advertising: true, functional: true, security: true },
      services: { ga4: true, tiktok: true },
    });
  });

  it("keeps advertising services off on accept all under Global Privacy Control", () => {
    const c = allGranted(reg, true);
    expect(c.services).toEqual({ ga4: true, tiktok: false });
    expect(c.categories.analytics).toBe(true);
    // a category made only of advertising services is then off too: no switch says "on" for nothing
    expect(c.categories.advertising).toBe(false);
  });

  it("lets the visitor's own switch turn an advertising service on under GPC, and accept all keeps it", () => {
    const own = setService(reg, noneGranted(reg), "tiktok", true);
    expect(own.services.tiktok).toBe(true);
    expect(own.categories.advertising).toBe(true);
    expect(allGranted(reg, true, own).services.tiktok).toBe(true);
  });

  it("keeps analytics and advertising apart: one category's switch leaves the other's services alone", () => {
    expect(setCategory(reg, noneGranted(reg), "analytics", true).services).toEqual({ ga4: true, tiktok: false });
    expect(setCategory(reg, noneGranted(reg), "advertising", true).services).toEqual({ ga4: false, tiktok: true });
  });

  it("switching a category off switches its services off", () => {
    const c = setCategory(reg, allGranted(reg, false), "advertising", false);
    expect(c.services).toEqual({ ga4: true, tiktok: false });
    expect(c.categories.advertising).toBe(false);
  });

  it("switches a category made only of services off with its last service", () => {
    let c = setService(reg, noneGranted(reg), "ga4", true);
    expect(c.categories.analytics).toBe(true);
    c = setService(reg, c, "ga4", false);
    expect(c.categories.analytics).toBe(false);
  });

  it("never switches a required category off", () => {
    expect(setCategory(reg, allGranted(reg, false), "necessary", false).categories.necessary).toBe(true);
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

  describe("what a category's switch shows", () => {
    // a category of two services, as a registry may have it (the shipped one keeps advertising apart)
    const two = {
      ...reg,
      services: reg.services.map((sv) => ({ ...sv, category: "analytics" })),
      items: reg.items.map((i) => (i.service ? { ...i, category: "analytics" } : i)),
    };

    it("is mixed, 1 of 2, when only one of its services is on", () => {
      const onlyGa = setService(two, noneGranted(two), "ga4", true);
      expect(categoryState(two, onlyGa, "analytics")).toEqual({ checked: "mixed", on: 1, of: 2 });
    });

    it("is on when all its services are on, and off when none is", () => {
      expect(categoryState(two, allGranted(two, false), "analytics")).toEqual({ checked: true, on: 2, of: 2 });
      expect(categoryState(two, noneGranted(two), "analytics")).toEqual({ checked: false, on: 0, of: 2 });
    });

    it("says on for Performance & Analytics with GA on and TikTok off, as each has its own category", () => {
      const onlyGa = setService(reg, noneGranted(reg), "ga4", true);
      expect(categoryState(reg, onlyGa, "analytics").checked).toBe(true);
      expect(categoryState(reg, onlyGa, "advertising").checked).toBe(false);
    });

    it("is simply on for a category of its own items, and for a required one", () => {
      expect(categoryState(reg, allGranted(reg, false), "functional").checked).toBe(true);
      expect(categoryState(reg, noneGranted(reg), "necessary").checked).toBe(true);
    });
  });
});
