#!/usr/bin/env bash
# A quick check that the benchmark still works: generator (with its self-check) and one run of
# every scenario on a small document (20 paragraphs, 100 annotations) against the dist/ that is
# already built. Fails only if the harness cannot run, never on a timing.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

if [ ! -f dist/index.html ]; then
  echo "bench smoke: dist/index.html missing; build the app first (bash scripts/release.sh)" >&2
  exit 1
fi
export BENCH_SMOKE=1 BENCH_RUNS=1
node bench/generate.mjs
node bench/run.mjs
