// Dev preview only: a stream that sends the fingerprint of content/ on connect and whenever a file in
// it changes; the page refreshes when it differs from the one it was rendered with. The file is named
// route.dev.ts, a route only under `next dev` (pageExtensions in next.config.mjs): production has no such
// address. Guarded like every route (lib/http/guard.ts): GET from this site only. Every stream shares one
// file watcher (lib/content/shared-watcher.ts), and there are at most 64 streams at a time.
import { watch } from "node:fs";
import path from "node:path";
import { createSharedWatcher } from "@/lib/content/shared-watcher";
import { contentStamp } from "@/lib/content/stamp";
import { guardedRoute, jsonError } from "@/lib/http/guard";

export const dynamic = "force-dynamic";

const content = createSharedWatcher((onChange) => {
  const watcher = watch(path.join(/*turbopackIgnore: true*/ process.cwd(), "content"), { recursive: true }, onChange);
  return () => watcher.close();
});

function stream(request: Request) {
  const encoder = new TextEncoder();
  let close = () => {};
  let full = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let closed = false;
      const send = async () => {
        const stamp = await contentStamp().catch(() => "unreadable");
        if (!closed) controller.enqueue(encoder.encode(`data: ${stamp}\n\n`));
      };
      // Editors save in bursts (write, rename, touch): one message per burst.
      const leave = content.subscribe(() => {
        clearTimeout(timer);
        timer = setTimeout(send, 80);
      });
      if (!leave) {
        full = true;
        controller.close();
        return;
      }
      close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        leave();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      request.signal.addEventListener("abort", () => close());
      void send(); // a page rendered before this connection opened may already be out of date
    },
    cancel() {
      close();
    },
  });
  if (full) return jsonError(503, "Too many preview streams are open; close some tabs of the preview.");
  return new Response(body, {
    headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform" },
  });
}

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = guardedRoute(
  { allow: ["GET"], maxBodyBytes: 0 },
  { GET: stream },
);
