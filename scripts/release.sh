#!/usr/bin/env bash
# The shipped build: `trunk build --release` into dist/, compiled with a pinned nightly that
# rebuilds the standard library without panic messages, their source locations or Debug
# formatting, then the page's scripts minified. A panic stops the app either way (the release
# profile aborts); what goes is text that only a debugger would show, about 37 KB of the
# gzip-compressed download, and the scripts' white space and long names, about 3 KB.
#   bash scripts/release.sh [extra trunk build arguments]
# The standard library is built for size (its `optimize_for_size` feature: smaller sorts and
# string routines, about 2.7 KB).
# (`trunk build --release` alone still works, on the stable toolchain, and ships a larger wasm.)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -n "${AA_RELEASE_TOOLCHAIN:-}" ] || source scripts/setup.sh >/dev/null
export RUSTUP_TOOLCHAIN="$AA_RELEASE_TOOLCHAIN"
export CARGO_UNSTABLE_BUILD_STD="std,panic_abort"
export CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size"
export RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
# Its own target directory: the stable builds' cache stays valid beside it.
export CARGO_TARGET_DIR="${AA_RELEASE_TARGET_DIR:-target/shipped}"
trunk build --release "$@"
# Then the scripts, which trunk leaves as wasm-bindgen writes them (terser, from package.json).
dist=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$2"; shift ;;
    --dist=*) dist="${1#--dist=}" ;;
  esac
  shift
done
node scripts/minify-dist.mjs "$dist"
