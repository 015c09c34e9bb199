#!/usr/bin/env bash
# Opens the course in JupyterLab on 127.0.0.1 with token authentication, at notebooks/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_PATH="$ROOT/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)   # containers and CI machines often run as root
exec "$ROOT/.venv/bin/jupyter" lab "${extra[@]}" --ServerApp.ip=127.0.0.1 --ServerApp.root_dir="$ROOT/notebooks" "$@"
