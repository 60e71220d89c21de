import { afterEach, describe, expect, it, vi } from "vitest";
import { reloadOnce } from "./server-html";

function browser(navigationType: string) {
  const reload = vi.fn();
  vi.stubGlobal("window", { location: { reload } });
  vi.spyOn(performance, "getEntriesByType").mockReturnValue([{ type: navigationType } as unknown as PerformanceEntry]);
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return { reload, error };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("reloadOnce (an element of policy text mounted without its HTML)", () => {
  it("reloads the page, which brings the text with it, and says why in the console", () => {
    const { reload, error } = browser("navigate");
    reloadOnce("no HTML for x");
    expect(reload).toHaveBeenCalledOnce();
    expect(error.mock.calls[0]?.[0]).toMatch(/Reloading the page: no HTML for x/);
  });

  it("does not reload a second time: a page that keeps losing its text must not reload for ever", () => {
    const { reload, error } = browser("reload");
    reloadOnce("no HTML for x");
    expect(reload).not.toHaveBeenCalled();
    expect(error.mock.calls[0]?.[0]).toMatch(/could not be shown .*already reloaded once/);
  });
});
