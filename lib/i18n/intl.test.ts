import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./intl";

describe("cached Intl formatters", () => {
  it("hands back the same formatter for the same locale and options", () => {
    expect(numberFormat("en", { style: "percent" })).toBe(numberFormat("en", { style: "percent" }));
    expect(dateTimeFormat("de", { dateStyle: "long" })).toBe(dateTimeFormat("de", { dateStyle: "long" }));
  });

  it("keeps locales, options and kinds apart", () => {
    expect(numberFormat("en").format(1234.5)).toBe("1,234.5");
    expect(numberFormat("de").format(1234.5)).toBe("1.234,5");
    expect(numberFormat("en", { style: "percent" }).format(0.5)).toBe("50%");
    expect(dateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-11-30T00:00:00Z"))).toBe(
      "November 30, 2026",
    );
  });
});
