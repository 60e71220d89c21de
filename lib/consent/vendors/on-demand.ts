// The vendors' code (loaders for GA4 and TikTok, Consent Mode) is needed only once a visitor grants one of
// their services: until then nothing of theirs runs, not even a command queue. This loads it at the first
// grant — at once for a returning visitor whose stored choice grants one — and then binds it to the store
// (connect.ts), so the JavaScript every page view parses carries none of it.
import type { ConsentStore } from "../store";

/** What the page needs to know about its vendors before their code is loaded. */
export interface VendorsOnDemand {
  /** The services that have a loader in this deployment (active, with an account id). */
  services: readonly string[];
  /** Loads the loaders' code and binds them to the store; returns the unbinding. */
  load: () => Promise<() => void>;
}

export function connectVendorsOnDemand(
  store: Pick<ConsentStore, "subscribe" | "isServiceGranted">,
  { services, load }: VendorsOnDemand,
  onError: (error: unknown) => void,
): () => void {
  let state: "waiting" | "loading" | "closed" = "waiting";
  let disconnect: (() => void) | undefined;
  const check = () => {
    if (state !== "waiting" || !services.some((s) => store.isServiceGranted(s))) return;
    state = "loading";
    load().then(
      (unbind) => {
        if (state === "closed") unbind();
        else disconnect = unbind;
      },
      (error: unknown) => {
        // the code did not arrive (offline, a new deployment): the next change of choice tries again
        if (state === "loading") state = "waiting";
        onError(error);
      },
    );
  };
  const unsubscribe = store.subscribe(check);
  check();
  return () => {
    state = "closed";
    unsubscribe();
    disconnect?.();
  };
}
