// Opens (and, for the embedded database, migrates) the database once at start-up, so the first
// request does not pay for it and a broken database fails loudly at boot; then starts the background work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampClientIp } = await import("./lib/stamp-client-ip");
  stampClientIp();
  const { pingDb } = await import("./db/index");
  await pingDb();
  // On Postgres without NEXTAUTH_SECRET, the session secret every instance shares, kept in the database.
  const { loadAuthSecret } = await import("./lib/secret");
  await loadAuthSecret();
  if (process.env.BACKGROUND_JOBS !== "false") {
    const { startBackgroundJobs } = await import("./lib/jobs");
    startBackgroundJobs();
  }
}
