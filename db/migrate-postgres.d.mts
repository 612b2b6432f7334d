/** The fixed key of the migration lock (see migrate-postgres.mjs). */
export declare const MIGRATION_LOCK_KEY: number;
/** Applies db/migrations to a Postgres database under an advisory lock (see migrate-postgres.mjs). */
export declare function migratePostgres(url: string, migrationsFolder: string): Promise<void>;
