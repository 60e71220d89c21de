// The lazy-layout part of the inline <head> script (lib/head-script.ts). While the page loads, the policy's
// sections (lib/content/sections.ts) that are out of view are neither styled nor laid out
// (content-visibility, app/globals.css), so the first paint, and the layout when the rest of the HTML
// arrives, cost the first screen rather than the whole policy (issue 15). Once the page has loaded, the
// sections are laid out one per frame, when the browser is idle, top to bottom; then the attribute goes.
//
// A laid-out-later section stands in with an estimated height, so nothing may scroll to a place inside or
// below one before it is laid out: a page opened at an anchor, a click on a link to an anchor, a change of
// the anchor and printing all lay everything out first (one layout, as without this part).
import { POLICY_SECTION_CLASS } from "./sections";

/** On <html> while sections out of view may be left unlaid-out. */
export const LAZY_LAYOUT_ATTRIBUTE = "data-lazy-layout";
/** On a section once it is laid out for good. */
export const LAID_OUT_ATTRIBUTE = "data-laid-out";

const j = JSON.stringify;

export const lazyLayoutHeadPart = [
  "if(!location.hash){",
  `d.setAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)},"");`,
  `var lo=function(){d.removeAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)})};`,
  'addEventListener("hashchange",lo);addEventListener("beforeprint",lo);',
  'document.addEventListener("click",function(e){var t=e.target;if(t&&t.closest&&t.closest(\'a[href^="#"]\'))lo()},true);',
  "var lr=window.requestIdleCallback||function(f){return setTimeout(f,1)};",
  'addEventListener("load",function(){',
  `var ls=document.querySelectorAll(${j(`.${POLICY_SECTION_CLASS}`)}),li=0;`,
  // one section per frame: its layout happens in the frame after the attribute is set
  `var ln=function(){if(!d.hasAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)}))return;`,
  `if(li<ls.length){ls[li++].setAttribute(${j(LAID_OUT_ATTRIBUTE)},"");requestAnimationFrame(function(){lr(ln)})}else lo()};`,
  "lr(ln)})",
  "}",
].join("");
