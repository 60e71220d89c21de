// The colour the browser paints its own interface in (address bar, task switcher) follows the page's
// theme. The server sends one <meta name="theme-color"> per system scheme; a theme the visitor chose
// in the header is put in front of them as one <meta> without a media query, which browsers take first.
import type { Theme } from "./stored";

export const THEME_COLORS = { light: "#fbfaf8", dark: "#121417" } as const;

/** Id of the <meta name="theme-color"> for a chosen theme (absent while the theme follows the system). */
export const THEME_COLOR_META_ID = "candor-theme-color";

/** Puts in front, updates or removes the chosen theme's colour. */
export function applyThemeColor(doc: Document, theme: Theme): void {
  const existing = doc.getElementById(THEME_COLOR_META_ID);
  if (theme === "system") return existing?.remove();
  const meta = existing ?? doc.createElement("meta");
  meta.id = THEME_COLOR_META_ID;
  meta.setAttribute("name", "theme-color");
  meta.setAttribute("content", THEME_COLORS[theme]);
  if (!existing) doc.head.prepend(meta);
}

/** The same for the inline <head> script, before the first paint: `pt` holds the remembered theme. */
export const themeColorHeadPart =
  `if(pt==="light"||pt==="dark"){var pm=document.createElement("meta");pm.id=${JSON.stringify(THEME_COLOR_META_ID)};pm.name="theme-color";` +
  `pm.content=pt==="dark"?${JSON.stringify(THEME_COLORS.dark)}:${JSON.stringify(THEME_COLORS.light)};document.head.prepend(pm)}`;
