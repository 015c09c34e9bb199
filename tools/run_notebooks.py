"""Executes every notebook under notebooks/ headless, top to bottom, on the course's Java kernel.

A notebook fails on any error output, any output on stderr, or a cell that runs longer than the
timeout; the failure names the notebook and the cell. Executed copies go to
build/notebooks/executed/ and HTML exports to build/notebooks/html/: the course's page template
(tools/site/templates/course) with plotly.js and MathJax inlined, so one exported file shows its plots
and formulas anywhere, offline (the saved notebooks themselves carry no plotly.js).

After the last notebook it prints the five slowest code cells (notebook, cell number, first line,
seconds), timed from the kernel's execution timestamps that nbclient writes into each cell's
metadata (`execution.iopub.execute_input` to `execution.shell.execute_reply`).

--jobs N executes N notebooks at once, each on its own kernel (./course test runs --jobs 2: each cell's time
then includes the other kernel's share of the machine; the cell timeout stays 180 s, far above any cell). The
determinism check (a second run of every lecture notebook must print the same text) is
tools/check_determinism.py, which reads the executed copies written here.

    python tools/run_notebooks.py [--timeout SECONDS] [--slowest N] [--jobs N] [NOTEBOOK ...]
"""
from datetime import datetime
import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
sys.path.insert(0, str(ROOT / "tools"))
import course_site  # noqa: E402 - the page template shared with the course site
BUILD = ROOT / "build" / "notebooks"
KERNEL = "java"


def all_notebooks():
    # notebooks/exercises/ holds the graded exercises' student versions: their check cells fail until
    # a student fills in the answers, so tools/test_exercises.py grades them instead. notebooks/ko/ holds the
    # Korean edition, generated from the lectures (tools/translate.py): the same code, so the same outputs.
    return sorted(p for p in NOTEBOOKS.rglob("*.ipynb")
                  if ".ipynb_checkpoints" not in p.parts and not p.name.startswith("_")
                  and (NOTEBOOKS / "exercises") not in p.parents and (NOTEBOOKS / "ko") not in p.parents)


def first_line(cell):
    """A cell's first non-empty line ("" if it has none)."""
    return next((line for line in cell.source.splitlines() if line.strip()), "")


def cell_label(nb, index):
    cell = nb.cells[index]
    return f"cell {index + 1} ({cell.cell_type}: {first_line(cell)[:60]!r})"


# Object.toString() of a class without one, e.g. "java.io.PrintStream@1b2c3d": differs on every run.
IDENTITY_TEXT = re.compile(r"\b[a-z][\w.]*\.[A-Z]\w*(\$\w+)*@[0-9a-f]{4,}\b")


def find_failing_cell(nb):
    """The first code cell with an error output, stderr text, or an identity-hash text, as (index, message)."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if out.output_type == "error":
                return i, f"{out.ename}: {out.evalue}"
            if out.output_type == "stream" and out.name == "stderr" and out.text.strip():
                return i, "wrote to stderr: " + out.text.strip().splitlines()[0][:200]
            text = out.get("text", "") if out.output_type == "stream" else out.get("data", {}).get("text/plain", "")
            match = IDENTITY_TEXT.search(str(text))
            if match:
                return i, (f"shows '{match.group(0)}', an object without toString() whose text changes on every "
                           f"run (end the cell with a statement, or print a value)")
    return None


def cell_seconds(cell):
    """Seconds a code cell ran, from nbclient's timestamps in its metadata; None if it did not run."""
    stamps = cell.get("metadata", {}).get("execution", {})
    start, end = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
    if not start or not end:
        return None
    parse = lambda t: datetime.fromisoformat(t.replace("Z", "+00:00"))
    return (parse(end) - parse(start)).total_seconds()


def cell_times(nb, name):
    """(seconds, notebook name, cell number counted from 1 over all cells, first non-empty line) per code cell."""
    times = []
    for i, cell in enumerate(nb.cells):
        seconds = cell_seconds(cell) if cell.cell_type == "code" else None
        if seconds is not None:
            times.append((seconds, name, i + 1, first_line(cell).strip()))
    return times


def execute(path, timeout, build, timings=None, keep=True, result=None):
    """Runs one notebook; returns (seconds, failure or None). Appends its code cells' times to timings (a list) if given.
    keep=False writes no executed copy and no HTML export (a determinism re-run); result (a dict), if given, gets
    the executed notebook under "nb"."""
    nb = nbformat.read(path, as_version=4)
    # startup_timeout: a kernel starting beside another one on a busy 2-core machine may need more than the default 60 s
    # shutdown_kernel="immediate": the outputs are in; a graceful shutdown of the Java kernel waits ~3 s more
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=180, allow_errors=False,
                            shutdown_kernel="immediate", resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    problem = None
    try:
        client.execute()
    except CellTimeoutError:
        index = next((i for i, c in enumerate(nb.cells)
                      if c.cell_type == "code" and c.get("execution_count") is None and c.source.strip()), None)
        problem = (index, f"timed out after {timeout} s")
    except DeadKernelError as e:
        problem = (None, f"the kernel died: {e}")
    except CellExecutionError as e:
        found = find_failing_cell(nb)
        problem = found or (None, str(e).strip().splitlines()[-1])
    if problem is None:
        problem = find_failing_cell(nb)
    elapsed = time.perf_counter() - started
    if timings is not None:
        timings.extend(cell_times(nb, path.name))

    if result is not None:
        result["nb"] = nb
    rel = path.relative_to(NOTEBOOKS) if NOTEBOOKS in path.parents else Path(path.name)
    if keep:
        executed = build / "executed" / rel
        executed.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, executed)
        html_file = (build / "html" / rel).with_suffix(".html")
        html_file.parent.mkdir(parents=True, exist_ok=True)
        html_file.write_text(course_site.export_html(nb), encoding="utf-8")

    if problem is not None:
        index, message = problem
        where = cell_label(nb, index) if index is not None else "(no cell identified)"
        return elapsed, f"notebooks/{rel}, {where}: {message}"
    return elapsed, None


def run_one(path, timeout, build, keep):
    """One execution in a worker process: (seconds, failure or None, printed text per code cell, cell times,
    a label per code cell)."""
    import check_determinism
    result, times = {}, []
    started = time.perf_counter()
    for attempt in (1, 2):
        try:
            elapsed, failure = execute(path, timeout, build, times, keep=keep, result=result)
            break
        except Exception as e:  # noqa: BLE001 - e.g. a kernel that never started: name the notebook, go on
            # a kernel that did not answer at start (no cell ran; jupyter_client's ports can collide when kernels
            # start side by side) gets one more start; anything else, or a second such failure, fails the notebook
            if attempt == 1 and "didn't respond" in str(e):
                print(f"note {path.name}: the kernel did not answer at start ({e}); starting it once more",
                      flush=True)
                times.clear()
                continue
            return time.perf_counter() - started, f"{path.name}: {type(e).__name__}: {e}", [], [], []
    nb = result["nb"]
    labels = [cell_label(nb, i) for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    return elapsed, failure, check_determinism.printed(nb), times, labels


def twice_wanted(path):
    """Notebooks whose second run must print the same text: the lecture notebooks (their names start with a digit)."""
    return path.name[:1].isdigit()


def run_all(paths, timeout, build, jobs):
    """Executes the notebooks on `jobs` kernels at once. Prints one line per notebook in order; returns
    (failures, cell times)."""
    from concurrent.futures import ProcessPoolExecutor
    failures, timings = [], []
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        runs = [(path, pool.submit(run_one, path, timeout, build, True)) for path in paths]
        for path, run in runs:
            elapsed, failure, _, times, _ = run.result()
            timings.extend(times)
            print(f"{'ok  ' if failure is None else 'FAIL'} {path.name}  ({elapsed:.1f} s)", flush=True)
            if failure:
                print(f"     {failure}", flush=True)
                failures.append(failure)
    return failures, timings


def measure_kernel_start(runs=3):
    """Seconds from starting the kernel to the end of a first cell that uses the library."""
    from jupyter_client.manager import start_new_kernel
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        km, kc = start_new_kernel(kernel_name=KERNEL)
        try:
            reply = kc.execute_interactive("var fig = new dl.plot.PlotlyFigure(\"t\", \"x\", \"y\"); fig.traceCount()",
                                           timeout=120, output_hook=lambda msg: None)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"first cell failed: {reply['content']}")
            times.append(time.perf_counter() - t0)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    return statistics.median(times), times


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=int, default=180, help="seconds allowed per cell (default 180)")
    parser.add_argument("--no-kernel-timing", action="store_true")
    parser.add_argument("--kernel-timing-only", type=int, metavar="RUNS",
                        help="only measure kernel start + first cell using lib, RUNS times")
    parser.add_argument("--build-dir", type=Path, default=BUILD,
                        help="where executed copies and HTML exports go (default build/notebooks)")
    parser.add_argument("--slowest", type=int, default=5, metavar="N",
                        help="how many of the slowest code cells to list at the end (default 5)")
    parser.add_argument("--jobs", type=int, default=1, metavar="N",
                        help="notebooks executed at once, each on its own kernel (default 1)")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args()

    if args.kernel_timing_only:
        median, times = measure_kernel_start(args.kernel_timing_only)
        print(f"kernel start + first cell using lib: {median:.2f} s (median of {len(times)}: "
              + ", ".join(f"{t:.2f}" for t in times) + ")")
        return 0
    if not args.no_kernel_timing:
        median, times = measure_kernel_start()
        print(f"kernel start + first cell using lib: {median:.2f} s (median of {len(times)}: "
              + ", ".join(f"{t:.2f}" for t in times) + ")", flush=True)

    course_site.require_assets()  # plotly.js and MathJax for the HTML exports, before any kernel starts
    paths = [p.resolve() for p in args.notebooks] or all_notebooks()
    if not paths:
        print("no notebooks found under notebooks/", file=sys.stderr)
        return 1
    failures, timings = run_all(paths, args.timeout, args.build_dir, args.jobs)
    if args.slowest > 0 and timings:
        shared = " (kernels ran side by side: times include the other kernel's share of the machine)" \
            if args.jobs > 1 else ""
        print(f"the {min(args.slowest, len(timings))} slowest code cells{shared}:")
        for seconds, name, number, first in sorted(timings, key=lambda t: -t[0])[:args.slowest]:
            print(f"  {seconds:6.1f} s  {name}, cell {number}: {first[:70]}")
    print(f"executed {len(paths)} notebooks: {len(paths) - len(failures)} passed, {len(failures)} failed")
    for failure in failures:  # repeated at the end, where a reader of a long log looks
        print(f"FAIL {failure}")
    print(f"executed copies: {args.build_dir / 'executed'}; HTML exports: {args.build_dir / 'html'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
