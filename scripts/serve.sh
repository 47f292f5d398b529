#!/usr/bin/env bash
# Builds Article Annotator and serves it with live reload at http://127.0.0.1:8080/ (Trunk.toml).
#   bash scripts/serve.sh [extra trunk serve arguments]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh
echo "serve: http://127.0.0.1:8080/ (Ctrl+C to stop)"
exec trunk serve "$@"
