import { describe, expect, it } from "vitest";
import { hostMatches, serviceForHost } from "./hosts";

describe("hostMatches", () => {
  it("matches an exact host, ignoring case and a trailing dot", () => {
    expect(hostMatches("analytics.tiktok.com", "analytics.tiktok.com")).toBe(true);
    expect(hostMatches("analytics.tiktok.com", "Analytics.TikTok.com.")).toBe(true);
    expect(hostMatches("analytics.tiktok.com", "ads.tiktok.com")).toBe(false);
  });

  it("matches every subdomain for *., but not the bare domain or a look-alike", () => {
    expect(hostMatches("*.google-analytics.com", "region1.google-analytics.com")).toBe(true);
    expect(hostMatches("*.google-analytics.com", "a.b.google-analytics.com")).toBe(true);
    expect(hostMatches("*.google-analytics.com", "google-analytics.com")).toBe(false);
    expect(hostMatches("*.google-analytics.com", "evilgoogle-analytics.com")).toBe(false);
    expect(hostMatches("*.google-analytics.com", "google-analytics.com.evil.net")).toBe(false);
  });
});

describe("serviceForHost", () => {
  const service = (id: string, hosts: string[]) => ({
    id,
    name: id,
    provider: id,
    category: "analytics",
    privacyUrl: "https://example.com",
    advertising: false,
    hosts,
    description: { en: id },
  });
  const registry = { services: [service("broad", ["*.example.com"]), service("exact", ["beacon.example.com"])] };

  it("prefers the service that lists the exact host over one that lists a pattern", () => {
    expect(serviceForHost(registry, "beacon.example.com")?.id).toBe("exact");
    expect(serviceForHost(registry, "cdn.example.com")?.id).toBe("broad");
    expect(serviceForHost(registry, "example.org")).toBeUndefined();
  });
});
