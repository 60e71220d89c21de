// The element id an address's fragment names. Any fragment is allowed in a link ("#%", "#50%", "#%E0%A4"),
// and decodeURIComponent throws on a malformed escape: such a fragment names the id as written instead.

/** Longer than any heading's id: such a fragment names nothing on the page. */
const MAX_FRAGMENT = 512;

export function fragmentId(hash: string): string {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  if (raw.length > MAX_FRAGMENT) return "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
