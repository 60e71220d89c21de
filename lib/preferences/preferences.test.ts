import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildHeadScript, consentHeadPart, headScriptParts } from "../head-script";
import { parseRegistry } from "../registry/parse";
import { blockedStorageHost, MemoryStorage } from "../testing/memory-storage";
import { preferencesHeadPart, UI_STATE_STYLE_ID } from "./head-script";
import { createPreferencesStore } from "./store";
import {
  decodeTheme,
  decodeUiState,
  PREFERENCE_DURATION,
  PREFERENCE_MAX_AGE_MS,
  readPreference,
  THEME_KEY,
  UI_KEY,
  writePreference,
} from "./stored";
import { THEME_COLOR_META_ID, THEME_COLORS } from "./theme-color";

const YEAR = PREFERENCE_MAX_AGE_MS;
const wrap = (part: string) => buildHeadScript([part]);
const NOW = Date.UTC(2026, 10, 29);

describe("a stored preference", () => {
  it("accepts a theme and a UI state only in their exact shapes", () => {
    for (const theme of ["dark", "light", "system"]) expect(decodeTheme(theme)).toBe(theme);
    for (const bad of ["purple", "Dark", 1, null, [], {}]) expect(decodeTheme(bad)).toBeUndefined();
    const goodUi: unknown[] = [
      { sections: {} },
      { sections: { "declaration-analytics": "closed" } },
      { sections: { "a-b": "open", x: "closed" } },
      { sections: { ["x".repeat(64)]: "open" } },
    ];
    for (const ui of goodUi) expect(decodeUiState(ui)).toEqual(ui);
    const badUi: unknown[] = [
      "dark",
      null,
      [],
      {},
      { sections: { "Bad Id": "open" } },
      { sections: { ok: "shut" } },
      { sections: [] },
      { sections: {}, extra: 1 },
      { sections: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`s${i}`, "open"])) },
      { sections: { ["x".repeat(65)]: "open" } },
      { sections: { "-lead": "open" } },
    ];
    for (const ui of badUi) expect(decodeUiState(ui), JSON.stringify(ui)?.slice(0, 40)).toBeUndefined();
  });

  it("accepts only the { v: 1, value, savedAt } envelope", () => {
    const read = (env: unknown) => readPreference(decodeTheme, JSON.stringify(env), NOW, YEAR).status;
    expect(read({ v: 1, value: "dark", savedAt: NOW })).toBe("ok");
    for (const env of [
      { v: 2, value: "dark", savedAt: NOW },
      { v: 1, value: "dark", savedAt: -1 },
      { v: 1, value: "dark", savedAt: 1.5 },
      { v: 1, value: "dark", savedAt: "1" },
      { v: 1, value: "dark", savedAt: NOW, more: true },
      { v: 1, savedAt: NOW },
      { v: 1, value: "purple", savedAt: NOW },
      ["dark"],
      null,
    ])
      expect(read(env), JSON.stringify(env)).toBe("invalid");
  });

  it("round-trips with the time it was saved", () => {
    expect(readPreference(decodeTheme, writePreference("dark", NOW), NOW + 1000, YEAR)).toEqual({
      status: "ok",
      value: "dark",
    });
  });

  it("is dropped once older than the declared duration", () => {
    expect(readPreference(decodeTheme, writePreference("dark", NOW - YEAR - 1), NOW, YEAR)).toEqual({
      status: "expired",
    });
  });

  it("treats corrupt, tampered and future-dated entries as no preference, without throwing", () => {
    for (const raw of [
      "{",
      "null",
      '"dark"',
      '{"v":1,"value":"purple","savedAt":1}',
      '{"v":2,"value":"dark","savedAt":1}',
      writePreference("dark", NOW + 3 * 86400_000),
    ]) {
      expect(readPreference(decodeTheme, raw, NOW, YEAR).status, raw).toBe("invalid");
    }
    expect(readPreference(decodeTheme, null, NOW, YEAR)).toEqual({ status: "absent" });
  });
});

/** Runs the head script string against a fake document and storage, as the browser would before paint. */
function runHeadScript(stored: Record<string, string>, now = NOW, consent: string | null = null) {
  const attributes = new Map<string, string>(consent === null ? [] : [["data-consent", consent]]);
  type FakeElement = { id: string; textContent: string; name?: string; content?: string };
  const appended: FakeElement[] = [];
  const prepended: FakeElement[] = [];
  const document = {
    documentElement: {
      setAttribute: (k: string, v: string) => attributes.set(k, v),
      getAttribute: (k: string) => attributes.get(k) ?? null,
    },
    createElement: () => ({ id: "", textContent: "" }),
    head: { appendChild: (el: FakeElement) => appended.push(el), prepend: (el: FakeElement) => prepended.unshift(el) },
  };
  const localStorage = { getItem: (k: string) => stored[k] ?? null };
  const FakeDate = { now: () => now } as DateConstructor;
  new Function("document", "localStorage", "Date", wrap(preferencesHeadPart))(document, localStorage, FakeDate);
  const meta = prepended.find((m) => m.id === THEME_COLOR_META_ID);
  return {
    theme: attributes.get("data-theme") ?? null,
    style: appended.find((s) => s.id === UI_STATE_STYLE_ID)?.textContent ?? null,
    themeColor: meta ? `${meta.name}=${meta.content}` : null,
  };
}

describe("the preferences head script", () => {
  it("applies a remembered dark or light theme before paint, and nothing for system", () => {
    expect(runHeadScript({ [THEME_KEY]: writePreference("dark", NOW) }).theme).toBe("dark");
    expect(runHeadScript({ [THEME_KEY]: writePreference("light", NOW) }).theme).toBe("light");
    expect(runHeadScript({ [THEME_KEY]: writePreference("system", NOW) }).theme).toBeNull();
  });

  it("puts the remembered theme's colour for the browser's own interface in front, and none for system", () => {
    expect(runHeadScript({ [THEME_KEY]: writePreference("dark", NOW) }).themeColor).toBe(
      `theme-color=${THEME_COLORS.dark}`,
    );
    expect(runHeadScript({ [THEME_KEY]: writePreference("light", NOW) }).themeColor).toBe(
      `theme-color=${THEME_COLORS.light}`,
    );
    expect(runHeadScript({ [THEME_KEY]: writePreference("system", NOW) }).themeColor).toBeNull();
    expect(runHeadScript({}).themeColor).toBeNull();
  });

  it("agrees with readPreference on expired, corrupt and tampered entries", () => {
    const cases = [
      "{",
      writePreference("dark", NOW - YEAR - 1),
      writePreference("dark", NOW + 3 * 86400_000),
      '{"v":2,"value":"dark","savedAt":1}',
      '"dark"',
    ];
    for (const raw of cases) {
      const lib = readPreference(decodeTheme, raw, NOW, YEAR);
      const head = runHeadScript({ [THEME_KEY]: raw }).theme;
      expect(head, raw).toBe(lib.status === "ok" ? lib.value : null);
    }
  });

  it("hides collapsed page parts on screen only, and ignores ids that could break out of the selector", () => {
    const ui = writePreference(
      {
        sections: {
          "declaration-analytics": "closed",
          "declaration-security": "open",
          'x"],*{display:none}[x="': "closed",
        },
      },
      NOW,
    );
    const { style } = runHeadScript({ [UI_KEY]: ui });
    expect(style).toBe(
      '@media screen{[data-collapsible="declaration-analytics"]>[data-collapsible-body]{display:none}}',
    );
  });

  it("never throws when storage is blocked", () => {
    const script = wrap(preferencesHeadPart);
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException("blocked", "SecurityError");
      },
    };
    const document = { documentElement: { getAttribute: () => null, setAttribute: () => undefined } };
    expect(() => new Function("window", "document", `with(window){${script}}`)(blocked, document)).not.toThrow();
  });

  it("is part of the page's one head script, after the consent part it reads", () => {
    expect(headScriptParts.indexOf(preferencesHeadPart)).toBeGreaterThan(headScriptParts.indexOf(consentHeadPart));
    expect(headScriptParts.indexOf(consentHeadPart)).toBeGreaterThanOrEqual(0);
  });

  it("applies nothing while the consent head part finds no valid decision", () => {
    const stored = { [THEME_KEY]: writePreference("dark", NOW) };
    expect(runHeadScript(stored, NOW, "undecided").theme).toBeNull();
    expect(runHeadScript(stored, NOW, "decided").theme).toBe("dark");
  });

  it("uses the duration the registry declares for both keys", () => {
    const parsed = parseRegistry(
      readFileSync(path.join(process.cwd(), "content/registry.yaml"), "utf8"),
      "content/registry.yaml",
    );
    if (!parsed.success) throw new Error("registry does not parse");
    for (const key of [THEME_KEY, UI_KEY]) {
      expect(parsed.data.items.find((i) => i.name === key && i.storage === "localStorage")?.duration, key).toBe(
        PREFERENCE_DURATION,
      );
    }
  });
});

function setup(stored: Record<string, string> = {}) {
  const storage = new MemoryStorage();
  for (const [k, v] of Object.entries(stored)) storage.setItem(k, v);
  const applied: string[] = [];
  let now = NOW;
  const store = createPreferencesStore({
    host: { localStorage: storage },
    now: () => now,
    applyTheme: (t) => applied.push(t),
  });
  return { store, storage, applied, tick: (ms: number) => (now += ms) };
}

describe("preferences and Functional consent", () => {
  it("applies a theme for the visit without consent, and writes no key", () => {
    const { store, storage, applied } = setup();
    store.setFunctionalConsent(false);
    store.setTheme("dark");
    expect(store.getState().theme).toBe("dark");
    expect(applied).toEqual(["dark"]);
    expect(storage.getItem(THEME_KEY)).toBeNull();
  });

  it("writes nothing before the consent record has been read", () => {
    const { store, storage } = setup();
    store.setTheme("dark");
    store.setSection("declaration-analytics", "closed");
    expect(storage.length).toBe(0);
  });

  it("remembers the choice once Functional is granted, with a timestamp", () => {
    const { store, storage } = setup();
    store.setFunctionalConsent(false);
    store.setTheme("dark");
    store.setFunctionalConsent(true);
    expect(readPreference(decodeTheme, storage.getItem(THEME_KEY), NOW, YEAR)).toEqual({ status: "ok", value: "dark" });
    store.setSection("declaration-analytics", "closed");
    expect(JSON.parse(storage.getItem(UI_KEY) ?? "null")).toEqual({
      v: 1,
      value: { sections: { "declaration-analytics": "closed" } },
      savedAt: NOW,
    });
  });

  it("keeps no key for the default theme", () => {
    const { store, storage } = setup();
    store.setFunctionalConsent(true);
    store.setTheme("dark");
    store.setTheme("system");
    expect(storage.getItem(THEME_KEY)).toBeNull();
  });

  it("deletes the keys and falls back to the defaults when Functional is withdrawn", () => {
    const { store, storage, applied } = setup();
    store.setFunctionalConsent(true);
    store.setTheme("dark");
    store.setSection("declaration-security", "closed");
    store.setFunctionalConsent(false);
    expect(storage.getItem(THEME_KEY)).toBeNull();
    expect(storage.getItem(UI_KEY)).toBeNull();
    expect(store.getState()).toMatchObject({ theme: "system", sections: {}, functional: false });
    expect(applied.at(-1)).toBe("system");
  });

  it("reads remembered choices at start, and drops them when the record turns out not to grant Functional", () => {
    const { store, storage } = setup({ [THEME_KEY]: writePreference("light", NOW - 1000) });
    expect(store.getState().theme).toBe("light");
    store.setFunctionalConsent(false);
    expect(store.getState().theme).toBe("system");
    expect(storage.getItem(THEME_KEY)).toBeNull();
  });

  it("silently removes a corrupt or expired entry and starts from the default", () => {
    const { store, storage } = setup({
      [THEME_KEY]: "{not json",
      [UI_KEY]: writePreference({ sections: {} }, NOW - YEAR - 5),
    });
    expect(store.getState().theme).toBe("system");
    expect(storage.length).toBe(0);
  });

  it("keeps working for the visit when storage is blocked", () => {
    const store = createPreferencesStore({ host: blockedStorageHost });
    store.setFunctionalConsent(true);
    store.setTheme("dark");
    expect(store.getState().theme).toBe("dark");
  });

  it("refuses a section id that the head script would not accept", () => {
    const { store } = setup();
    store.setSection("Bad Id!", "closed");
    expect(store.getState().sections).toEqual({});
  });
});
