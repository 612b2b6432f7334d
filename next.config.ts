import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone: a self-contained server.js with only
  // the files it needs. Off otherwise: `next start` (npm start, the e2e suite) warns against a standalone build.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  // PGlite ships WASM and data files that webpack would otherwise copy into public chunks and break.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2"],
  poweredByHeader: false,
  // Pages get their headers, CSP nonce included, from proxy.ts; the API and static files skip it and get these.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
      {
        // JSON and files: nothing in them may run, embed or be framed.
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
