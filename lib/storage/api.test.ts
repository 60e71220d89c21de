import { describe, expect, it } from "vitest";
import { COOKIE_NAME, decodeClearResponse, decodeCookieEcho, decodeExpireResponse } from "./api";

// The decoders in api.ts are the one definition of the answers' shapes: these are what they must accept
// (first) and refuse (the rest).
const echoes: unknown[] = [
  { cookies: [] },
  { cookies: [{ name: "_ga", size: 10 }] },
  { cookies: [{ name: "", size: 0 }] },
  { cookies: Array.from({ length: 1000 }, () => ({ name: "a", size: 1 })) },
  { cookies: [{ name: "_ga", size: -1 }] },
  { cookies: [{ name: "_ga", size: 1.5 }] },
  { cookies: [{ name: "_ga", size: "1" }] },
  { cookies: [{ name: "_ga", size: 1, value: "leak" }] },
  { cookies: [{ name: "x".repeat(4097), size: 1 }] },
  { cookies: Array.from({ length: 1001 }, () => ({ name: "a", size: 1 })) },
  { cookies: "<b>" },
  { cookies: [], extra: 1 },
  null,
  [],
  "text",
];
const expires: unknown[] = [
  { expired: [], notSent: [], invalid: [], later: [] },
  { expired: ["a"], notSent: ["b"], invalid: ["c d"], later: ["e"] },
  { expired: [1], notSent: [], invalid: [], later: [] },
  { expired: [], notSent: [], invalid: [], later: "e" },
  { expired: [], notSent: [] },
  { expired: [] },
  { expired: [], notSent: [], invalid: [], later: [], more: 1 },
  null,
];
const clears: unknown[] = [
  { cleared: ["cookies", "storage"] },
  { cleared: [] },
  { cleared: ["cache"] },
  { cleared: "cookies" },
  {},
  null,
];

const ACCEPTED = { echoes: 4, expires: 2, clears: 2 };

describe("the browser's decoders of the storage routes' answers", () => {
  it("accept exactly the well-formed answers", () => {
    echoes.forEach((v, i) =>
      expect(decodeCookieEcho(v) !== null, JSON.stringify(v)?.slice(0, 80)).toBe(i < ACCEPTED.echoes),
    );
    expires.forEach((v, i) => expect(decodeExpireResponse(v) !== null, JSON.stringify(v)).toBe(i < ACCEPTED.expires));
    clears.forEach((v, i) => expect(decodeClearResponse(v) !== null, JSON.stringify(v)).toBe(i < ACCEPTED.clears));
  });

  it("know a cookie name by the RFC 6265 token rule", () => {
    for (const name of ["_ga", "__Host-ims_session", "x".repeat(256)]) expect(COOKIE_NAME.test(name), name).toBe(true);
    for (const name of ["a\r\nb", "a b", "a;b", "", "x".repeat(257)]) expect(COOKIE_NAME.test(name), name).toBe(false);
  });
});
