import { describe, expect, it } from "vitest";
import { createSharedWatcher } from "./shared-watcher";

function fakeFs() {
  const fs = { opened: 0, closed: 0, fire: () => {} };
  const open = (onChange: () => void) => {
    fs.opened++;
    fs.fire = onChange;
    return () => void fs.closed++;
  };
  return { fs, open };
}

describe("the shared content watcher", () => {
  it("opens one watcher for many listeners, tells each of a change, and closes after the last leaves", () => {
    const { fs, open } = fakeFs();
    const watcher = createSharedWatcher(open);
    const heard: string[] = [];
    const leave = ["a", "b", "c"].map((n) => watcher.subscribe(() => heard.push(n)));
    expect(fs.opened).toBe(1);
    fs.fire();
    expect(heard).toEqual(["a", "b", "c"]);
    leave[0]?.();
    leave[0]?.(); // leaving twice changes nothing
    leave[1]?.();
    expect(fs.closed).toBe(0);
    leave[2]?.();
    expect(fs.closed).toBe(1);
    expect(watcher.listeners).toBe(0);
    watcher.subscribe(() => {});
    expect(fs.opened).toBe(2);
  });

  it("refuses listeners past its limit", () => {
    const { fs, open } = fakeFs();
    const watcher = createSharedWatcher(open, 2);
    expect(watcher.subscribe(() => {})).not.toBeNull();
    expect(watcher.subscribe(() => {})).not.toBeNull();
    expect(watcher.subscribe(() => {})).toBeNull();
    expect(fs.opened).toBe(1);
  });
});
