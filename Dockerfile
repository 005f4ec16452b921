# Baken's api, worker and migration runner: one image, the command picks which (see docker-compose.yml).
# The api and the worker run as bundles (npm run build:server) with plain node: under tsx, the loader's
# copies of every module's source cost the api ~55 MiB. The migration runner, a one-off, runs with tsx.
# Node 24, the LTS line (supported until April 2028); package.json's engines allow 20.19 and later for source
# checkouts, and the tests run on Node 20 too.
FROM node:24-bookworm-slim

WORKDIR /app

# Manifests first, so the dependency layer is rebuilt only when they change. Every workspace is listed:
# `npm ci` refuses a lockfile whose workspaces are missing.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/worker/package.json apps/worker/
COPY packages/config/package.json packages/config/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/mail/package.json packages/mail/
COPY packages/queue/package.json packages/queue/
COPY packages/runtime/package.json packages/runtime/
COPY packages/services/package.json packages/services/
COPY packages/testing/package.json packages/testing/
# As on developers' machines (package.json "allowScripts"), no dependency runs an install script: nothing is
# downloaded behind npm's back (Prisma's engines are not needed, the client is generated below).
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY . .
# The Prisma client (the postinstall step that --ignore-scripts skipped), the console's static build, then
# the api and worker bundles.
RUN npm run db:generate && npm run build --workspace @baken/web --if-present && npm run build:server
# RIPE_UPLOAD_DIR in docker-compose: a volume mounted here starts with this folder's owner.
RUN mkdir -p /var/lib/baken/ripe-uploads && chown node:node /var/lib/baken/ripe-uploads

USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# node itself, not an npm script: one process, which receives SIGTERM itself and closes gracefully.
CMD ["node", "--enable-source-maps", "apps/api/dist/server.mjs"]
