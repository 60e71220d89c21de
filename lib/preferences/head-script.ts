// The preferences part of the inline <head> script: before the first paint it applies the remembered
// theme (data-theme on <html>) and hides the page parts the visitor collapsed, so nothing flashes or
// jumps. It mirrors readPreference() in stored.ts; preferences.test.ts runs both on the same inputs.
// A part is a plain-JS statement list that sees `d` (document.documentElement); see lib/head-script.ts.
// The keys exist only with Functional consent (PreferencesStore deletes them otherwise), and while the
// consent head part says there is no valid decision they are not applied at all.

import {
  FUTURE_TOLERANCE_MS,
  PREFERENCE_MAX_AGE_MS,
  PREFERENCE_VERSION,
  SECTION_ID_PATTERN,
  THEME_KEY,
  UI_KEY,
} from "./stored";
import { themeColorHeadPart } from "./theme-color";

/** Id of the <style> element holding the collapsed parts until React takes over. */
export const UI_STATE_STYLE_ID = "candor-ui-state";

const j = JSON.stringify;

export const preferencesHeadPart = [
  'var pc=d.getAttribute("data-consent");',
  'if(pc===null||pc==="decided"){',
  "var pn=Date.now();",
  "var pr=function(k){var s=localStorage.getItem(k);if(!s)return null;var o=JSON.parse(s);",
  `if(!o||typeof o!=="object"||o.v!==${PREFERENCE_VERSION}||typeof o.savedAt!=="number"||o.savedAt<0||o.savedAt-pn>${FUTURE_TOLERANCE_MS}||pn-o.savedAt>${PREFERENCE_MAX_AGE_MS})return null;`,
  "return o.value};",
  `var pt=null;try{pt=pr(${j(THEME_KEY)})}catch(e){}`,
  'if(pt==="light"||pt==="dark")d.setAttribute("data-theme",pt);',
  themeColorHeadPart,
  `var pu=null;try{pu=pr(${j(UI_KEY)})}catch(e){}`,
  `var pl=[],px=new RegExp(${j(SECTION_ID_PATTERN)});`,
  'if(pu&&pu.sections&&typeof pu.sections==="object"){for(var pi in pu.sections){',
  "if(Object.prototype.hasOwnProperty.call(pu.sections,pi)&&pu.sections[pi]===\"closed\"&&px.test(pi))pl.push('[data-collapsible=\"'+pi+'\"]>[data-collapsible-body]')}}",
  `if(pl.length){var ps=document.createElement("style");ps.id=${j(UI_STATE_STYLE_ID)};`,
  'ps.textContent="@media screen{"+pl.join(",")+"{display:none}}";document.head.appendChild(ps)}',
  "}",
].join("");
