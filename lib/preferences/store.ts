// The visitor's preferences (theme, which page parts are collapsed). They always apply to the current
// visit; they are written to localStorage only while Functional consent is granted. Without it no key
// is written, and withdrawing it deletes the keys and falls back to the defaults.
import { type StorageArea, storageGet, storageRemove, storageSet } from "../storage/safe";
import {
  decodeSections,
  decodeTheme,
  decodeUiState,
  PREFERENCE_MAX_AGE_MS,
  readPreference,
  type Sections,
  THEME_KEY,
  type Theme,
  UI_KEY,
  writePreference,
} from "./stored";

export interface PreferencesState {
  theme: Theme;
  sections: Sections;
  /** Functional consent as last reported: null until the consent record has been read. */
  functional: boolean | null;
}

export interface PreferencesStoreOptions {
  /** How long a remembered choice holds (the registry's declared duration). */
  maxAgeMs?: number;
  host?: Partial<Record<StorageArea, Storage>>;
  now?: () => number;
  /** Puts the theme on the page (data-theme on <html>). */
  applyTheme?: (theme: Theme) => void;
}

export type PreferencesStore = ReturnType<typeof createPreferencesStore>;

export const DEFAULT_THEME: Theme = "system";

// A factory whose length is the store's methods (each short), sharing its state in the closure.
export function createPreferencesStore(opts: PreferencesStoreOptions) {
  const now = opts.now ?? Date.now;
  const maxAge = opts.maxAgeMs ?? PREFERENCE_MAX_AGE_MS;
  const host = opts.host;
  const listeners = new Set<() => void>();
  let fromStorage = false;

  const readStored = () => {
    const rawTheme = storageGet("localStorage", THEME_KEY, host);
    const rawUi = storageGet("localStorage", UI_KEY, host);
    const theme = readPreference(decodeTheme, rawTheme.success ? rawTheme.value : null, now(), maxAge);
    const ui = readPreference(decodeUiState, rawUi.success ? rawUi.value : null, now(), maxAge);
    // A corrupt or expired entry is not a preference: it goes, silently
    if (theme.status === "invalid" || theme.status === "expired") storageRemove("localStorage", THEME_KEY, host);
    if (ui.status === "invalid" || ui.status === "expired") storageRemove("localStorage", UI_KEY, host);
    return {
      theme: theme.status === "ok" ? theme.value : null,
      sections: ui.status === "ok" ? ui.value.sections : null,
    };
  };

  const initial = readStored();
  fromStorage = initial.theme !== null || initial.sections !== null;
  let state: PreferencesState = {
    theme: initial.theme ?? DEFAULT_THEME,
    sections: initial.sections ?? {},
    functional: null,
  };

  const set = (next: Partial<PreferencesState>) => {
    const prevTheme = state.theme;
    state = { ...state, ...next };
    if (state.theme !== prevTheme) opts.applyTheme?.(state.theme);
    for (const l of listeners) l();
  };

  const removeKeys = () => {
    storageRemove("localStorage", THEME_KEY, host);
    storageRemove("localStorage", UI_KEY, host);
  };

  /** Writes the current choices; a default needs no key. Returns false when storage refused. */
  const persist = (): boolean => {
    let ok = true;
    if (state.theme === DEFAULT_THEME) storageRemove("localStorage", THEME_KEY, host);
    else ok = storageSet("localStorage", THEME_KEY, writePreference(state.theme, now()), host).success && ok;
    if (Object.keys(state.sections).length === 0) storageRemove("localStorage", UI_KEY, host);
    else
      ok = storageSet("localStorage", UI_KEY, writePreference({ sections: state.sections }, now()), host).success && ok;
    return ok;
  };

  return {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    setTheme(theme: Theme) {
      if (decodeTheme(theme) === undefined) return;
      fromStorage = false;
      set({ theme });
      if (state.functional === true) persist();
    },
    setSection(id: string, open: "open" | "closed") {
      const sections = { ...state.sections, [id]: open };
      if (decodeSections(sections) === undefined) return;
      fromStorage = false;
      set({ sections });
      if (state.functional === true) persist();
    },
    /**
     * Tells the store what the consent record says about Functional. Granting keeps the current choices;
     * withdrawing (or finding keys without consent) deletes the keys and returns to the defaults.
     */
    setFunctionalConsent(granted: boolean | null) {
      const before = state.functional;
      if (granted === before) return;
      if (granted === null) return;
      if (granted) {
        set({ functional: true });
        persist();
        return;
      }
      removeKeys();
      const reset = before === true || fromStorage;
      fromStorage = false;
      set(reset ? { functional: false, theme: DEFAULT_THEME, sections: {} } : { functional: false });
    },
    /** Another tab changed the keys: follow it while they may be kept. */
    syncFromStorage() {
      if (state.functional !== true) return;
      const stored = readStored();
      set({ theme: stored.theme ?? DEFAULT_THEME, sections: stored.sections ?? {} });
    },
  };
}
