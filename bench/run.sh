#!/usr/bin/env bash
# The benchmark, end to end: build the app (release), generate the reference documents,
# measure in headless Chromium, print the table and write bench/out/results.json.
#   bash bench/run.sh                 7 runs per scenario
#   BENCH_RUNS=3 bash bench/run.sh    fewer runs
#   BENCH_NO_BUILD=1 bash bench/run.sh   measure the dist/ that is already there
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -f scripts/setup.sh ]; then
  # shellcheck disable=SC1091
  source scripts/setup.sh
fi
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

for pkg in playwright-core @recogito/text-annotator; do
  if [ ! -f "node_modules/$pkg/package.json" ]; then
    echo "bench: node_modules/$pkg is missing; run 'npm install' first" >&2
    exit 1
  fi
done

if [ "${BENCH_NO_BUILD:-0}" != "1" ]; then
  bash scripts/release.sh
fi
node bench/generate.mjs
node bench/run.mjs
