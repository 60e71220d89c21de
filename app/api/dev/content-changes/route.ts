// Dev preview only: a stream of events, one each time a file in content/ changes. 404 in production.
import { watch } from "node:fs";
import path from "node:path";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  if (process.env.NODE_ENV !== "development") return new Response("Not found", { status: 404 });
  const encoder = new TextEncoder();
  let close = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      // Editors save in bursts (write, rename, touch): one event per burst.
      const watcher = watch(path.join(process.cwd(), "content"), { recursive: true }, () => {
        clearTimeout(timer);
        timer = setTimeout(() => controller.enqueue(encoder.encode("data: changed\n\n")), 80);
      });
      close = () => {
        clearTimeout(timer);
        watcher.close();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      request.signal.addEventListener("abort", () => close());
      controller.enqueue(encoder.encode(": watching content/\n\n"));
    },
    cancel() {
      close();
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform" } });
}
