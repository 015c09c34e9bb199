#!/usr/bin/env bash
# Checks binder/ as far as possible without Docker:
#   1. jupyter-repo2docker --no-build writes a Dockerfile that installs binder/apt.txt, binder/requirements.txt
#      and runs binder/postBuild;
#   2. binder/postBuild runs green in a scratch copy of the repository, with a scratch Jupyter data directory
#      (standing in for the Binder user's), and the kernel it installs runs notebook 00.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/build/binder"
rm -rf "$OUT" && mkdir -p "$OUT"
pass=0; fail=0
ok()  { echo "ok   $*"; pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# 1. repo2docker's Dockerfile
if "$ROOT/.venv/bin/jupyter-repo2docker" --no-build --debug --user-name jovyan "$ROOT" > "$OUT/repo2docker.log" 2>&1; then
  sed -n '/^FROM /,$p' "$OUT/repo2docker.log" | sed '/^\[Repo2Docker\]/,$d' > "$OUT/Dockerfile"
  missing=""
  for want in "openjdk-17-jdk-headless" "maven" 'pip install --no-cache-dir -r "binder/requirements.txt"' "./binder/postBuild"; do
    grep -qF -- "$want" "$OUT/Dockerfile" || missing="$missing [$want]"
  done
  # requirements.txt is included from binder/requirements.txt: pip must run after the repository is copied
  copy_line=$(grep -n '^COPY --chown=0:0 src/ ' "$OUT/Dockerfile" | head -1 | cut -d: -f1)
  pip_line=$(grep -n 'pip install --no-cache-dir -r "binder/requirements.txt"' "$OUT/Dockerfile" | head -1 | cut -d: -f1)
  [ -n "$copy_line" ] && [ -n "$pip_line" ] && [ "$pip_line" -gt "$copy_line" ] || missing="$missing [pip install after COPY src/]"
  if [ -z "$missing" ]; then ok "repo2docker Dockerfile installs the JDK, Maven, the requirements and runs postBuild (build/binder/Dockerfile)"
  else bad "repo2docker Dockerfile lacks:$missing (build/binder/Dockerfile)"; fi
else
  bad "jupyter-repo2docker --no-build failed (build/binder/repo2docker.log)"
fi

# 2. postBuild in a scratch copy
SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C "$SCRATCH"
export JUPYTER_DATA_DIR="$SCRATCH/jupyter-data"
export PATH="$ROOT/.venv/bin:$PATH"   # the Python environment Binder builds from binder/requirements.txt
if (cd "$SCRATCH" && bash binder/postBuild) > "$OUT/postBuild.log" 2>&1; then
  spec="$JUPYTER_DATA_DIR/kernels/java/kernel.json"
  if [ -f "$spec" ] && grep -q "$SCRATCH/lib/target/dl-lib" "$spec"; then
    ok "binder/postBuild built lib/ and installed the java kernel for the user ($spec)"
  else
    bad "binder/postBuild did not install a java kernelspec pointing at the scratch build"
  fi
  if JUPYTER_PATH="$JUPYTER_DATA_DIR" python "$ROOT/tools/run_notebooks.py" --no-kernel-timing --build-dir "$OUT" \
      "$SCRATCH/notebooks/00-working-in-a-java-notebook.ipynb" > "$OUT/notebook.log" 2>&1; then
    ok "the kernel installed by postBuild runs notebook 00"
  else
    bad "notebook 00 failed on the kernel installed by postBuild (build/binder/notebook.log)"
  fi
else
  bad "binder/postBuild failed (build/binder/postBuild.log)"
fi
echo "binder: $pass passed, $fail failed"
[ "$fail" = 0 ]
