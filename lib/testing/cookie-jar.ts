// A document.cookie for unit tests that behaves like a browser's: a cookie is identified by name,
// domain (or host-only) and path, and only a write with the same three deletes it.
export class CookieJar {
  private jar = new Map<string, { name: string; value: string; domain: string | null; path: string }>();
  constructor(
    public hostname: string,
    public pathname = "/",
  ) {}

  get cookie(): string {
    return [...this.jar.values()]
      .filter((c) => this.visible(c))
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  set cookie(write: string) {
    const [pair = "", ...attrs] = write.split(";").map((s) => s.trim());
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    let domain: string | null = null;
    let path = "/";
    let expired = false;
    for (const a of attrs) {
      const [k = "", v = ""] = a.split("=");
      if (/^domain$/i.test(k)) domain = v.replace(/^\./, "").toLowerCase();
      if (/^path$/i.test(k)) path = v;
      if (/^max-age$/i.test(k) && Number(v) <= 0) expired = true;
    }
    // a browser refuses a Domain the host is not inside
    if (domain !== null && this.hostname !== domain && !this.hostname.endsWith(`.${domain}`)) return;
    const key = `${name}|${domain ?? "host:" + this.hostname}|${path}`;
    if (expired) this.jar.delete(key);
    else this.jar.set(key, { name, value, domain, path });
  }

  /** Every cookie in the jar, visible from here or not. */
  all() {
    return [...this.jar.values()];
  }

  private visible(c: { domain: string | null; path: string }) {
    const pathOk = c.path === "/" || this.pathname === c.path || this.pathname.startsWith(`${c.path}/`);
    const hostOk = c.domain === null || this.hostname === c.domain || this.hostname.endsWith(`.${c.domain}`);
    return pathOk && hostOk;
  }
}

// the same in-memory Web Storage the other unit tests use (whole-area quota, as browsers count)
export { MemoryStorage } from "./memory-storage";
