// The storage routes' request body, validated on the server with zod (a clear 400 naming the field).
// The answers' shapes are defined once, by the decoders in api.ts, which the browser uses.
import { z } from "zod";

// Any strings: each name is judged on its own (one bad name must not fail the batch), and the body limit
// (MAX_BODY_BYTES) already bounds the list.
export const expireRequestSchema = z.strictObject({
  names: z.array(z.string()).min(1),
});
