// The loaders this deployment runs: one per registry service that has a loader and an account id.
import type { ClientRegistry } from "../../registry/client";
import { createGa4Loader } from "./ga4";
import type { VendorLoader } from "./loader";
import { createTiktokLoader } from "./tiktok";

const FACTORIES: Record<string, (accountId: string) => VendorLoader> = {
  ga4: (id) => createGa4Loader(id),
  tiktok: (id) => createTiktokLoader(id),
};

export function loadersFor(registry: Pick<ClientRegistry, "services">): VendorLoader[] {
  const out: VendorLoader[] = [];
  for (const s of registry.services) {
    const factory = FACTORIES[s.id];
    if (factory && s.active && s.accountId) out.push(factory(s.accountId));
  }
  return out;
}
