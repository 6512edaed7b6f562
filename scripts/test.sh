#!/usr/bin/env bash
# npm test: the whole suite. Unit and database tests (SQLite and the real
# PostgreSQL server), a production build, then the browser flows in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
node scripts/check-node.mjs
bash scripts/ensure-chromium.sh
bash scripts/ensure-test-servers.sh
npx vitest run
npx next build
npx playwright test
