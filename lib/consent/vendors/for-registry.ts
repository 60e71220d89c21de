// The loaders this deployment runs: one per registry service that has a loader and an account id.
import type { ClientRegistry } from "../../registry/client";
import type { ConsentStore } from "../store";
import { connectVendors } from "./connect";
import { createGa4Loader } from "./ga4";
import type { VendorLoader } from "./loader";
import { createTiktokLoader } from "./tiktok";

const FACTORIES: Record<string, (accountId: string, win: Window) => VendorLoader> = {
  ga4: createGa4Loader,
  tiktok: createTiktokLoader,
};

export function loadersFor(
  registry: Pick<ClientRegistry, "services">,
  win: Window = globalThis.window,
): VendorLoader[] {
  const out: VendorLoader[] = [];
  for (const s of registry.services) {
    const factory = FACTORIES[s.id];
    if (factory && s.active && s.accountId) out.push(factory(s.accountId, win));
  }
  return out;
}

/** The vendors' code as the page loads it on demand (on-demand.ts): every loader, bound to the store. */
export function connectRegistryVendors(
  store: ConsentStore,
  registry: Pick<ClientRegistry, "services">,
  reload: () => void,
): () => void {
  return connectVendors(store, loadersFor(registry), reload);
}
