import fs from "node:fs";
import path from "node:path";

/*
 * The embedded database holds password hashes and a person's income. PGlite writes its files 0666 whatever
 * the umask, so the folder is made 0700 before it opens (nobody else can even list it) and every file in
 * it 0600 once it has, and again when it closes (WAL segments written in between are already behind the
 * 0700 folder).
 */
export function makePrivateDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

export function makeFilesPrivate(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(full, 0o700);
      makeFilesPrivate(full);
    } else if (entry.isFile()) fs.chmodSync(full, 0o600);
  }
}
