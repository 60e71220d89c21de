import { describe, expect, it } from "vitest";
import { COOKIE_NAME, decodeClearResponse, decodeCookieEcho, decodeExpireResponse } from "./api";
import { clearResponseSchema, cookieEchoSchema, cookieName, expireResponseSchema } from "./api-schema";

const echoes: unknown[] = [
  { cookies: [] },
  { cookies: [{ name: "_ga", size: 10 }] },
  { cookies: [{ name: "", size: 0 }] },
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

describe("the browser's decoders of the storage routes' answers", () => {
  it("accept and refuse exactly what the zod schemas do", () => {
    for (const v of echoes)
      expect(decodeCookieEcho(v) !== null, JSON.stringify(v)?.slice(0, 80)).toBe(cookieEchoSchema.safeParse(v).success);
    for (const v of expires)
      expect(decodeExpireResponse(v) !== null, JSON.stringify(v)).toBe(expireResponseSchema.safeParse(v).success);
    for (const v of clears)
      expect(decodeClearResponse(v) !== null, JSON.stringify(v)).toBe(clearResponseSchema.safeParse(v).success);
  });

  it("use one cookie-name rule", () => {
    for (const name of ["_ga", "__Host-ims_session", "a\r\nb", "a b", "a;b", "", "x".repeat(256), "x".repeat(257)]) {
      expect(COOKIE_NAME.test(name), name).toBe(cookieName.safeParse(name).success);
    }
  });
});
