"""Tests the graded exercises end to end with nbgrader on the Java kernel (one grading run):

  * student "solutions" submits the instructor's source notebooks: full autograded marks;
  * student "unmodified" submits the committed release notebooks untouched: 0 points, no crash;
  * student "robust" submits assignment 1 with an endless loop (that cell times out and scores 0),
    an exception (0, message in the feedback), a deleted and an edited test cell (both detected,
    the originals are run), and the forward difference where the central one is asked for (the
    hint appears in the feedback); and assignment 2 calling System.exit (the kernel dies: the
    cells before it keep their points, the rest score 0, grading completes);
  * student "broken" submits a file that is not a notebook (a clear note, nobody else affected);
  * notebooks/exercises/ holds the current release (`./course exercises release` was run).

    python tools/test_exercises.py [--timeout SECONDS]
Prints "N passed, N failed".
"""
import argparse
import csv
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "exercises" / "source"
RELEASED = ROOT / "notebooks" / "exercises"

results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f"\n     {detail}"), flush=True)


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def robust_calculus():
    nb = nbformat.read(SOURCE / "a1-calculus" / "a1-calculus.ipynb", as_version=4)
    cell(nb, "dcube").source = "double dCube(double x) {\n    while (true) { x = x + 1; }\n}"
    cell(nb, "gradf").source = ('double[] gradF(double x, double y) {\n'
                                '    throw new IllegalStateException("boom from the student code");\n}')
    cell(nb, "central").source = ("double centralDifference(DoubleUnaryOperator f, double x, double h) {\n"
                                  "    return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;\n}")
    cell(nb, "central_check").source = 'System.out.println("all checks passed, trust me");'
    nb.cells.remove(cell(nb, "dsin_check"))
    return nb


def robust_descent():
    nb = nbformat.read(SOURCE / "a2-gradient-descent" / "a2-gradient-descent.ipynb", as_version=4)
    cell(nb, "rates").source = "double etaConverge = 0.1, etaOscillate = 0.9, etaDiverge = 1.1;\nSystem.exit(0);"
    return nb


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per cell while grading (default 20)")
    args = parser.parse_args()
    names = sorted(p.name for p in SOURCE.iterdir() if p.is_dir())

    with tempfile.TemporaryDirectory(prefix="exercises-test-") as tmp:
        tmp = Path(tmp)
        subs = tmp / "submissions"
        for name in names:
            (subs / "solutions").mkdir(parents=True, exist_ok=True)
            (subs / "solutions" / f"{name}.ipynb").write_bytes((SOURCE / name / f"{name}.ipynb").read_bytes())
            (subs / "unmodified" / name).mkdir(parents=True, exist_ok=True)  # nbgrader's layout
            (subs / "unmodified" / name / f"{name}.ipynb").write_bytes((RELEASED / f"{name}.ipynb").read_bytes())
        (subs / "robust" / "a2-gradient-descent").mkdir(parents=True)
        nbformat.write(robust_calculus(), subs / "robust" / "a1-calculus.ipynb")
        nbformat.write(robust_descent(), subs / "robust" / "a2-gradient-descent" / "a2-gradient-descent.ipynb")
        (subs / "broken").mkdir()
        (subs / "broken" / "a1-calculus.ipynb").write_text("this is not a notebook {")

        out = tmp / "out"
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(ROOT / "tools" / "exercises.py"), "grade", str(subs),
                               "--out", str(out), "--timeout", str(args.timeout)],
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        print(proc.stdout, flush=True)
        check(f"grading completes ({elapsed:.0f} s)", proc.returncode == 0, proc.stderr[-2000:])
        if proc.returncode != 0:
            print(f"exercise tests: {sum(results)} passed, {len(results) - sum(results)} failed")
            return 1

        scores = {row["student"]: row for row in csv.DictReader(open(out / "scores.csv"))}
        notes = json.loads((out / "notes.json").read_text())
        work = out / "grading"

        def points(name):
            nb = nbformat.read(SOURCE / name / f"{name}.ipynb", as_version=4)
            return sum(float(c.metadata["nbgrader"]["points"]) for c in nb.cells
                       if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade"))

        def feedback(student, name):
            f = out / "feedback" / student / f"{name}.html"
            return f.read_text(encoding="utf-8") if f.is_file() else ""

        def noted(student, text):
            return any(text in n for n in notes.get(student, []))

        for name in names:
            got = float(scores["solutions"][name] or -1)
            check(f"source {name}: full marks", got == points(name), f"{got:g} of {points(name):g}; notes: {notes.get('solutions')}")
            got = scores["unmodified"][name]
            check(f"release {name}: scores 0 without crashing", got != "" and float(got) == 0,
                  f"score {got!r}; notes: {notes.get('unmodified')}")
            fresh = nbformat.read(work / "release" / name / f"{name}.ipynb", as_version=4)
            committed = nbformat.read(RELEASED / f"{name}.ipynb", as_version=4)
            check(f"notebooks/exercises/{name}.ipynb is the current release",
                  [c.source for c in fresh.cells] == [c.source for c in committed.cells],
                  "run ./course exercises release and commit notebooks/exercises/")

        r = scores["robust"]
        check("robust a1: only the restored, correct dSinSquare check scores (2 of 9)", float(r["a1-calculus"]) == 2,
              f"score {r['a1-calculus']}; notes {notes.get('robust')}")
        check("endless loop: the cell times out and scores 0", noted("robust", "dcube_check: CellTimeoutError"),
              notes.get("robust"))
        check("exception: 0 with the message in the feedback", noted("robust", "gradf_check")
              and "boom from the student code" in feedback("robust", "a1-calculus"), notes.get("robust"))
        check("deleted test cell detected", noted("robust", "test cell 'dsin_check' was deleted"), notes.get("robust"))
        check("edited test cell detected and the original run", noted("robust", "test cell 'central_check' was edited")
              and "all checks passed, trust me" not in feedback("robust", "a1-calculus"), notes.get("robust"))
        check("hint fires on a typical mistake (forward difference)",
              "that is the forward difference" in feedback("robust", "a1-calculus"), "hint not in the feedback HTML")
        check("System.exit: earlier parts keep their points (3), the rest 0",
              float(r["a2-gradient-descent"]) == 3, f"score {r['a2-gradient-descent']}; notes {notes.get('robust')}")
        check("System.exit: the dead kernel is named", noted("robust", "rates: KernelDied"), notes.get("robust"))
        check("not a notebook: a clear note", noted("broken", "not a valid notebook"), notes.get("broken"))
        check("not a notebook: no score, nobody else affected",
              scores["broken"]["a1-calculus"] == "" and float(scores["solutions"]["a1-calculus"]) == points("a1-calculus"),
              scores.get("broken"))
        check("feedback HTML per student and assignment",
              all((out / "feedback" / s / f"{n}.html").is_file() for s in ("solutions", "unmodified") for n in names))

    failed = len(results) - sum(results)
    print(f"exercise tests: {sum(results)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
