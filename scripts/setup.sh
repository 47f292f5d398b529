#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test Article Annotator, and puts the tools on
# PATH. Safe to run again: each step checks first and is skipped when already satisfied.
#
#   bash scripts/setup.sh        # install / check only
#   source scripts/setup.sh      # the same, and PATH carries over into the calling shell
#
# Needs: rustup + cargo, node + npm, and (only when Chromium is missing) root or sudo for apt-get.

_aa_setup() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local TRUNK_VERSION="0.21.14"

  _aa_say() { printf 'setup: %s\n' "$*"; }
  _aa_die() { printf 'setup: error: %s\n' "$*" >&2; return 1; }

  # --- PATH: cargo-installed tools and the project's node tools (wasm-opt from binaryen) ---------
  case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
  case ":$PATH:" in *":$root/node_modules/.bin:"*) ;; *) PATH="$root/node_modules/.bin:$PATH" ;; esac
  export PATH

  command -v rustup >/dev/null || _aa_die "rustup not found (install it from https://rustup.rs)" || return 1
  command -v cargo >/dev/null || _aa_die "cargo not found" || return 1
  command -v node >/dev/null || _aa_die "node not found" || return 1
  command -v npm >/dev/null || _aa_die "npm not found" || return 1

  # --- Rust toolchain pinned by rust-toolchain.toml, with the wasm target ------------------------
  local channel
  channel="$(sed -n 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' \
    "$root/rust-toolchain.toml" 2>/dev/null | head -n1)"
  if [ -n "$channel" ] && ! rustup toolchain list | grep -q "^$channel"; then
    _aa_say "installing Rust $channel (rust-toolchain.toml)"
    (cd "$root" && rustup toolchain install "$channel" --profile minimal \
      --component rustfmt --component clippy --target wasm32-unknown-unknown) || return 1
  fi
  if ! (cd "$root" && rustup target list --installed) | grep -qx 'wasm32-unknown-unknown'; then
    _aa_say "adding target wasm32-unknown-unknown"
    (cd "$root" && rustup target add wasm32-unknown-unknown) || return 1
  fi
  local comp
  for comp in rustfmt clippy; do
    if ! (cd "$root" && rustup component list --installed) | grep -q "^$comp"; then
      _aa_say "adding component $comp"
      (cd "$root" && rustup component add "$comp") || return 1
    fi
  done
  _aa_say "rust $(cd "$root" && rustc --version | cut -d' ' -f2) with wasm32-unknown-unknown"

  # --- the toolchain of the shipped build (scripts/release.sh) -----------------------------------
  # A pinned nightly with the standard library's source: the release build compiles std itself,
  # without panic messages, their source locations or Debug formatting (about 37 KB gzip less).
  local nightly="nightly-2026-05-20"
  if ! rustup toolchain list | grep -q "^$nightly" ||
    ! rustup component list --toolchain "$nightly" --installed 2>/dev/null | grep -q '^rust-src'; then
    _aa_say "installing Rust $nightly with rust-src (for the release build)"
    rustup toolchain install "$nightly" --profile minimal --component rust-src \
      --target wasm32-unknown-unknown || return 1
  fi
  export AA_RELEASE_TOOLCHAIN="$nightly"
  _aa_say "release build with $nightly"

  # --- trunk -------------------------------------------------------------------------------------
  if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
    _aa_say "installing trunk $TRUNK_VERSION (takes several minutes)"
    (cd "$root" && cargo install trunk --version "$TRUNK_VERSION" --locked) || return 1
  fi
  _aa_say "trunk $TRUNK_VERSION"

  # --- wasm-bindgen CLI, exactly the version the lock file uses ----------------------------------
  if [ ! -f "$root/Cargo.lock" ]; then
    _aa_say "generating Cargo.lock"
    (cd "$root" && cargo generate-lockfile) || return 1
  fi
  local wb_version
  wb_version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$root/Cargo.lock")"
  [ -n "$wb_version" ] || _aa_die "wasm-bindgen not found in Cargo.lock" || return 1
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$wb_version" ]; then
    _aa_say "installing wasm-bindgen-cli $wb_version (takes a few minutes)"
    # Without --locked on purpose: the registry lacks one of its pinned dependency versions.
    (cd "$root" && cargo install wasm-bindgen-cli --version "$wb_version" --force) || return 1
  fi
  _aa_say "wasm-bindgen $wb_version"

  # --- node packages (wasm-opt, the end-to-end driver) -------------------------------------------
  local stamp="$root/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$root/package.json" -nt "$stamp" ] ||
    { [ -f "$root/package-lock.json" ] && [ "$root/package-lock.json" -nt "$stamp" ]; }; then
    if [ -f "$root/package-lock.json" ]; then
      _aa_say "npm ci"
      (cd "$root" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    else
      _aa_say "npm install"
      (cd "$root" && npm install --no-audit --no-fund --loglevel=error) || return 1
    fi
  fi
  # Trunk.toml asks for wasm_opt = "version_132"; trunk uses the wasm-opt on PATH when its
  # `--version` reports that version, and would otherwise try to download one.
  local wo_version
  wo_version="$(wasm-opt --version 2>/dev/null | awk '{print $3}')"
  [ "$wo_version" = "132" ] ||
    _aa_die "wasm-opt on PATH is '${wo_version:-missing}' ($(command -v wasm-opt || echo none)), want 132" ||
    return 1
  _aa_say "wasm-opt $wo_version, playwright-core $(node -p "require('$root/node_modules/playwright-core/package.json').version")"

  # --- Chromium and chromedriver (for in-browser and end-to-end tests) ---------------------------
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || _aa_die "need root or sudo to install chromium" || return 1
      sudo="sudo"
    fi
    _aa_say "installing chromium and chromedriver (apt-get)"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      chromium chromium-driver >/dev/null || return 1
    # Fonts only make screenshots readable (CJK, emoji); failure here is not fatal.
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      fonts-noto-cjk fonts-noto-color-emoji >/dev/null ||
      _aa_say "optional fonts not installed"
  fi
  _aa_say "$(/usr/bin/chromium --version 2>/dev/null | head -n1)"
  _aa_say "ready"
}

if (return 0 2>/dev/null); then
  # Sourced: keep the caller's shell alive and report failure through the return status.
  _aa_setup
else
  set -euo pipefail
  _aa_setup
fi
