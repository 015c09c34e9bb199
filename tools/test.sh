#!/usr/bin/env bash
# Runs every test (called by ./course test after tools/setup.sh --test):
#   1. library unit tests (JUnit 5, mvn package)
#   2. committed notebooks carry no outputs; docs/glossary.md is the one list of Korean terms and the lectures,
#      exercises and javadoc follow it (tools/check_glossary.py)
#   3. every notebook under notebooks/ executes top to bottom on the real Java kernel,
#      and prints the same text on a second run
#   4. browser test: plots drawn offline in the HTML export and in JupyterLab (headless Chromium), then the
#      figure test: every figure of every notebook in both, checked and kept as PNGs (build/figures/index.html);
#      the RISE slideshow of lecture 02 in JupyterLab, stepped through with the kernel live (build/screenshots/rise/)
#   5. Binder: repo2docker writes a Dockerfile; binder/postBuild runs green in a scratch environment
#   6. graded exercises: nbgrader release + autograde on the Java kernel (tools/test_exercises.py)
#   7. slide metadata in every lecture; the course site (build/site) built and opened page by page in
#      headless Chromium offline, one deck stepped through slide by slide (tools/site_test.py)
# Each step prints its own "N passed, N failed" line; the script stops at the first failing step.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
export JUPYTER_PATH="$ROOT/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
mkdir -p build
step() { printf '\n==> %s\n' "$*"; }
t0=$SECONDS

step "1/7 library unit tests (mvn package)"
mvn -B -ntp package 2>&1 | tee build/mvn-test.log | grep -E "Tests run:|BUILD|ERROR|FAIL" | grep -v "Tests run:.*Time elapsed" || true
[ "${PIPESTATUS[0]}" = 0 ] || { echo "library tests failed: see build/mvn-test.log"; exit 1; }

step "2/7 committed notebooks carry no outputs; one glossary of Korean terms, followed"
"$PY" tools/check_notebooks_clean.py
"$PY" tools/check_glossary.py
"$PY" tools/gen_vector_kernel.py --check   # the kernel's generated micro-kernels are what the script writes

step "3/7 every notebook on the Java kernel"
rm -rf build/notebooks
"$PY" tools/run_notebooks.py 2> build/kernel-stderr.log
# every lecture notebook seeds its random generators: a second run must print the same text
seeded=(notebooks/[0-9]*.ipynb)
"$PY" tools/check_determinism.py "${seeded[@]}" 2>> build/kernel-stderr.log

step "4/7 browser test and figure test (offline, headless Chromium)"
"$PY" tools/browser_test.py
"$PY" tools/rise_test.py   # "Render as slideshow" (jupyterlab-rise) on lecture 02, kernel live (~1.5 min)

step "5/7 Binder"
bash tools/binder_test.sh

step "6/7 graded exercises (nbgrader on the Java kernel)"
"$PY" tools/test_exercises.py

step "7/7 slides and the course site (offline, headless Chromium)"
"$PY" tools/slides.py --check
"$PY" tools/course_site.py
"$PY" tools/site_test.py

echo
echo "all tests passed in $((SECONDS - t0)) s"
