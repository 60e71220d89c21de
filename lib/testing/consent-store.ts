// A consent store for unit tests: the real registry, with in-memory storage and cookies.
import { createConsentStore } from "../consent/store";
import { CookieJar, MemoryStorage } from "./cookie-jar";
import { testRegistry } from "./registry";

export function memoryConsentStore() {
  return createConsentStore({
    registry: testRegistry(),
    revision: 1,
    policyVersion: "1.0",
    env: {
      host: { localStorage: new MemoryStorage(), sessionStorage: new MemoryStorage() },
      doc: new CookieJar("localhost"),
      location: { hostname: "localhost", pathname: "/" },
    },
  });
}
