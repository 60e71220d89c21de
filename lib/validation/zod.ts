// zod for modules that also run in the browser. Jitless: zod would otherwise probe `Function("")` to
// decide whether it may compile parsers, and the strict CSP (no 'unsafe-eval') reports that as a
// violation. Parsing is the same either way.
import { z } from "zod";

z.config({ jitless: true });

export { z };
