import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that webpack would otherwise copy into public chunks and break.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm run check` and CI) type-checks the whole project, tests included;
  // repeating it inside every build would only slow down `npm start` on a fresh machine.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
