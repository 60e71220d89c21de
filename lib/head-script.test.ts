import { describe, expect, it } from "vitest";
import { RECORD_KEY, readRecord } from "./consent/record";
import { buildHeadScript, consentHeadPart, headScriptSource } from "./head-script";

const NOW = Date.parse("2026-12-01T12:00:00.000Z");

/** Runs the head script against a fake <html>, localStorage and navigator; returns the attributes it set. */
function run(stored: string | null | (() => never), { revision = 2, gpc = false } = {}) {
  const attrs: Record<string, string> = { "data-consent-revision": String(revision) };
  const d = {
    getAttribute: (k: string) => attrs[k] ?? null,
    setAttribute: (k: string, v: string) => void (attrs[k] = v),
  };
  const localStorage = {
    getItem(key: string) {
      if (typeof stored === "function") return stored();
      return key === RECORD_KEY ? stored : null;
    },
  };
  const fakeDate = { now: () => NOW, parse: Date.parse };
  new Function("document", "localStorage", "navigator", "Date", headScriptSource())(
    { documentElement: d },
    localStorage,
    { globalPrivacyControl: gpc },
    fakeDate,
  );
  delete attrs["data-consent-revision"];
  return attrs;
}

const record = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    schema: 1,
    id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    decidedAt: "2026-11-30T10:00:00.000Z",
    expiresAt: "2027-05-30T10:00:00.000Z",
    revision: 2,
    policyVersion: "1.0",
    categories: { necessary: true, analytics: true },
    services: { ga4: true },
    gpc: false,
    method: "banner-accept-all",
    ...over,
  });

describe("the head script", () => {
  it("marks a valid record as decided, so the banner never shows", () => {
    expect(run(record())).toEqual({ "data-consent": "decided" });
  });

  it("shows the banner when there is no record", () => {
    expect(run(null)).toEqual({ "data-consent": "undecided" });
  });

  it("shows the banner, and no error escapes, when storage throws", () => {
    expect(
      run(() => {
        throw new DOMException("blocked", "SecurityError");
      }),
    ).toEqual({ "data-consent": "undecided" });
  });

  it.each([
    ["corrupt JSON", "{nope"],
    ["JSON null", "null"],
    ["wrong schema", record({ schema: 2 })],
    ["no id", record({ id: 7 })],
    ["expired", record({ expiresAt: "2026-12-01T11:00:00.000Z" })],
    ["decided in the future", record({ decidedAt: "2027-01-01T00:00:00.000Z" })],
    ["newer revision", record({ revision: 3 })],
    ["no categories", record({ categories: null })],
    ["a huge value", record({ policyVersion: "9".repeat(20_000) })],
  ])("shows the banner for %s", (_label, value) => {
    expect(run(value)["data-consent"]).toBe("undecided");
  });

  it("says the policy changed when the record answers an older revision", () => {
    expect(run(record({ revision: 1 }))).toEqual({ "data-consent": "undecided", "data-consent-reason": "outdated" });
  });

  it("marks Global Privacy Control", () => {
    expect(run(null, { gpc: true })).toEqual({ "data-consent": "undecided", "data-gpc": "" });
  });

  it("never calls a record decided that the full decoder rejects", () => {
    const cases = [
      record(),
      record({ revision: 1 }),
      record({ expiresAt: "2020-01-01T00:00:00.000Z" }),
      record({ gpc: "yes" }),
      "{}",
    ];
    for (const c of cases) {
      const full = readRecord(c, NOW, 2).status === "valid";
      if (run(c)["data-consent"] === "decided") expect(full, c).toBe(true);
    }
  });

  it("is one static string, and runs each part on its own", () => {
    expect(headScriptSource()).toBe(headScriptSource());
    expect(headScriptSource()).toContain(consentHeadPart);
    const attrs: Record<string, string> = {};
    const d = { setAttribute: (k: string, v: string) => void (attrs[k] = v) };
    new Function(
      "document",
      buildHeadScript(["throw new Error('first part broke')", 'd.setAttribute("data-theme","dark")']),
    )({ documentElement: d });
    expect(attrs).toEqual({ "data-theme": "dark" });
  });
});
