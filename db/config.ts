import path from "node:path";

/** Where the embedded database lives; `memory://` keeps it in memory (tests). */
export function pgliteDir(): string {
  return process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

/** Folder for files the app creates for itself next to its embedded database (the generated secret). */
export function dataDir(): string {
  const dir = pgliteDir();
  return dir.startsWith("memory://") ? path.join(process.cwd(), ".data") : path.dirname(path.resolve(/*turbopackIgnore: true*/ dir));
}

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");
