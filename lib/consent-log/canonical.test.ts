import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonical";

describe("canonicalize", () => {
  it("sorts keys by code unit at every depth and leaves no whitespace", () => {
    expect(canonicalize({ b: 1, a: { d: [true, null], c: "x" }, B: 2 })).toBe(
      '{"B":2,"a":{"c":"x","d":[true,null]},"b":1}',
    );
  });

  it("gives the same text whatever order the keys came in", () => {
    expect(canonicalize({ x: 1, y: [1, 2] })).toBe(canonicalize({ y: [1, 2], x: 1 }));
  });

  it("keeps array order, which is meaningful", () => {
    expect(canonicalize(["b", "a"])).not.toBe(canonicalize(["a", "b"]));
  });

  it("escapes strings as JSON does", () => {
    expect(canonicalize({ 'q"\n': "é\u2028" })).toBe('{"q\\"\\n":"é\u2028"}');
  });

  it("drops undefined properties, as JSON.stringify does", () => {
    expect(canonicalize({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it("refuses what has no single encoding: fractions, NaN, big numbers, class instances", () => {
    expect(() => canonicalize(1.5)).toThrow(TypeError);
    expect(() => canonicalize(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalize(2 ** 60)).toThrow(TypeError);
    expect(() => canonicalize(new Date(0))).toThrow(TypeError);
    expect(() => canonicalize({ f: () => 1 })).toThrow(TypeError);
  });
});
