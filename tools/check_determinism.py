"""Determinism: re-executes notebooks and requires the same printed text as the first run
(build/notebooks/executed/, written by tools/run_notebooks.py). Every random thing in the course
takes a seed, so a re-run must print the same numbers.

    python tools/check_determinism.py NOTEBOOK [NOTEBOOK ...]

./course test does not call this script: it runs `tools/run_notebooks.py --jobs 2 --twice`, which executes
each lecture notebook twice side by side and compares the two runs with printed() and differing() below.
"""
import sys
import tempfile
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


def main():
    paths = [Path(p).resolve() for p in sys.argv[1:]]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            rel = path.relative_to(run_notebooks.NOTEBOOKS)
            first_file = run_notebooks.BUILD / "executed" / rel
            if not first_file.is_file():
                print(f"FAIL {rel}: no first run in {first_file}")
                failures += 1
                continue
            _, problem = run_notebooks.execute(path, 180, Path(tmp), keep=True)
            if problem:
                print(f"FAIL {rel}: second run failed: {problem}")
                failures += 1
                continue
            first = printed(nbformat.read(first_file, as_version=4))
            second = printed(nbformat.read(Path(tmp) / "executed" / rel, as_version=4))
            diff, _ = differing(first, second)
            if diff is not None:
                print(f"FAIL {rel}: code cells {diff} printed different text on a second run")
                failures += 1
            else:
                print(f"ok   {rel}: a second run printed the same text in all {len(first)} code cells")
    print(f"determinism: {len(paths) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
