// Binds the vendor loaders to the consent store: grant when a service becomes granted, revoke when it
// stops being granted, and when a revoked vendor's code already ran in this page, ask for a reload
// (nothing else can stop code that is already running).
import type { ConsentStore } from "../store";
import type { VendorLoader } from "./loader";

export function connectVendors(store: ConsentStore, loaders: readonly VendorLoader[], reload: () => void): () => void {
  const granted = new Map<string, boolean>();
  for (const l of loaders) {
    l.init();
    granted.set(l.service, false);
  }
  const apply = () => {
    let stale = false;
    // the loaders call into vendor code, which may throw: every vendor is still told, the reload still
    // happens, and the failures are passed on afterwards
    const failures: unknown[] = [];
    for (const l of loaders) {
      const now = store.isServiceGranted(l.service);
      if (now === granted.get(l.service)) continue;
      granted.set(l.service, now);
      try {
        if (now) l.grant();
        else l.revoke();
      } catch (e) {
        failures.push(e);
      }
      if (!now && l.injected) stale = true;
    }
    if (stale) reload();
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, "Vendor loaders failed.");
  };
  apply();
  return store.subscribe(apply);
}
