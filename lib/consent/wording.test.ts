import { describe, expect, it } from "vitest";
import { en } from "../i18n/strings/en";
import { testRegistry } from "../testing/registry";
import { fillConsentWording, optionalPurposes } from "./wording";

describe("the consent wording", () => {
  it("names every optional category, with its services, as what Accept all allows", () => {
    expect(optionalPurposes(testRegistry())).toBe(
      "Performance & Analytics (Google Analytics 4), Advertising (TikTok Pixel), and Functional",
    );
  });

  it("follows the registry: a category that is gone is no longer named", () => {
    const reg = testRegistry();
    const noAds = {
      ...reg,
      categories: reg.categories.filter((c) => c.id !== "advertising"),
      services: reg.services.filter((s) => s.category !== "advertising"),
    };
    expect(optionalPurposes(noAds)).toBe("Performance & Analytics (Google Analytics 4) and Functional");
  });

  it("fills the banner sentences and leaves no placeholder behind", () => {
    const filled = fillConsentWording(en.consent, testRegistry());
    expect(filled.bannerText).toContain('"Accept all" allows Performance & Analytics (Google Analytics 4)');
    expect(filled.bannerGpc).toContain("leaves TikTok Pixel off");
    for (const text of [filled.bannerText, filled.bannerGpc, filled.confirmAcceptedGpc]) expect(text).not.toMatch(/\{/);
  });
});
