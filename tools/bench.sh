#!/usr/bin/env bash
# ./course bench — training-speed benchmark (issues 7, 17, 28): the library's training of two MLPs, DLFS's
# SimpleConvNet and an LSTM (dl.bench.TrainingBenchmark, in lib's test sources) against the project's peers in
# tools/bench/ — NumPy in the book's style and in a fast style (pinned in .venv by requirements-bench.txt) and
# PyTorch (Debian's python3-torch + libopenblas0-pthread, installed with apt-get when run as root; skipped with the
# reason printed otherwise) — interleaved in one invocation, on the full Fashion-MNIST from Debian's
# dataset-fashion-mnist. Extra arguments go to the Java main (--quick, --repeat N, --only a,b,c,d, --cold);
# --cnn-profile runs dl.bench.CnnProfile instead (where the library's CNN iteration spends its time), --lstm-profile
# dl.bench.LstmProfile (the same for the LSTM, workload (d)).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '[bench] %s\n' "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

DATA=/usr/share/datasets/fashion-mnist

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

# --- PyTorch: Debian's python3-torch (PyPI's torch wheel for Linux is the CUDA build, several GB) ----------
TORCH=(--no-torch "not installed")
SYSPY=/usr/bin/python3
torch_ok() { [ -x "$SYSPY" ] && "$SYSPY" -c 'import torch' 2>/dev/null; }
if ! torch_ok || ! dpkg -s libopenblas0-pthread >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's python3-torch and libopenblas0-pthread (the PyTorch peer)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      python3-torch libopenblas0-pthread >/dev/null) || say "apt-get install python3-torch failed"
  else
    TORCH=(--no-torch "python3-torch/libopenblas0-pthread missing and not root (sudo apt-get install python3-torch libopenblas0-pthread)")
  fi
fi
if torch_ok; then
  TORCH=(--torch "$SYSPY")
  dpkg -s libopenblas0-pthread >/dev/null 2>&1 || say "WARNING: libopenblas0-pthread is missing: PyTorch runs on the reference BLAS"
elif [ "${TORCH[0]}" = --no-torch ] && [ "${TORCH[1]}" = "not installed" ]; then
  TORCH=(--no-torch "import torch failed in $SYSPY after installing python3-torch")
fi

# --- the library ----------------------------------------------------------------------------------
JAR=lib/target/dl-lib-1.0-SNAPSHOT.jar
BENCH=lib/target/test-classes/dl/bench/TrainingBenchmark.class
if [ ! -f "$JAR" ] || [ ! -f "$BENCH" ] || [ -n "$(find pom.xml lib/pom.xml lib/src/main lib/src/test/java/dl/bench -newer "$JAR" -print -quit)" ]; then
  say "building lib/ (mvn package)"
  mvn -q -B -DskipTests package
fi

say "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(java -version 2>&1 | head -1)"
say "NumPy $("$VENV/bin/python" -c 'import numpy; print(numpy.__version__)'), $("$VENV/bin/python" --version)"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
CP="$JAR:lib/target/test-classes:lib/target/kernel-classpath/*"
if [ "${1:-}" = --cnn-profile ]; then
  shift
  exec java --add-modules jdk.incubator.vector -Xmx2g -cp "$CP" dl.bench.CnnProfile "$DATA" "$@"
fi
if [ "${1:-}" = --lstm-profile ]; then
  shift
  exec java --add-modules jdk.incubator.vector -Xmx2g -cp "$CP" dl.bench.LstmProfile "$@"
fi
exec java --add-modules jdk.incubator.vector -Xmx2g -cp "$CP" \
  dl.bench.TrainingBenchmark "$DATA" "$@" --numpy "$VENV/bin/python" "${TORCH[@]}" --scripts "$ROOT/tools/bench"
