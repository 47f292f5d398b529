#!/usr/bin/env bash
# Makes bench/out/profile-dist: a copy of dist/ whose wasm keeps its function names (the
# release build's wasm-opt pass strips them), for CPU profiles that name Rust functions:
#   bash bench/profile-dist.sh
#   BENCH_DIST=bench/out/profile-dist BENCH_PROFILE=1 BENCH_RUNS=1 node bench/run.mjs
# It re-runs wasm-bindgen on the release wasm that the last `bash scripts/release.sh` compiled
# (no rebuild). Timings from it are for diagnosis only: it skips wasm-opt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -f scripts/setup.sh ]; then
  # shellcheck disable=SC1091
  source scripts/setup.sh >/dev/null
fi
wasm="${AA_RELEASE_TARGET_DIR:-target/shipped}/wasm32-unknown-unknown/release/article-annotator.wasm"
[ -f "$wasm" ] && [ -f dist/index.html ] || { echo "build first: bash scripts/release.sh" >&2; exit 1; }
js="$(cd dist && ls article-annotator-*.js | head -n1)"
stem="${js%.js}"
out=bench/out/profile-dist
rm -rf "$out"
mkdir -p "$out"
cp -r dist/. "$out/"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$stem" "$wasm"
# the new files no longer match the subresource-integrity hashes in index.html (quoted, or not
# in the minified page)
sed -i -E 's/ integrity=("[^"]*"|[^ >"]*)//g' "$out/index.html"
echo "wrote $out ($(du -h "$out/${stem}_bg.wasm" | cut -f1) wasm with names)"
