// HTTP Basic authentication against one configured password (RFC 7617). The user name is not checked;
// the password is compared in constant time, by its hash, so neither its length nor its content leaks
// through timing.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Whether the Authorization header carries `password`. Anything malformed is simply "no". */
export function hasBasicPassword(authorization: string | null, password: string): boolean {
  if (!authorization || authorization.length > 4096) return false;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return false;
  return timingSafeEqual(digest(decoded.slice(colon + 1)), digest(password));
}

export function basicChallenge(realm: string): string {
  return `Basic realm="${realm.replace(/["\\]/g, "")}", charset="UTF-8"`;
}
