import { describe, expect, it } from "vitest";
import { apiRouteMatcher } from "./api-routes";

describe("apiRouteMatcher", () => {
  const isRoute = apiRouteMatcher({
    "/[locale]/cookie-policy/page": "/[locale]/cookie-policy",
    "/api/storage/cookies/route": "/api/storage/cookies",
    "/api/consent/[id]/route": "/api/consent/[id]",
    "/api/files/[...path]/route": "/api/files/[...path]",
    "/route": "/",
  });

  it("knows the API route handlers, dynamic segments included", () => {
    expect(isRoute("/api/storage/cookies")).toBe(true);
    expect(isRoute("/api/storage/cookies/")).toBe(true);
    expect(isRoute("/api/consent/abc")).toBe(true);
    expect(isRoute("/api/files/a/b/c")).toBe(true);
  });

  it("leaves every other address to the 404 page", () => {
    for (const path of [
      "/api/nothing",
      "/api/storage",
      "/api/storage/cookies/x",
      "/api/consent/a/b",
      "/api/files",
      "/",
      "/en/cookie-policy",
    ])
      expect(isRoute(path), path).toBe(false);
  });
});
