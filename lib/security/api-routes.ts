// Which addresses are API route handlers, from the build's app-path-routes-manifest.json. proxy.ts's
// headers win over a route's own, so it must leave those answers' policy to the route (lib/http/guard.ts
// gives them one that lets nothing load) and give every other /api/ address — a 404 page — the 404's.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function segmentPattern(segment: string): string {
  if (/^\[\[\.\.\.[^\]]+\]\]$/.test(segment)) return "(?:/.*)?";
  if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return "/.+";
  if (/^\[[^\]]+\]$/.test(segment)) return "/[^/]+";
  return `/${escape(segment)}`;
}

/** `(pathname) => whether an API route handler answers it`, from { "/api/x/route": "/api/x", … }. */
export function apiRouteMatcher(manifest: Record<string, string>): (pathname: string) => boolean {
  const patterns = Object.entries(manifest)
    .filter(([file, route]) => file.endsWith("/route") && route.startsWith("/api/"))
    .map(([, route]) => new RegExp(`^${route.split("/").filter(Boolean).map(segmentPattern).join("")}/?$`));
  return (pathname) => patterns.some((p) => p.test(pathname));
}
