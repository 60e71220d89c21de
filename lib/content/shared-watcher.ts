// One file watcher shared by every listener (the dev preview's content-changes streams): opened for the
// first listener, closed after the last, and a bounded number of listeners — a page left open in many
// tabs, or a script opening streams, costs one watcher, not one each.

export interface SharedWatcher {
  /** Calls `onChange` on every change until the returned function is called; null when full. */
  subscribe(onChange: () => void): (() => void) | null;
  readonly listeners: number;
}

/** `open` starts watching and returns how to stop; it is called again only after every listener left. */
export function createSharedWatcher(open: (onChange: () => void) => () => void, maxListeners = 64): SharedWatcher {
  const listeners = new Set<() => void>();
  let close: (() => void) | null = null;
  return {
    subscribe(onChange) {
      if (listeners.size >= maxListeners) return null;
      const listener = () => onChange();
      listeners.add(listener);
      close ??= open(() => {
        for (const l of listeners) l();
      });
      return () => {
        if (!listeners.delete(listener)) return;
        if (listeners.size === 0 && close) {
          close();
          close = null;
        }
      };
    },
    get listeners() {
      return listeners.size;
    },
  };
}
