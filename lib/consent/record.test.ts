import { describe, expect, it } from "vitest";
import {
  addLifetime,
  type ConsentRecord,
  decodeRecord,
  MAX_RECORD_LENGTH,
  RECORD_KEY,
  randomConsentId,
  readRecord,
} from "./record";

const NOW = Date.parse("2026-12-01T12:00:00.000Z");

const valid = (over: Partial<Record<keyof ConsentRecord, unknown>> = {}): Record<string, unknown> => ({
  schema: 1,
  id: "0f8fad5b-d9cb-469f-a165-70867728950e",
  decidedAt: "2026-11-30T10:00:00.000Z",
  expiresAt: "2027-05-30T10:00:00.000Z",
  revision: 2,
  policyVersion: "1.0",
  categories: { necessary: true, analytics: true, functional: false, security: true },
  services: { ga4: true, tiktok: false },
  gpc: false,
  method: "banner-accept-all",
  ...over,
});

const read = (value: unknown, revision = 2) =>
  readRecord(typeof value === "string" ? value : JSON.stringify(value), NOW, revision);

describe("the consent record", () => {
  it("is stored under the key the registry declares", () => {
    expect(RECORD_KEY).toBe("candor:consent");
  });

  it("reads a valid record as a decision", () => {
    const r = read(valid());
    expect(r.status).toBe("valid");
    if (r.status === "valid") expect(r.record.services).toEqual({ ga4: true, tiktok: false });
  });

  it("treats nothing stored as no decision", () => {
    expect(readRecord(null, NOW, 2)).toEqual({ status: "none" });
  });

  it("treats corrupt JSON as no decision", () => {
    expect(read("{not json").status).toBe("invalid");
    expect(read("").status).toBe("invalid");
    expect(read("null").status).toBe("invalid");
    expect(read("[]").status).toBe("invalid");
    expect(read('"granted"').status).toBe("invalid");
  });

  it("treats an expired record as no consent", () => {
    expect(read(valid({ expiresAt: "2026-12-01T11:59:59.000Z" })).status).toBe("expired");
    expect(read(valid({ expiresAt: "2026-12-01T12:00:00.000Z" })).status).toBe("expired");
  });

  it("treats a record from an older consentRevision as outdated, and from a newer one as invalid", () => {
    expect(read(valid({ revision: 1 })).status).toBe("outdated");
    expect(read(valid({ revision: 3 })).status).toBe("invalid");
  });

  it("does not trust a decision dated in the future", () => {
    expect(read(valid({ decidedAt: "2026-12-02T00:00:00.000Z" })).status).toBe("invalid");
  });

  it("refuses a huge value without parsing it", () => {
    const huge = JSON.stringify(valid({ policyVersion: "1".repeat(MAX_RECORD_LENGTH) }));
    expect(read(huge).status).toBe("invalid");
  });

  it("refuses __proto__ keys anywhere", () => {
    expect(read('{"__proto__":{"gpc":true},' + JSON.stringify(valid()).slice(1)).status).toBe("invalid");
    const cats = JSON.stringify(valid()).replace('"categories":{', '"categories":{"__proto__":true,');
    expect(read(cats).status).toBe("invalid");
    expect(({} as Record<string, unknown>).gpc).toBeUndefined();
  });

  it("refuses wrong types, unknown fields and missing fields", () => {
    expect(read(valid({ gpc: "false" })).status).toBe("invalid");
    expect(read(valid({ categories: { analytics: "yes" } })).status).toBe("invalid");
    expect(read(valid({ method: "forced" })).status).toBe("invalid");
    expect(read({ ...valid(), extra: 1 }).status).toBe("invalid");
    const { id: _id, ...noId } = valid();
    expect(read(noId).status).toBe("invalid");
    expect(read(valid({ decidedAt: "2026-02-31T10:00:00.000Z" })).status).toBe("invalid");
  });

  describe("field by field", () => {
    // What each field accepts and refuses: the decoder is the one definition of the record's shape,
    // used by the browser, the chooser page and the tests alike.
    const cases: Record<keyof ConsentRecord, { accepts: unknown[]; refuses: unknown[] }> = {
      schema: { accepts: [1], refuses: [0, 2, "1", null] },
      id: {
        accepts: ["0f8fad5b-d9cb-469f-a165-70867728950e", "abcdefgh", "A".repeat(64)],
        refuses: ["", "short", "a".repeat(65), "0f8fad5b d9cb", 12345678, null],
      },
      decidedAt: {
        accepts: ["2026-11-30T10:00:00.000Z", "2026-11-30T10:00:00Z"],
        refuses: ["2026-11-30T10:00:00+01:00", "2026-02-31T10:00:00.000Z", "2026-11-30", "x", 0, null],
      },
      expiresAt: {
        accepts: ["2027-05-30T10:00:00.000Z"],
        refuses: ["2027-05-30T10:00:00+01:00", "tomorrow", 1, null],
      },
      revision: { accepts: [1, 2], refuses: [0, -1, 1.5, 1e7, Number.NaN, "2", null] },
      policyVersion: {
        accepts: ["1", "1.0", "1.2.3"],
        refuses: ["", "1.2.3.4", "v1", "1".repeat(21), 1, null],
      },
      categories: {
        accepts: [{}, { analytics: true }, { "a-1": false }],
        refuses: [
          [],
          { Analytics: true },
          { "": true },
          { a: 1 },
          Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`c${i}`, true])),
          null,
          "x",
        ],
      },
      services: { accepts: [{}, { ga4: true }], refuses: [[], { GA4: true }, { ga4: "yes" }, null] },
      gpc: { accepts: [true, false], refuses: ["false", 0, null] },
      method: {
        accepts: ["banner-accept-all", "banner-reject-all", "dialog", "inline", "withdraw"],
        refuses: ["forced", "", 1, null],
      },
    };
    for (const [field, { accepts, refuses }] of Object.entries(cases)) {
      it.each(accepts.map((v) => [JSON.stringify(v)?.slice(0, 30), v]))(`${field} accepts %s`, (_l, value) => {
        expect(decodeRecord(JSON.parse(JSON.stringify(valid({ [field]: value }))))).not.toBeNull();
      });
      it.each(refuses.map((v) => [JSON.stringify(v)?.slice(0, 30), v]))(`${field} refuses %s`, (_l, value) => {
        expect(decodeRecord(JSON.parse(JSON.stringify(valid({ [field]: value }))))).toBeNull();
      });
      it(`refuses a record without ${field}`, () => {
        const without = valid();
        delete without[field];
        expect(decodeRecord(without)).toBeNull();
      });
    }

    it("refuses an extra key and anything that is not an object", () => {
      for (const value of [{ ...valid(), more: true }, [valid()], null, "x"]) expect(decodeRecord(value)).toBeNull();
    });

    it("returns exactly the fields it checked", () => {
      expect(decodeRecord(valid())).toEqual(valid());
    });
  });
});

describe("record lifetime", () => {
  it("adds calendar months, clamping to the month's last day", () => {
    expect(addLifetime(new Date("2026-08-31T10:00:00Z"), { amount: 6, unit: "month" }).toISOString()).toBe(
      "2027-02-28T10:00:00.000Z",
    );
    expect(addLifetime(new Date("2026-01-15T00:00:00Z"), { amount: 6, unit: "month" }).toISOString()).toBe(
      "2026-07-15T00:00:00.000Z",
    );
    expect(addLifetime(new Date("2026-01-15T00:00:00Z"), { amount: 1, unit: "year" }).toISOString()).toBe(
      "2027-01-15T00:00:00.000Z",
    );
    expect(addLifetime(new Date("2026-01-15T00:00:00Z"), { amount: 30, unit: "day" }).toISOString()).toBe(
      "2026-02-14T00:00:00.000Z",
    );
  });
});

describe("consent ids", () => {
  it("are random version 4 UUIDs built without crypto.randomUUID (http pages lack it)", () => {
    const a = randomConsentId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(randomConsentId()).not.toBe(a);
    expect(randomConsentId({ getRandomValues: <T extends ArrayBufferView | null>(b: T) => b })).toBe(
      "00000000-0000-4000-8000-000000000000",
    );
  });
});
