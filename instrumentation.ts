// Runs once when the server starts: lib/server/startup.ts checks the configuration and the build.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") (await import("./lib/server/startup")).checkAtStart();
}
