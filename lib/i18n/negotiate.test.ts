import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./negotiate";

describe("negotiateLocale", () => {
  it("falls back to English", () => {
    expect(negotiateLocale(null)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("fr-FR,fr;q=0.9")).toBe("en");
    expect(negotiateLocale("garbage;;;q=x")).toBe("en");
  });
  it("takes the first supported language by quality", () => {
    expect(negotiateLocale("fr;q=0.9, en-GB;q=0.8")).toBe("en");
    expect(negotiateLocale("EN-us")).toBe("en");
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("fr;q=0.9, de-AT;q=0.5, en;q=0.4")).toBe("de");
  });
  it("reads only the first languages of a huge header", () => {
    const huge = `${"xx;q=0.1,".repeat(10_000)}de`;
    expect(negotiateLocale(huge)).toBe("en");
    expect(negotiateLocale(`de;q=0.5,${"xx,".repeat(10_000)}`)).toBe("de");
  });
});
