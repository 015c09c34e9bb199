#!/usr/bin/env bash
# ./course experiments — the experiments of "Deep Learning from Scratch", chapters 4–7, at the book's sizes with the
# library's classes (dl.experiments.Experiments, in lib's test sources, like the benchmark): writes
# build/experiments/report.html (tables and figures, plotly.js inlined: opens offline) and results.json, and prints
# ours beside the book's numbers (docs/experiments.md). Full mode: the full Fashion-MNIST from Debian's
# dataset-fashion-mnist (installed with apt-get when run as root), some 20–40 minutes on 2 cores.
#   --quick          every experiment at tiny sizes on the repository's data/ (a check that all of it runs, < 40 s;
#                    writes build/experiments/quick/, so a full report is not overwritten)
#   --only A,B,...   only these experiments (names as in the report: train_neuralnet, train_convnet, …)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '[experiments] %s\n' "$*"; }
die() { printf '[experiments] ERROR: %s\n' "$*" >&2; exit 1; }

quick=0
for a in "$@"; do [ "$a" = --quick ] && quick=1; done
for a in "$@"; do
  case "$a" in -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
done

DATA=/usr/share/datasets/fashion-mnist
args=()
if [ "$quick" = 0 ]; then
  # --- the full Fashion-MNIST (60 000 + 10 000 images) ---------------------------------------------
  if [ ! -f "$DATA/train-images-idx3-ubyte.gz" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's dataset-fashion-mnist"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >/dev/null
    else
      die "the full Fashion-MNIST is missing from $DATA: run as root (sudo apt-get install dataset-fashion-mnist), or use --quick"
    fi
  fi
  [ -f "$DATA/t10k-labels-idx1-ubyte.gz" ] || die "dataset-fashion-mnist is installed but $DATA is incomplete"
  args+=(--fashion "$DATA")
  OUT=build/experiments
else
  OUT=build/experiments/quick
fi

# --- plotly.js for the report: the pinned copy of the project's venv (requirements.txt) --------------------
VENV="$ROOT/.venv"
plotly_js() { "$VENV/bin/python" -c 'import pathlib, plotly; print(pathlib.Path(plotly.__file__).parent / "package_data" / "plotly.min.js")' 2>/dev/null; }
if [ ! -x "$VENV/bin/python" ] || [ ! -f "$(plotly_js)" ]; then
  say "the project's Python environment (plotly.js for the report) is missing: running tools/setup.sh"
  bash tools/setup.sh
fi
PLOTLY="$(plotly_js)"
[ -f "$PLOTLY" ] || die "plotly.min.js not found in $VENV (pip install -r requirements.txt)"

# --- the library and the experiments (lib's test classes), offline ------------------------------------
JAR=lib/target/dl-lib-1.0-SNAPSHOT.jar
MAIN=lib/target/test-classes/dl/experiments/Experiments.class
if [ -n "${DL_EXPERIMENTS_NO_BUILD:-}" ]; then   # ./course test: step 1 has just built it, and kernels use the jar
  [ -f "$JAR" ] && [ -f "$MAIN" ] || die "DL_EXPERIMENTS_NO_BUILD is set but $JAR or $MAIN is missing (mvn package)"
fi
STAMP=lib/target/.experiments-built   # mvn leaves an unchanged jar's time alone: a stamp says when we last built
if [ -z "${DL_EXPERIMENTS_NO_BUILD:-}" ] && { [ ! -f "$JAR" ] || [ ! -f "$MAIN" ] || [ ! -f "$STAMP" ] \
   || [ -n "$(find pom.xml lib/pom.xml lib/src/main lib/src/test/java/dl/experiments -newer "$STAMP" -print -quit)" ]; }; then
  say "building lib/ (mvn package, offline)"
  touch "$STAMP.new"
  mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package
  mv "$STAMP.new" "$STAMP"
fi

cmd="./course experiments${*:+ $*}"
say "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(java -version 2>&1 | head -1)"
say "load average: $(cut -d' ' -f1-3 /proc/loadavg); writing $OUT/"
[ -t 2 ] && args+=(--tty)
CP="$JAR:lib/target/test-classes:lib/target/kernel-classpath/*"
exec java --add-modules jdk.incubator.vector -Xmx3g -cp "$CP" dl.experiments.Experiments "${args[@]}" "$@" \
  --plotly "$PLOTLY" --out "$OUT" --command "$cmd"
