import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { type ConsentRecord, RECORD_KEY, readRecord } from "../consent/record";
import { chooserHtml, chooserScript, consentRule } from "./chooser";
import {
  type ChooserConfig,
  chooseEdition,
  encodeLocalePreference,
  LOCALE_PREFERENCE_KEY,
  rememberLocale,
} from "./preference";

const NOW = Date.parse("2027-01-15T12:00:00.000Z");
const YEAR = 366 * 86_400_000;
const REVISION = 2;

const config: ChooserConfig = {
  locales: ["en", "de"],
  fallback: "en",
  maxAgeMs: YEAR,
  preferenceKey: LOCALE_PREFERENCE_KEY,
  consent: consentRule(REVISION),
};

const record = (over: Partial<Record<keyof ConsentRecord, unknown>> = {}): Record<string, unknown> => ({
  schema: 1,
  id: "3f2b8c1e-aaaa-4bbb-8ccc-0123456789ab",
  decidedAt: "2027-01-01T10:00:00.000Z",
  expiresAt: "2027-07-01T10:00:00.000Z",
  revision: REVISION,
  policyVersion: "1.1",
  categories: { necessary: true, analytics: false, functional: true, security: true },
  services: { ga4: false, tiktok: false },
  gpc: false,
  method: "dialog",
  ...over,
});

function storage(values: Record<string, unknown>) {
  return {
    getItem: (key: string) => {
      const v = values[key];
      return v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v);
    },
  };
}

const withPreference = (consent: unknown, pref: unknown = { locale: "de", savedAt: NOW - 86_400_000 }) =>
  chooseEdition(config, storage({ [RECORD_KEY]: consent, [LOCALE_PREFERENCE_KEY]: pref }), NOW);

describe("the stored language preference at /", () => {
  it("sends the visitor to the language they chose, with Functional consent", () => {
    expect(withPreference(record())).toBe("de");
  });

  it("ignores it without Functional consent, or without any consent", () => {
    expect(withPreference(record({ categories: { necessary: true, functional: false } }))).toBe("en");
    expect(withPreference(record({ categories: { necessary: true } }))).toBe("en");
    expect(withPreference(undefined)).toBe("en");
  });

  it("ignores it once consent is expired, or answers an older revision of the policy", () => {
    expect(withPreference(record({ expiresAt: "2027-01-15T11:59:59.000Z" }))).toBe("en");
    expect(withPreference(record({ revision: 1 }))).toBe("en");
  });

  it("drops a preference older than its declared duration, or from the future", () => {
    expect(withPreference(record(), { locale: "de", savedAt: NOW - YEAR })).toBe("en");
    expect(withPreference(record(), { locale: "de", savedAt: NOW - YEAR + 1 })).toBe("de");
    expect(withPreference(record(), { locale: "de", savedAt: NOW + 3_600_000 })).toBe("en");
  });

  it("treats tampered or unreadable values as no preference", () => {
    for (const pref of [
      "de",
      "{",
      "null",
      "[]",
      { locale: "fr", savedAt: NOW },
      { locale: "de" },
      { locale: "de", savedAt: "yesterday" },
      "x".repeat(5000),
    ])
      expect(withPreference(record(), pref), JSON.stringify(pref)).toBe("en");
    const throwing = {
      getItem: () => {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    expect(chooseEdition(config, throwing, NOW)).toBe("en");
    expect(chooseEdition(config, null, NOW)).toBe("en");
  });

  it("counts consent exactly when the consent store would (readRecord)", () => {
    const variants: unknown[] = [
      record(),
      record({ schema: 2 }),
      record({ id: "short" }),
      record({ decidedAt: "2027-02-30T10:00:00.000Z" }),
      record({ decidedAt: "2027-01-15T12:05:00.000Z" }),
      record({ expiresAt: "soon" }),
      record({ revision: 3 }),
      record({ revision: 1.5 }),
      record({ policyVersion: "one" }),
      record({ categories: { functional: "yes" } }),
      JSON.stringify(record()).replace('"functional":true', '"__proto__":true,"functional":true'),
      record({ categories: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`c${i}`, true])) }),
      record({ services: [] }),
      record({ gpc: "no" }),
      record({ method: "telepathy" }),
      { ...record(), extra: 1 },
      (({ gpc: _gpc, ...rest }) => rest)(record()),
      "not json",
      [],
    ];
    for (const v of variants) {
      const raw = typeof v === "string" ? v : JSON.stringify(v);
      const reading = readRecord(raw, NOW, REVISION);
      const storeSays = reading.status === "valid" && reading.record.categories.functional === true;
      expect(withPreference(raw) === "de", raw.slice(0, 120)).toBe(storeSays);
    }
  });
});

describe("remembering the choice", () => {
  const host = () => {
    const data = new Map<string, string>();
    const localStorage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
    return { data, host: { localStorage: localStorage as unknown as Storage } };
  };

  it("stores the language and the time only with Functional consent", () => {
    const a = host();
    expect(rememberLocale("de", { functionalGranted: false, now: NOW, host: a.host })).toBe("not-allowed");
    expect(a.data.size).toBe(0);
    expect(rememberLocale("de", { functionalGranted: true, now: NOW, host: a.host })).toBe("saved");
    expect(JSON.parse(a.data.get(LOCALE_PREFERENCE_KEY)!)).toEqual({ locale: "de", savedAt: NOW });
  });

  it("says so, without throwing, when storage refuses", () => {
    const full = {
      localStorage: {
        setItem: () => {
          throw new DOMException("full", "QuotaExceededError");
        },
      } as unknown as Storage,
    };
    expect(rememberLocale("de", { functionalGranted: true, now: NOW, host: full })).toBe("failed");
  });

  it("writes what the chooser reads back", () => {
    expect(withPreference(record(), encodeLocalePreference("de", NOW - 1000))).toBe("de");
  });
});

describe("the chooser page", () => {
  const { fallback: _fallback, ...scriptConfig } = config;
  const page = (fallback: string) =>
    chooserHtml({
      config: scriptConfig,
      fallback,
      title: "Cookie & Storage Policy",
      prompt: "Choose your language",
      editions: [
        {
          locale: "en",
          name: "English",
          href: "/en/cookie-policy",
          absoluteHref: "https://example.com/en/cookie-policy",
        },
        {
          locale: "de",
          name: "Deutsch",
          href: "/de/cookie-policy",
          absoluteHref: "https://example.com/de/cookie-policy",
        },
      ],
    });

  /** Runs the inline script as a browser would, with nothing but the globals it may use. */
  function runScript(lang: string, local: Record<string, unknown>, hash = "") {
    let replaced = "";
    runInNewContext(chooserScript(scriptConfig), {
      document: { documentElement: { lang } },
      window: { localStorage: storage(local) },
      location: { search: "", hash, replace: (u: string) => (replaced = u) },
      Date,
      JSON,
      RegExp,
      Number,
      Object,
    });
    return replaced;
  }

  it("runs on its own in a bare browser context: no imports, no outer names", () => {
    expect(runScript("en", {})).toBe("/en/cookie-policy");
    expect(runScript("de", {}, "#changes")).toBe("/de/cookie-policy#changes");
  });

  it("goes to the stored language when consent allows it", () => {
    const now = Date.now();
    const fresh = record({
      decidedAt: new Date(now - 60_000).toISOString(),
      expiresAt: new Date(now + 86_400_000).toISOString(),
    });
    expect(runScript("en", { [RECORD_KEY]: fresh, [LOCALE_PREFERENCE_KEY]: { locale: "de", savedAt: now } })).toBe(
      "/de/cookie-policy",
    );
  });

  it("is the same script for every visitor, so a CSP hash covers it", () => {
    expect(page("en").includes(`<script>${chooserScript(scriptConfig)}</script>`)).toBe(true);
    expect(page("de").includes(`<script>${chooserScript(scriptConfig)}</script>`)).toBe(true);
  });

  it("names its language, links every edition with hreflang, and works without JavaScript", () => {
    const html = page("de");
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://example.com/en/cookie-policy">');
    expect(html).toContain('<noscript><meta http-equiv="refresh" content="0; url=/de/cookie-policy"></noscript>');
    expect(html).toContain('<a href="/en/cookie-policy" hreflang="en" lang="en">English</a>');
    expect(html).toContain("Cookie &amp; Storage Policy");
  });
});
