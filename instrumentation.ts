// Runs once when the server starts: lib/server/startup.ts checks the configuration and the build, then the
// consent log's database is opened and migrated, so a schema problem shows in the server's log at start
// rather than at a visitor's first choice. A database that is down does not stop the site: the API opens
// it again on the next event.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  (await import("./lib/server/startup")).checkAtStart();
  const { consentLog } = await import("./lib/consent-log/server");
  await consentLog().catch((e) => console.error("consent log: not available at start:", e));
}
