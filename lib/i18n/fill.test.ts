import { describe, expect, it } from "vitest";
import { fill } from "./fill";

describe("fill", () => {
  it("replaces known placeholders and leaves unknown ones visible", () => {
    expect(fill("Delete {name} ({size})", { name: "_ga", size: 12 })).toBe("Delete _ga (12)");
    expect(fill("{missing} stays", {})).toBe("{missing} stays");
  });

  it("inserts values literally, even when they look like placeholders or markup", () => {
    expect(fill("Delete {name}", { name: "{size}<b>" })).toBe("Delete {size}<b>");
  });
});
