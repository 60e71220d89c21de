import { describe, expect, it } from "vitest";
import { keepOtherSections, sectionKey, splitSections } from "./docs.mjs";

const OLD = `# Benchmarks

Measured by npm run bench.

## Sizes

old sizes

## Floor

old floor

## Reading the floor figures

by hand

## Floor, throttling applied

applied

## Targets

old targets
`;

describe("docs/benchmarks.md after a full run", () => {
  it("splits a file into its sections", () => {
    expect(splitSections(OLD).map(([h]) => h)).toEqual([
      "",
      "## Sizes",
      "## Floor",
      "## Reading the floor figures",
      "## Floor, throttling applied",
      "## Targets",
    ]);
  });

  it("keeps the sections the run does not write, each after the one it followed", () => {
    const out = keepOtherSections(OLD, [
      "## Sizes\n\nnew sizes\n",
      "## Floor\n\nnew floor\n",
      "## Targets\n\nnew targets\n",
    ]);
    expect(out.map((s) => s.split("\n", 1)[0])).toEqual([
      "## Sizes",
      "## Floor",
      "## Reading the floor figures",
      "## Floor, throttling applied",
      "## Targets",
    ]);
    expect(out.join("\n")).toContain("new floor");
    expect(out.join("\n")).toContain("by hand");
    expect(out.join("\n")).not.toContain("old floor");
  });

  it("keeps the file's order for sections that lead it, and starts from nothing without a file", () => {
    const out = keepOtherSections("# B\n\n## Note\n\nfirst\n\n## Other\n\nsecond\n", ["## New\n\nn\n"]);
    expect(out).toEqual(["## Note\n\nfirst\n", "## Other\n\nsecond\n", "## New\n\nn\n"]);
    expect(keepOtherSections(null, ["## New\n\nn"])).toEqual(["## New\n\nn\n"]);
  });

  it("replace a section whose heading only has other figures", () => {
    expect(sectionKey("## Requests per second, policy page (162 KiB HTML), 50 connections, 30 s")).toBe(
      "## Requests per second, policy page",
    );
    expect(sectionKey("## Targets")).toBe("## Targets");
    const old = "## Requests per second, policy page (144 KiB HTML), 50 connections, 10 s\n\nold\n\n## Note\n\nkept\n";
    const out = keepOtherSections(old, [
      "## Requests per second, policy page (162 KiB HTML), 50 connections, 30 s\n\nnew\n",
    ]);
    expect(out.join("\n")).not.toContain("old");
    expect(out.map((s) => s.split("\n", 1)[0])).toEqual([
      "## Requests per second, policy page (162 KiB HTML), 50 connections, 30 s",
      "## Note",
    ]);
  });
});
