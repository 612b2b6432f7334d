# syntax=docker/dockerfile:1
# Streamfolio: a multi-stage build of Next.js's standalone server, run as a non-root user.
#   docker build -t streamfolio .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… streamfolio
# Without DATABASE_URL the embedded database lives in the /data volume. See README "Running in production".

FROM node:20-bookworm-slim AS deps
WORKDIR /app
# patches/ holds a fix to a dependency that npm ci applies (postinstall: patch-package).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN NEXT_OUTPUT=standalone npm run build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    PGLITE_DIR=/data/pglite
RUN groupadd --system --gid 1001 streamfolio \
 && useradd --system --uid 1001 --gid streamfolio --home-dir /app --no-create-home streamfolio \
 && mkdir /data && chown streamfolio:streamfolio /data
# The traced server and its static files.
COPY --from=build --chown=streamfolio:streamfolio /app/.next/standalone ./
COPY --from=build --chown=streamfolio:streamfolio /app/.next/static ./.next/static
COPY --from=build --chown=streamfolio:streamfolio /app/public ./public
# What the tracer does not follow: the migrations and the migrator, the embedded database's WASM and data
# files, and the native argon2 binding.
COPY --from=build --chown=streamfolio:streamfolio /app/db/migrations ./db/migrations
COPY --from=build --chown=streamfolio:streamfolio /app/db/migrate-postgres.mjs ./db/migrate-postgres.mjs
COPY --from=build --chown=streamfolio:streamfolio /app/scripts/start-standalone.mjs ./scripts/start-standalone.mjs
COPY --from=deps --chown=streamfolio:streamfolio /app/node_modules/drizzle-orm ./node_modules/drizzle-orm
COPY --from=deps --chown=streamfolio:streamfolio /app/node_modules/postgres ./node_modules/postgres
COPY --from=deps --chown=streamfolio:streamfolio /app/node_modules/@electric-sql ./node_modules/@electric-sql
COPY --from=deps --chown=streamfolio:streamfolio /app/node_modules/@node-rs ./node_modules/@node-rs
USER streamfolio
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "scripts/start-standalone.mjs"]
