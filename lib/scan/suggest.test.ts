import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { maxLifetimeSeconds, parseDuration } from "../registry/duration";
import { findItem } from "../registry/match";
import { itemSchema } from "../registry/schema";
import { consentStates } from "./states";
import { durationCodeFor, guessCategory, siteProvider, suggestEntry } from "./suggest";

const DAY = 86400;
const registry = {
  categories: [
    { id: "necessary", required: true, title: { en: "Strictly Necessary" }, description: { en: "x" } },
    { id: "analytics", required: false, title: { en: "Analytics" }, description: { en: "x" } },
    { id: "functional", required: false, title: { en: "Functional" }, description: { en: "x" } },
  ],
  services: [
    {
      id: "ga4",
      name: "Google Analytics 4",
      provider: "Google",
      category: "analytics",
      privacyUrl: "https://x.example",
      advertising: false,
      hosts: [],
      description: { en: "x" },
    },
    {
      id: "tiktok",
      name: "TikTok Pixel",
      provider: "TikTok",
      category: "analytics",
      privacyUrl: "https://x.example",
      advertising: true,
      hosts: [],
      description: { en: "x" },
    },
  ],
};
const states = consentStates(registry);
const state = (id: string) => {
  const s = states.find((st) => st.id === id);
  if (!s) throw new Error(id);
  return s;
};
const seen = (...ids: string[]) => ids.map((id) => ({ state: state(id), grants: state(id).grants }));

describe("durationCodeFor", () => {
  it("words a lifetime in the unit a person would declare", () => {
    expect(durationCodeFor(0)).toBe("session");
    expect(durationCodeFor(-1)).toBe("session");
    expect(durationCodeFor(30 * 60 - 2)).toBe("30min");
    expect(durationCodeFor(24 * 3600 - 1)).toBe("24h");
    expect(durationCodeFor(30 * DAY - 5)).toBe("30d");
    expect(durationCodeFor(395 * DAY)).toBe("13mo");
    expect(durationCodeFor(400 * DAY)).toBe("13mo");
    expect(durationCodeFor(730 * DAY - 3)).toBe("2y");
  });

  it("always declares at least the lifetime it was given", () => {
    for (let s = 1; s < 3 * 366 * DAY; s = Math.ceil(s * 1.37) + 11) {
      const code = durationCodeFor(s);
      const d = parseDuration(code);
      expect(d, code).not.toBeNull();
      expect(maxLifetimeSeconds(d!), `${s}s → ${code}`).toBeGreaterThanOrEqual(s);
    }
  });
});

describe("guessCategory", () => {
  it("calls an item seen with nothing optional granted strictly necessary, and says what that means", () => {
    const g = guessCategory(registry, seen("accept-all", "no-decision"));
    expect(g.category).toBe("necessary");
    expect(g.service).toBeUndefined();
    expect(g.reason).toContain("must wait for consent");
  });

  it("names the one service granted wherever the item was seen", () => {
    expect(
      guessCategory(registry, seen("accept-all", "category-analytics", "service-ga4", "accept-all-gpc")),
    ).toMatchObject({ category: "analytics", service: "ga4" });
  });

  it("names the one category granted wherever the item was seen", () => {
    const g = guessCategory(registry, seen("accept-all", "category-functional"));
    expect(g).toMatchObject({ category: "functional", reason: expect.stringContaining("Functional") });
    expect(g.service).toBeUndefined();
  });

  it("says when the states cannot tell the category apart", () => {
    expect(guessCategory(registry, seen("accept-all")).reason).toContain("could be any of: analytics, functional");
  });
});

describe("suggestEntry", () => {
  it("writes an entry that, once its purpose is filled in, is a valid registry item matching the name", () => {
    const yaml = suggestEntry({
      storage: "cookie",
      name: "*weird: name",
      guess: { category: "analytics", service: "ga4", reason: "seen only when GA4 was granted" },
      provider: "IMsupporting",
      lifetimeSeconds: 400 * DAY,
      httpOnly: true,
    });
    const entry = parse(yaml.replace('en: ""', "en: Counts visits.")) as unknown[];
    const item = itemSchema.parse(entry[0]);
    expect(item).toMatchObject({
      name: "*weird: name",
      storage: "cookie",
      category: "analytics",
      service: "ga4",
      duration: "13mo",
      httpOnly: true,
    });
    expect(findItem({ items: [item] }, "cookie", "*weird: name")).toBe(item);
  });

  it("leaves the purpose empty on purpose, so the content check insists on real words", () => {
    const yaml = suggestEntry({
      storage: "localStorage",
      name: "k",
      guess: { category: "functional", reason: "r" },
      provider: "IMsupporting",
    });
    const entry = (parse(yaml) as unknown[])[0];
    expect(itemSchema.safeParse(entry).success).toBe(false);
    expect(yaml).toContain("provider: IMsupporting");
    expect(yaml).toContain("duration: persistent");
    expect(yaml).toMatch(/^ {2}- name: k$/m);
  });

  it("declares sessionStorage for the session and says where a foreign item lives", () => {
    const yaml = suggestEntry({
      storage: "sessionStorage",
      name: "s",
      guess: { category: "functional", reason: "r" },
      provider: "P",
      foreignPlace: "https://widget.example",
    });
    expect(yaml).toContain("duration: session");
    expect(yaml).toContain("# seen on https://widget.example");
  });
});

describe("siteProvider", () => {
  it("takes the provider most of the site's own items name", () => {
    const item = (provider?: string, service?: string) => ({
      name: "x",
      storage: "cookie" as const,
      category: "c",
      purpose: { en: "p" },
      duration: "1d",
      httpOnly: false,
      scope: "site" as const,
      ...(provider ? { provider } : {}),
      ...(service ? { service } : {}),
    });
    expect(siteProvider({ items: [item("A"), item("B"), item("B"), item(undefined, "ga4")] }, "host")).toBe("B");
    expect(siteProvider({ items: [item(undefined, "ga4")] }, "host")).toBe("host");
  });
});
