// `npm run user:reset-password -- <email>`: for the person who runs the server, when a user is locked out
// and mail is not set up. Sets a new random password, prints it once (nothing stores it in the clear),
// and ends every session of the account. Works on DATABASE_URL or the embedded database (PGLITE_DIR);
// stop the app first on the embedded one: PGlite serves one process per data folder.
import { closeDb } from "../db/index";
import { resetPasswordByOperator } from "../lib/account-security";

async function main() {
  const email = process.argv[2]?.trim().toLowerCase();
  if (!email || process.argv.length > 3) {
    console.error("usage: npm run user:reset-password -- <email>");
    return 2;
  }
  const reset = await resetPasswordByOperator(email);
  if (!reset) {
    console.error(`no account has the email ${email}`);
    return 1;
  }
  console.log(`New password for ${email}:\n\n  ${reset.password}\n`);
  console.log("Every session of the account was ended. Hand the password over privately; it is shown only now.");
  console.log("The owner signs in with it and sets one of their own in Settings → Account.");
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exitCode = code;
  })
  .catch(async (err: unknown) => {
    console.error(err);
    await closeDb().catch(() => {});
    process.exitCode = 1;
  });
