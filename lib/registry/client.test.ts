import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testItemLabels, testRegistry } from "../testing/registry";
import { toItemLabels } from "./client";
import { labelLookup } from "./item-labels";
import { parseRegistry } from "./parse";

describe("the registry as the browser receives it", () => {
  it("has titles in the page's language and every declared item", () => {
    const reg = testRegistry();
    expect(reg.categories.map((c) => [c.id, c.title, c.required])).toEqual([
      ["necessary", "Strictly Necessary", true],
      ["analytics", "Performance & Analytics", false],
      ["advertising", "Advertising", false],
      ["functional", "Functional", false],
      ["security", "Security", true],
    ]);
    expect(reg.items.find((i) => i.name === "_ga")).toEqual({
      name: "_ga",
      storage: "cookie",
      category: "analytics",
      service: "ga4",
      duration: "2y",
      httpOnly: false,
      scope: "site",
    });
    expect(JSON.parse(JSON.stringify(reg))).toEqual(reg);
  });

  it("leaves the items' texts to their labels, one per item, looked up by storage and name", () => {
    const reg = testRegistry();
    const labels = testItemLabels();
    expect(labels).toHaveLength(reg.items.length);
    const labelOf = labelLookup(labels);
    expect(labelOf({ storage: "cookie", name: "_ga" })).toEqual({
      provider: "Google",
      purpose: expect.stringMatching(/unique visitors/),
      duration: "2 years",
    });
    // the same name in two storage areas has two labels
    expect(labelOf({ storage: "cookie", name: "ttclid" })?.purpose).not.toBe(
      labelOf({ storage: "localStorage", name: "ttclid" })?.purpose,
    );
    expect(labelOf({ storage: "sessionStorage", name: "_ga" })).toBeNull();
    expect(labelLookup(null)({ storage: "cookie", name: "_ga" })).toBeNull();
    // no text of an item's label stays in what every page view carries
    const payload = JSON.stringify(reg);
    for (const [, , , purpose, duration] of labels) {
      expect(payload).not.toContain(purpose);
      expect(payload).not.toContain(`"${duration}"`);
    }
  });

  it("marks a service active with its account id when its env variable is set", () => {
    const reg = testRegistry({ NEXT_PUBLIC_GA_MEASUREMENT_ID: "G-ABC", NEXT_PUBLIC_TIKTOK_PIXEL_ID: "C123" });
    expect(reg.services.map((s) => [s.id, s.active, s.accountId])).toEqual([
      ["ga4", true, "G-ABC"],
      ["tiktok", true, "C123"],
    ]);
  });

  it("shows a service as not active on this deployment when its env variable is unset or blank", () => {
    const reg = testRegistry({ NEXT_PUBLIC_GA_MEASUREMENT_ID: "  " });
    expect(reg.services.map((s) => [s.id, s.active, s.accountId])).toEqual([
      ["ga4", false, null],
      ["tiktok", false, null],
    ]);
  });

  it("words each duration on the server, in the page's language and with its words for session and persistent", () => {
    const parsed = parseRegistry(
      readFileSync(path.resolve(import.meta.dirname, "../../content/registry.yaml"), "utf8"),
      "content/registry.yaml",
    );
    if (!parsed.success) throw new Error("registry does not parse");
    const label = (locale: string, name: string, words?: { session: string; persistent: string }) =>
      labelLookup(toItemLabels(parsed.data, locale, words))({
        storage: name === "ims:chat-session" ? "sessionStorage" : "cookie",
        name,
      })?.duration;
    expect(label("en", "_ga")).toBe("2 years");
    expect(label("de", "_ga")).toBe("2 Jahre");
    expect(label("de", "ims:chat-session", { session: "Während des Besuchs", persistent: "Dauerhaft" })).toBe(
      "Während des Besuchs",
    );
    expect(label("de", "ttclid")).toBe("13 Monate");
  });
});
