"""Determinism: executes every lecture notebook a second time and requires the same printed text as its
first run (build/notebooks/executed/, written by tools/run_notebooks.py). Every random thing in the course
takes a seed, so a re-run must print the same numbers.

    python tools/check_determinism.py [NOTEBOOK ...]      (default: every lecture notebook)

./course test runs it in the background, niced, after step 3's first runs: the second runs fill the time the
browser tests of step 4 and the site test leave idle (they wait on Chromium), instead of doubling step 3.
Nothing of a second run is kept. Prints one line per notebook and 'determinism: N passed, N failed'.
"""
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks  # noqa: E402


def printed(nb):
    """Per code cell: the text it printed or showed (stdout and text/plain), ignoring display ids."""
    out = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        for o in cell.get("outputs", []):
            if o.output_type == "stream":
                parts.append(o.text)
            elif o.output_type in ("execute_result", "display_data"):
                parts.append(str(o.get("data", {}).get("text/plain", "")))
        out.append("".join(parts))
    return out


def differing(first, second):
    """(None, n) if two runs' printed() texts agree in all n code cells, else (the differing cell numbers, n)."""
    diff = [i + 1 for i, (a, b) in enumerate(zip(first, second)) if a != b]
    if diff or len(first) != len(second):
        return diff, len(first)
    return None, len(first)


def check(path, executed_dir=run_notebooks.BUILD / "executed"):
    """None if a second run of `path` prints what its first run (in executed_dir) printed, else the problem."""
    rel = path.relative_to(run_notebooks.NOTEBOOKS) if run_notebooks.NOTEBOOKS in path.parents else Path(path.name)
    first_file = executed_dir / rel
    if not first_file.is_file():
        return f"notebooks/{rel}: no first run in {first_file} (run tools/run_notebooks.py first)", 0
    _, failure, second, _, labels = run_notebooks.run_one(path, 180, None, False)
    if failure is not None:
        return f"notebooks/{rel}: the second run failed: {failure}", 0
    first = printed(nbformat.read(first_file, as_version=4))
    diff, n = differing(first, second)
    if diff is None:
        return None, n
    where = labels[diff[0] - 1] if diff and diff[0] <= len(labels) else "(cell count differs)"
    return (f"notebooks/{rel}, {where}: printed different text on a second run"
            + (f" (code cells {diff} of {n} differ)" if len(diff) > 1 else "")), n


def main():
    paths = [Path(p).resolve() for p in sys.argv[1:]] or \
        [p for p in run_notebooks.all_notebooks() if run_notebooks.twice_wanted(p)]
    failures = []
    for path in paths:
        started = time.perf_counter()
        problem, n = check(path)
        seconds = time.perf_counter() - started
        if problem is None:
            print(f"ok   {path.name}: a second run printed the same text in all {n} code cells ({seconds:.1f} s)",
                  flush=True)
        else:
            print(f"FAIL {problem}", flush=True)
            failures.append(problem)
    print(f"determinism: {len(paths) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
