#!/usr/bin/env bash
# Runs every check of Article Annotator: format, lints, native tests, in-browser wasm tests,
# the release build, end-to-end tests against the built app, and the benchmark smoke run.
#   bash scripts/test.sh
# Every step runs even when an earlier one failed (unless it needs that one's output); the last
# line is "N passed, N failed" and the exit status is non-zero when anything failed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

passed=0
failed=0
results=()
server_pid=""
last_ok=false
tmp_dir="$(mktemp -d)"

cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME COMMAND... : runs the command, records the outcome, never aborts the script.
step() {
  local name="$1"
  shift
  local start=$SECONDS
  printf '\n==> %s\n' "$name"
  if "$@"; then
    last_ok=true
    passed=$((passed + 1))
    results+=("ok    $name ($((SECONDS - start))s)")
  else
    last_ok=false
    failed=$((failed + 1))
    results+=("FAIL  $name ($((SECONDS - start))s)")
  fi
}

# skip NAME REASON : a step that could not run counts as failed.
skip() {
  failed=$((failed + 1))
  results+=("FAIL  $1 (not run: $2)")
  printf '\n==> %s\nnot run: %s\n' "$1" "$2"
}

summary() {
  printf '\n'
  printf '%s\n' "${results[@]}"
  printf '%d passed, %d failed\n' "$passed" "$failed"
}

printf '==> setup\n'
if ! source scripts/setup.sh; then
  failed=$((failed + 1))
  results+=("FAIL  setup")
  summary
  exit 1
fi

# Extra Chromium switches for wasm-bindgen-test-runner (it adds headless and no-sandbox itself):
# keep the browser from reaching out to the network.
cat >"$tmp_dir/webdriver.json" <<'JSON'
{
  "goog:chromeOptions": {
    "args": [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--no-first-run", "--disable-quic", "--disable-extensions"
    ]
  }
}
JSON

wasm_tests() {
  CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$tmp_dir/webdriver.json" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}" \
    cargo test --target wasm32-unknown-unknown
}

# Serves dist/ on a free port of 127.0.0.1 and sets AA_BASE_URL.
start_server() {
  local log="$tmp_dir/server.log"
  node scripts/static-server.mjs dist 0 >"$log" 2>&1 &
  server_pid=$!
  local i
  for i in $(seq 1 100); do
    if grep -q ' at http://' "$log"; then
      AA_BASE_URL="$(sed -n 's/.* at \(http:[^ ]*\).*/\1/p' "$log" | head -n1)"
      export AA_BASE_URL
      echo "serving dist/ at $AA_BASE_URL"
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log" >&2
  echo "static server did not start" >&2
  return 1
}

e2e_tests() {
  node --test --test-reporter=spec tests/e2e/
}

step "cargo fmt --check" cargo fmt --check
step "cargo clippy (host)" cargo clippy --all-targets -- -D warnings
step "cargo test (host)" cargo test
step "cargo test (wasm32, headless Chromium)" wasm_tests
step "release build (scripts/release.sh)" bash scripts/release.sh

if $last_ok; then
  if start_server; then
    step "end-to-end tests (tests/e2e)" e2e_tests
  else
    skip "end-to-end tests (tests/e2e)" "static server did not start"
  fi
else
  skip "end-to-end tests (tests/e2e)" "release build failed"
fi
if [ -f bench/smoke.sh ]; then
  step "benchmark smoke (bench/smoke.sh)" bash bench/smoke.sh
fi

summary
[ "$failed" -eq 0 ]
