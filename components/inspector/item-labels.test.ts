import { afterEach, describe, expect, it, vi } from "vitest";
import { testItemLabels } from "@/lib/testing/registry";
import { fetchItemLabels, isItemLabels } from "./item-labels";

afterEach(() => vi.unstubAllGlobals());

function serve(response: Response | Error) {
  const fetch = vi.fn(async () => {
    if (response instanceof Error) throw response;
    return response;
  });
  vi.stubGlobal("fetch", fetch);
  vi.spyOn(console, "warn").mockImplementation(() => {});
  return fetch;
}

describe("the inspector's item labels", () => {
  it("are fetched from the page language's file", async () => {
    const fetch = serve(Response.json(testItemLabels()));
    expect(await fetchItemLabels("de")).toEqual(testItemLabels());
    expect(fetch).toHaveBeenCalledWith("/de/storage-labels.json");
  });

  it("are null, with a console warning, when the request fails, the answer is not labels or the language is odd", async () => {
    for (const answer of [
      new Error("offline"),
      new Response("Not found", { status: 404 }),
      new Response("<html>", { status: 200 }),
      Response.json({ labels: [] }),
      Response.json([["cookie", "_ga", "Google", "x"]]),
    ]) {
      serve(answer);
      expect(await fetchItemLabels("en")).toBeNull();
      expect(console.warn).toHaveBeenCalled();
    }
    const fetch = serve(Response.json([]));
    expect(await fetchItemLabels("../api/x")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("accept exactly lists of five texts", () => {
    expect(isItemLabels(testItemLabels())).toBe(true);
    expect(isItemLabels([])).toBe(true);
    expect(isItemLabels([["cookie", "_ga", "Google", "x", 2]])).toBe(false);
    expect(isItemLabels(null)).toBe(false);
  });
});
