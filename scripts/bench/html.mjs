// The policy page's own HTML without the framework's scripts: the control `npm run bench:floor
// -- --without-scripts` measures beside the page, to tell what its content costs from what loading React and
// Next.js's chunks alongside it costs (issue 15).

/**
 * The HTML with every external script and every script preload taken out. Inline scripts stay: the head
 * script (consent state, theme, sections laid out late) and the RSC payload, which only fills an array
 * when no chunk comes to read it.
 */
export function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*\bsrc=[^>]*>\s*<\/script>/gi, "")
    .replace(/<link\b(?=[^>]*\brel="?preload"?[\s/>])(?=[^>]*\bas="?script"?[\s/>])[^>]*>/gi, "")
    .replace(/<link\b[^>]*\brel="?modulepreload"?[^>]*>/gi, "");
}
