// `npm run db:seed`: creates the demo account (demo@streamfolio.local / streamfolio-demo) with the
// deterministic demo portfolio, on DATABASE_URL or the embedded database. Stop the app first when it
// runs on the embedded database: PGlite serves one process per data folder.
import { closeDb } from "../db/index";
import { signUp } from "../lib/accounts";
import { loadDemo } from "../lib/data/demo";
import { findCredentials } from "../lib/data/users";
import { todayIn } from "../lib/today";

const EMAIL = "demo@streamfolio.local";
const PASSWORD = "streamfolio-demo";

async function main() {
  let user = await findCredentials(EMAIL);
  if (!user) {
    const created = await signUp({ name: "Demo Designer", email: EMAIL, password: PASSWORD, timeZone: "UTC" });
    if (!created.ok) throw new Error(`could not create the demo account: ${JSON.stringify(created.fieldErrors)}`);
    user = await findCredentials(EMAIL);
  }
  try {
    const loaded = await loadDemo(user!.id, process.env.SEED_TODAY ?? todayIn("UTC"));
    console.log(
      `demo portfolio loaded: ${loaded.streams} streams, ${loaded.transactions} transactions, ${loaded.timeEntries} time entries, ${loaded.goals} goals`,
    );
  } catch (err) {
    if ((err as { status?: number }).status === 409) console.log("the demo account already has its portfolio");
    else throw err;
  }
  console.log(`sign in as ${EMAIL} with the password ${PASSWORD}`);
  await closeDb();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
