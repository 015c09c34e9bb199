#!/usr/bin/env bash
# ./course bench — training-speed benchmark (issue 7): the library's MLP training (dl.bench.TrainingBenchmark)
# against the NumPy peer ../shared/bench/numpy_mlp_ref.py, side by side in one invocation, on the full
# Fashion-MNIST from Debian's dataset-fashion-mnist. Extra arguments go to the Java main (e.g. --repeat 2).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

DATA=/usr/share/datasets/fashion-mnist
PEER="$ROOT/../shared/bench/numpy_mlp_ref.py"

# --- the full Fashion-MNIST (60 000 + 10 000 images) ---------------------------------------------
if [ ! -f "$DATA/train-images-idx3-ubyte.gz" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's dataset-fashion-mnist"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null
  else
    die "the full Fashion-MNIST is missing from $DATA: run as root (sudo apt-get install dataset-fashion-mnist)"
  fi
fi
[ -f "$DATA/t10k-labels-idx1-ubyte.gz" ] || die "dataset-fashion-mnist is installed but $DATA is incomplete"
[ -f "$PEER" ] || die "the NumPy peer script is missing: expected $PEER"

# --- NumPy in the project's venv -----------------------------------------------------------------------
PY="${PYTHON:-python3}"
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  command -v "$PY" >/dev/null || die "python3 not found: install Python 3.9 or newer"
  say "creating $VENV"
  "$PY" -m venv "$VENV" || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
stamp="$VENV/.installed-bench"
want=$(sha256sum requirements-bench.txt | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing NumPy into $VENV (requirements-bench.txt)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-bench.txt
  echo "$want" > "$stamp"
fi
"$VENV/bin/python" -c 'import numpy' || die "numpy does not import in $VENV"

# --- the library ----------------------------------------------------------------------------------
JAR=lib/target/dl-lib-1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml lib/pom.xml lib/src/main -newer "$JAR" -print -quit)" ]; then
  say "building lib/ (mvn package)"
  mvn -q -B -DskipTests package
fi

say "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(java -version 2>&1 | head -1)"
say "NumPy $("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)'), $("$VENV/bin/python" --version)"
exec java --add-modules jdk.incubator.vector -Xmx2g -cp "$JAR:lib/target/kernel-classpath/*" \
  dl.bench.TrainingBenchmark "$DATA" "$@" --peer "$VENV/bin/python" "$PEER"
