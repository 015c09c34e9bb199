#!/usr/bin/env bash
# Opens the course in JupyterLab on 127.0.0.1 with token authentication, at notebooks/.
# Extra arguments go to `jupyter lab` (e.g. --no-browser, --ServerApp.port=8899, --ServerApp.root_dir=DIR).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JUPYTER_PATH="$ROOT/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
args=(--ServerApp.ip=127.0.0.1)
case " $* " in
  *" --ServerApp.root_dir="*) ;;
  *) args+=("--ServerApp.root_dir=$ROOT/notebooks") ;;
esac
[ "$(id -u)" = 0 ] && args+=(--allow-root)   # containers and CI machines often run as root
exec "$ROOT/.venv/bin/jupyter" lab "${args[@]}" "$@"
