// The preferences part of the inline <head> script: before the first paint it applies the remembered
// theme (data-theme on <html>) and hides the page parts the visitor collapsed, so nothing flashes or
// jumps. It mirrors readPreference() in stored.ts; head-script.test.ts runs both on the same inputs.
// The keys only exist with Functional consent (PreferencesStore deletes them otherwise).
import { FUTURE_TOLERANCE_MS, PREFERENCE_VERSION, SECTION_ID_PATTERN, THEME_KEY, UI_KEY } from "./stored";

export interface PreferencesHeadOptions {
  themeMaxAgeMs: number;
  uiMaxAgeMs: number;
}

/** Id of the <style> element holding the collapsed parts until React takes over. */
export const UI_STATE_STYLE_ID = "candor-ui-state";

export function preferencesHeadScript({ themeMaxAgeMs, uiMaxAgeMs }: PreferencesHeadOptions): string {
  const j = JSON.stringify;
  return `(function(){try{var d=document.documentElement,n=Date.now();
function r(k,m){try{var s=localStorage.getItem(k);if(!s)return null;var o=JSON.parse(s);if(!o||typeof o!=="object"||o.v!==${PREFERENCE_VERSION}||typeof o.savedAt!=="number"||o.savedAt<0||o.savedAt-n>${FUTURE_TOLERANCE_MS}||n-o.savedAt>m)return null;return o.value}catch(e){return null}}
var t=r(${j(THEME_KEY)},${j(themeMaxAgeMs)});if(t==="light"||t==="dark")d.setAttribute("data-theme",t);
var u=r(${j(UI_KEY)},${j(uiMaxAgeMs)}),c=[],p=new RegExp(${j(SECTION_ID_PATTERN)});
if(u&&u.sections&&typeof u.sections==="object"){for(var id in u.sections){if(Object.prototype.hasOwnProperty.call(u.sections,id)&&u.sections[id]==="closed"&&p.test(id))c.push('[data-collapsible="'+id+'"]>[data-collapsible-body]')}}
if(c.length){var st=document.createElement("style");st.id=${j(UI_STATE_STYLE_ID)};st.textContent="@media screen{"+c.join(",")+"{display:none}}";document.head.appendChild(st)}
}catch(e){}})();`;
}
