import { inlineScriptHashes } from "../lib/security/inline-scripts";

/** Response headers whose CSP allows the inline scripts of `html`, as the build that served it would. */
export function withHashesOf(html: string, headers: Record<string, string>): Record<string, string> {
  const csp = headers["content-security-policy"];
  if (!csp) return headers;
  const hashes = inlineScriptHashes(html).map((h) => `'${h}'`);
  const rewritten = csp
    .split("; ")
    .map((d) =>
      d.startsWith("script-src ")
        ? [
            "script-src",
            ...d
              .split(" ")
              .slice(1)
              .filter((s) => !s.startsWith("'sha256-")),
            ...hashes,
          ].join(" ")
        : d,
    )
    .join("; ");
  return { ...headers, "content-security-policy": rewritten };
}
