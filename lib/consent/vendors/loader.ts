// What every third-party loader offers the vendor controller (one file per vendor beside this one).
export interface VendorLoader {
  /** Registry service id this loader serves. */
  readonly service: string;
  /** Prepares the vendor's command queue; nothing is requested and nothing is stored. */
  init(): void;
  /** Consent given: tell the vendor, and inject its script the first time. */
  grant(): void;
  /** Consent withdrawn: tell the vendor. */
  revoke(): void;
  /** Whether the vendor's script was injected in this page, so its code may be running. */
  readonly injected: boolean;
}

/** Appends <script async id=…> once; the id keeps a second injection from happening. */
export function injectScript(doc: Document, id: string, src: string): void {
  if (doc.getElementById(id)) return;
  const s = doc.createElement("script");
  s.id = id;
  s.async = true;
  s.src = src;
  doc.head.appendChild(s);
}
