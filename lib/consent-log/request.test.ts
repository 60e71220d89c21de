import { describe, expect, it } from "vitest";
import { MAX_BATCH, parseEventsRequest } from "./request";
import { sampleEvent } from "./testing";

const known = {
  categories: new Set(["necessary", "analytics", "functional", "security"]),
  services: new Set(["ga4", "tiktok"]),
  locales: new Set(["en", "de"]),
};
const now = Date.parse("2026-11-30T10:00:30.000Z");
const parse = (body: unknown) => parseEventsRequest(typeof body === "string" ? body : JSON.stringify(body), known, now);

describe("POST /api/consent/events bodies", () => {
  it("takes one event, or a batch", () => {
    expect(parse(sampleEvent())).toMatchObject({ success: true, events: [sampleEvent()] });
    const two = [sampleEvent(), sampleEvent({ sequence: 2 })];
    expect(parse({ events: two })).toEqual({ success: true, events: two });
  });

  it("refuses a body that is not JSON", () => {
    expect(parse("{")).toMatchObject({ success: false, status: 400, message: "The request body is not JSON." });
  });

  it("names the field that is wrong, with its place in a batch", () => {
    expect(parse({ ...sampleEvent(), sequence: 0 })).toMatchObject({ success: false, status: 400, field: "sequence" });
    expect(parse({ events: [sampleEvent(), { ...sampleEvent(), policyHash: "xyz" }] })).toMatchObject({
      success: false,
      status: 400,
      field: "events[1].policyHash",
      index: 1,
    });
    expect(parse({ ...sampleEvent(), action: "sell" })).toMatchObject({ success: false, field: "action" });
  });

  it("refuses fields it does not know (nothing else about the visitor may come in)", () => {
    const r = parse({ ...sampleEvent(), userAgent: "Mozilla/5.0" });
    expect(r).toMatchObject({ success: false, status: 400 });
    expect(!r.success && r.message).toContain("userAgent");
  });

  it("refuses an empty or oversized batch", () => {
    expect(parse({ events: [] })).toMatchObject({ success: false, field: "events" });
    expect(
      parse({ events: Array.from({ length: MAX_BATCH + 1 }, (_, i) => sampleEvent({ sequence: i + 1 })) }),
    ).toMatchObject({
      success: false,
      field: "events",
    });
  });

  it("refuses categories and services this site does not have", () => {
    expect(parse({ ...sampleEvent(), grantedCategories: ["necessary", "marketing"] })).toMatchObject({
      success: false,
      status: 422,
      field: "grantedCategories[1]",
      message: 'grantedCategories[1]: "marketing" is not a category of this site.',
    });
    expect(parse({ events: [sampleEvent(), { ...sampleEvent(), deniedServices: ["hotjar"] }] })).toMatchObject({
      success: false,
      status: 422,
      field: "events[1].deniedServices[0]",
      index: 1,
    });
  });

  it("refuses something both granted and denied, and an unknown language", () => {
    expect(parse({ ...sampleEvent(), deniedServices: ["ga4"] })).toMatchObject({ success: false, status: 422 });
    expect(parse({ ...sampleEvent(), locale: "fr" })).toMatchObject({ success: false, field: "locale" });
  });

  it("refuses client times far in the future or the past, and accepts a clock a few minutes off", () => {
    expect(parse(sampleEvent({ clientTime: "2026-11-30T10:05:00.000Z" })).success).toBe(true);
    expect(parse(sampleEvent({ clientTime: "2026-11-30T11:00:00.000Z" }))).toMatchObject({
      success: false,
      field: "clientTime",
    });
    expect(parse(sampleEvent({ clientTime: "2026-10-01T10:00:00.000Z" }))).toMatchObject({
      success: false,
      field: "clientTime",
    });
    expect(parse(sampleEvent({ clientTime: "2026-02-31T10:00:00.000Z" }))).toMatchObject({
      success: false,
      status: 400,
    });
  });
});
