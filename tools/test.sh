#!/usr/bin/env bash
# Runs every test (called by ./course test after tools/setup.sh --test):
#   1. library unit tests (JUnit 5, mvn package)
#   2. committed notebooks carry no outputs; docs/glossary.md is the one list of Korean terms and the lectures,
#      exercises and javadoc follow it (tools/check_glossary.py); the diagrams are what tools/diagrams.py draws
#   3. every notebook under notebooks/ executes top to bottom on the real Java kernel; 3b: every lecture notebook
#      prints the same text as a recorded run of it or, where the record does not apply, a second run
#      (tools/check_determinism.py, tools/determinism_record.json)
#   4. browser test: plots drawn offline in the HTML export and in JupyterLab (headless Chromium), then the
#      figure test: every figure of every notebook in both, checked and kept as PNGs (build/figures/index.html);
#      the RISE slideshow of lecture 02 in JupyterLab, stepped through with the kernel live (build/screenshots/rise/)
#   5. Binder: repo2docker writes a Dockerfile; binder/postBuild runs green in a scratch environment
#   6. graded exercises: nbgrader release + autograde on the Java kernel (tools/test_exercises.py)
#   7. slide metadata in every lecture; the course site (build/site) built and opened page by page in
#      headless Chromium offline, one deck stepped through slide by slide (tools/site_test.py)
#   8. a class on the course's JupyterHub end to end: release, fetch, submit, collect, autograde, feedback,
#      and what a student must not reach (tools/hub_test.py, headless Chromium)
# Each step prints its own "N passed, N failed" line; the script stops at the first failing step (exit non-zero, no
# "all tests passed"). What runs side by side on the two cores: step 3 executes two notebooks at once; 3b, the
# determinism runs, goes on in the background (niced: it takes the CPU the browser tests leave idle while they wait
# on Chromium) from the end of step 3 to the end; steps 5 and the site build of 7 need nothing from the browser
# tests and run beside step 4, steps 6 and 8 beside the site test (their output is shown when they end). At the end (also after a failure) a table gives each step's seconds.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY="$ROOT/.venv/bin/python"
export JUPYTER_PATH="$ROOT/.venv/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
mkdir -p build
step() { printf '\n==> %s\n' "$*"; }
t0=$SECONDS
names=(); secs=(); started=()
begin() { names+=("$1"); started+=("$SECONDS"); }             # begin NAME: a timed step starts now
finish() { local i; for i in "${!names[@]}"; do if [ "${names[$i]}" = "$1" ]; then secs[$i]=$((SECONDS - ${started[$i]})); fi; done; }
failed() { local i; for i in "${!names[@]}"; do if [ "${names[$i]}" = "$1" ]; then secs[$i]=FAILED; fi; done; }
declare -A bg_pid bg_log
report() {   # the table of step times; after a failure also stops the background steps still running
  local rc=$? name i
  for name in "${!bg_pid[@]}"; do kill -- "-${bg_pid[$name]}" 2>/dev/null || true; done   # their process groups
  printf '\n%-40s %8s\n' "step" "seconds"
  for i in "${!names[@]}"; do printf '%-40s %8s\n' "${names[$i]}" "${secs[$i]:-not done}"; done
  printf '%-40s %8s\n' "total (wall; steps overlap)" "$((SECONDS - t0))"
  [ "$rc" = 0 ] || echo "TESTS FAILED (exit $rc): see the FAIL lines above"
}
trap report EXIT
# bg NAME LOG CMD...: a step in the background (its own process group), output in LOG;
# join NAME [BESIDE] waits for it, prints LOG (headed "ran beside BESIDE", default step 4) and fails the run if the
# step failed
bg() { local name="$1" log="$2"; shift 2; begin "$name"; setsid -w "$@" > "$log" 2>&1 & bg_pid[$name]=$!; bg_log[$name]=$log; }
join() {
  local name="$1" beside="${2:-step 4}" rc=0
  wait "${bg_pid[$name]}" || rc=$?
  unset "bg_pid[$name]"
  if [ "$rc" = 0 ]; then finish "$name"; fi
  step "$name (ran beside $beside; log ${bg_log[$name]})"
  cat "${bg_log[$name]}"
  [ "$rc" = 0 ] || { echo "FAIL $name (exit $rc; log ${bg_log[$name]})"; failed "$name"; return 1; }
}

step "1/8 library unit tests (mvn package)"; begin "1 library unit tests"
mvn -B -ntp package 2>&1 | tee build/mvn-test.log | grep -E "Tests run:|BUILD|ERROR|FAIL" | grep -v "Tests run:.*Time elapsed" || true
[ "${PIPESTATUS[0]}" = 0 ] || { echo "library tests failed: see build/mvn-test.log"; exit 1; }
finish "1 library unit tests"

step "2/8 committed notebooks carry no outputs; one glossary of Korean terms, followed; diagrams"; begin "2 clean notebooks, glossary"
"$PY" tools/check_notebooks_clean.py
"$PY" tools/check_glossary.py
"$PY" tools/translate.py check --complete   # the Korean edition: every cell translated, current and faithful; notebooks/ko/ as generated
"$PY" tools/gen_vector_kernel.py --check   # the kernel's generated micro-kernels are what the script writes
"$PY" tools/diagrams.py --check   # the lectures' diagrams: what the script draws, readable on a slide, all shown
# the plain set-up that ./course lab, hub, exercises and site run (not --test): it must complete (a failing
# test in it once stopped every one of those commands with no message)
bash tools/setup.sh > build/setup-plain.log 2>&1 || { cat build/setup-plain.log; echo "FAIL tools/setup.sh (what ./course lab runs) stopped"; exit 1; }
echo "ok   tools/setup.sh without --test completes (./course lab, exercises, site)"
finish "2 clean notebooks, glossary"

step "3/8 every notebook on the Java kernel"; begin "3 notebooks"
rm -rf build/notebooks
"$PY" tools/run_notebooks.py --jobs 2 2> build/kernel-stderr.log   # two kernels at once
finish "3 notebooks"

# 3b: every lecture notebook prints the same text as its recorded run or a second run (every one seeds its random
# generators); second runs on one kernel, niced, beside everything that follows
bg "3b determinism" build/determinism.log \
  bash -c 'exec nice -n 10 "$0" tools/check_determinism.py 2> build/determinism-kernel-stderr.log' "$PY"
# 3c: ./course experiments --quick (every DLFS experiment at tiny sizes, report in build/experiments/quick/), niced
bg "3c experiments (quick)" build/experiments-quick.log env DL_EXPERIMENTS_NO_BUILD=1 nice -n 10 bash tools/experiments.sh --quick

# steps 5 and 7's site build need only step 3's executed notebooks (or nothing): they run beside step 4
bg "5 Binder" build/binder-test.log bash tools/binder_test.sh
bg "7a slide metadata, site build" build/site-build.log bash -c '"$0" tools/slides.py --check && "$0" tools/course_site.py' "$PY"

step "4/8 browser test and figure test (offline, headless Chromium)"; begin "4 browser, figure, RISE tests"
"$PY" tools/browser_test.py
"$PY" tools/rise_test.py   # "Render as slideshow" (jupyterlab-rise) on lecture 02, kernel live (~1.5 min)
finish "4 browser, figure, RISE tests"

join "5 Binder"   # prints the step's "binder: N passed, N failed"
join "7a slide metadata, site build"

# step 6 (nbgrader's kernels) and the site test (one Chromium page at a time) share nothing: side by side
bg "6 graded exercises" build/exercises-test.log "$PY" tools/test_exercises.py
bg "8 class hub" build/hub-test.log "$PY" tools/hub_test.py

step "7/8 the course site in headless Chromium (offline)"; begin "7b site test"
"$PY" tools/site_test.py
"$PY" tools/pdf_test.py   # the PDFs the site build printed (build/site/pdf/): pages, fonts, Korean, headings (pypdf)
finish "7b site test"

join "6 graded exercises" "step 7b"   # prints the step's "exercise tests: N passed, N failed"
join "8 class hub" "step 7b"          # prints "hub test: N passed, N failed"
join "3b determinism" "steps 4-7"    # prints "determinism: N passed, N failed"
join "3c experiments (quick)" "steps 4-7"   # prints "experiments (quick): N passed, N failed"

trap - EXIT
report
echo
echo "all tests passed in $((SECONDS - t0)) s"
