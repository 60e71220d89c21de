// The lazy-layout part of the inline <head> script (lib/head-script.ts). While the page loads, the policy's
// sections (lib/content/sections.ts) that are out of view are neither styled nor laid out
// (content-visibility, app/globals.css), so the first paint, and the layout when the rest of the HTML
// arrives, cost the first screen rather than the whole policy (issue 15). Once the page has loaded (or two
// seconds after its HTML is in, should a slow request hold the load event up), the sections are laid out
// one per frame, when the browser is idle, top to bottom; then the attribute goes.
//
// A laid-out-later section stands in with an estimated height, so nothing may scroll to a place inside or
// below one before it is laid out: a page opened at an anchor, reloaded or reached by back or forward (which
// restore a scroll position), a click on a link to an anchor, a change of the anchor and printing all lay
// everything out first (one layout, as without this part). A page opened at
// an anchor also jumps there without smooth scrolling while it loads.
import { POLICY_SECTION_CLASS } from "./sections";

/** On <html> while sections out of view may be left unlaid-out. */
export const LAZY_LAYOUT_ATTRIBUTE = "data-lazy-layout";
/** On <html> while a page opened at an anchor loads: no smooth scrolling (app/globals.css). */
export const INSTANT_SCROLL_ATTRIBUTE = "data-instant-scroll";
/** On a section once it is laid out for good. */
export const LAID_OUT_ATTRIBUTE = "data-laid-out";

const j = JSON.stringify;

export const lazyLayoutHeadPart = [
  // a reload or a step back or forward restores a scroll position, which must land where it was: no holding back
  'var lt=performance.getEntriesByType&&performance.getEntriesByType("navigation")[0],lv=lt&&(lt.type==="reload"||lt.type==="back_forward");',
  "if(!location.hash&&!lv){",
  `d.setAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)},"");`,
  `var lo=function(){d.removeAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)})};`,
  'addEventListener("hashchange",lo);addEventListener("beforeprint",lo);',
  'document.addEventListener("click",function(e){var t=e.target;if(t&&t.closest&&t.closest(\'a[href^="#"]\'))lo()},true);',
  "var lr=window.requestIdleCallback||function(f){return setTimeout(f,1)};",
  // from the load event, or two seconds after the HTML is in, should something hold the load event up
  "var lg=false,lb=function(){if(lg)return;lg=true;",
  `var ls=document.querySelectorAll(${j(`.${POLICY_SECTION_CLASS}`)}),li=0;`,
  // one section per frame: its layout happens in the frame after the attribute is set
  `var ln=function(){if(!d.hasAttribute(${j(LAZY_LAYOUT_ATTRIBUTE)}))return;`,
  `if(li<ls.length){ls[li++].setAttribute(${j(LAID_OUT_ATTRIBUTE)},"");requestAnimationFrame(function(){lr(ln)})}else lo()};`,
  "lr(ln)};",
  'addEventListener("load",lb);addEventListener("DOMContentLoaded",function(){setTimeout(lb,2000)});',
  // opened at an anchor: the jump there is instant until the page has loaded; a smooth scroll aims at
  // where the heading was when it started, before the islands above it changed size on the way
  `}else if(location.hash){d.setAttribute(${j(INSTANT_SCROLL_ATTRIBUTE)},"");`,
  `addEventListener("load",function(){setTimeout(function(){d.removeAttribute(${j(INSTANT_SCROLL_ATTRIBUTE)})},0)})}`,
].join("");
