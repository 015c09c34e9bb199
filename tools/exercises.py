"""Graded exercises with nbgrader and the Java kernel (see docs/exercises.md).

    python tools/exercises.py release                 # ./course exercises release
    python tools/exercises.py grade FOLDER [--out DIR] [--timeout S]   # ./course exercises grade FOLDER

release: `nbgrader generate_assignment` for every assignment under exercises/source/ → student
versions in exercises/release/<assignment>/ (solutions replaced by a stub that throws, hidden
tests removed, no outputs), copied to notebooks/exercises/<assignment>.ipynb for JupyterLab/Binder.

grade: FOLDER holds one sub-folder per student with the submitted notebooks, either as
FOLDER/<student>/<assignment>/<assignment>.ipynb (nbgrader's layout) or FOLDER/<student>/<assignment>.ipynb.
Grading runs in a scratch copy of exercises/ (build/exercises/grading/, the repository is not
touched): the assignments are generated again (the gradebook holds the hidden tests), every
submission is autograded in its own nbgrader process on the Java kernel, and feedback HTML is
written. Prints a score table (autograded points; points of hand-graded answers are listed as
pending) and notes per submission: cells that failed with their message, timed-out cells, a dead
kernel, edited or deleted test cells, files that are not notebooks. Writes DIR/scores.csv and
DIR/feedback/<student>/<assignment>.html (DIR defaults to build/exercises/).
"""
import argparse
import csv
import json
import os
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "exercises"
STUDENT_COPIES = ROOT / "notebooks" / "exercises"


def assignments(course=COURSE):
    return sorted(p.name for p in (course / "source").iterdir() if (p / f"{p.name}.ipynb").is_file())


class Course:
    """nbgrader's API on one course directory, in this process (one import of nbgrader, one gradebook)."""

    def __init__(self, course, timeout=None):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config.loader import PyFileConfigLoader
        # nbgrader runs the `alembic` command of its own environment to set up the gradebook
        os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
        if timeout is not None:
            config.Execute.timeout = timeout
            config.ExecutePreprocessor.timeout = timeout
        self.root = Path(course)
        self.api = NbGraderAPI(CourseDirectory(config=config), config=config)

    def run(self, what, *args, log=None):
        """Calls api.<what>(*args); returns (success, log text)."""
        result = getattr(self.api, what)(*args)
        text = result.get("log", "") + (result.get("error") or "")
        if log is not None:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text(text)
        return bool(result.get("success")), text


def generate(course, names):
    for name in names:
        ok, out = course.run("generate_assignment", name)
        if not ok or not (course.root / "release" / name / f"{name}.ipynb").is_file():
            sys.exit(f"nbgrader generate_assignment {name} failed:\n{out}")


# --------------------------------------------------------------------------------------- release

def release():
    names = assignments()
    shutil.rmtree(COURSE / "release", ignore_errors=True)
    generate(Course(COURSE), names)
    STUDENT_COPIES.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(COURSE / "release" / name / f"{name}.ipynb", STUDENT_COPIES / f"{name}.ipynb")
        print(f"released {name}: exercises/release/{name}/{name}.ipynb, notebooks/exercises/{name}.ipynb")
    return 0


# ----------------------------------------------------------------------------------------- grade

def find_submissions(folder, names):
    """{(student, assignment): path}, and a list of (student, file, problem) for what cannot be graded."""
    found, problems = {}, []
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        student = student_dir.name
        for path in sorted(student_dir.rglob("*")):
            if not path.is_file() or ".ipynb_checkpoints" in path.parts:
                continue
            rel = path.relative_to(folder)
            name = path.stem if path.suffix == ".ipynb" else None
            if name not in names:
                problems.append((student, str(rel), "not one of the assignments' notebooks "
                                 f"({', '.join(n + '.ipynb' for n in names)}): ignored"))
                continue
            try:
                nb = nbformat.read(path, as_version=4)
                nbformat.validate(nb)
            except Exception as e:  # any reason a file is not a readable notebook
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                problems.append((student, str(rel), f"not a valid notebook ({first[:120]}): scored 0"))
                continue
            found[(student, name)] = path
    return found, problems


def test_cells(nb):
    """{grade_id: source} of the locked, autograded (test) code cells."""
    cells = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cells[meta["grade_id"]] = cell.source
    return cells


def tampering(released, source, submitted):
    """Notes on test cells that were deleted or edited in a submission, and the submission with the
    deleted ones put back from the release (nbgrader then runs the originals of all of them)."""
    want, original, got = test_cells(released), test_cells(source), test_cells(submitted)
    notes = []
    for gid, text in want.items():
        if gid not in got:
            notes.append(f"test cell '{gid}' was deleted (restored for grading)")
            index = next(i for i, c in enumerate(released.cells)
                         if c.metadata.get("nbgrader", {}).get("grade_id") == gid)
            before = [c.metadata.get("nbgrader", {}).get("grade_id") for c in released.cells[:index]]
            ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
            at = next((ids.index(b) + 1 for b in reversed(before) if b and b in ids), len(submitted.cells))
            submitted.cells.insert(at, released.cells[index])
        elif got[gid].strip() not in (text.strip(), original.get(gid, "").strip()):
            notes.append(f"test cell '{gid}' was edited (the original was run for grading)")
    return notes


def cell_problems(nb):
    """One line per autograded cell that scored 0 because of an error, from the autograded notebook."""
    lines = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        died = [o for o in errors if o.get("ename") == "KernelDied"]
        if cell.cell_type != "code" or not (meta.get("grade") or died):
            continue
        timeouts = [o for o in errors if o.get("ename") == "CellTimeoutError"]
        for out in died or timeouts or errors:
            if out.get("output_type") == "error":
                ename, evalue = out.get("ename", ""), str(out.get("evalue", "")).strip()
                if ename == "CellTimeoutError":
                    evalue = "timed out (an endless loop?)"
                lines.append(f"{meta['grade_id']}: {ename}: {evalue.splitlines()[0][:160] if evalue else ''}")
                break
    return lines


def grade(folder, out_dir, timeout):
    folder = Path(folder).resolve()
    if not folder.is_dir():
        sys.exit(f"{folder} is not a folder of submissions (expected FOLDER/<student>/...)")
    out_dir = Path(out_dir).resolve()
    work = out_dir / "grading"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(COURSE / "source", work / "source")
    for f in ("nbgrader_config.py", "java_grading.py"):
        shutil.copy2(COURSE / f, work / f)
    names = assignments(work)
    course = Course(work, timeout)
    generate(course, names)

    found, problems = find_submissions(folder, names)
    students = sorted({s for s, _ in found} | {s for s, _, _ in problems})
    notes = {s: [f"{f}: {p}" for s2, f, p in problems if s2 == s] for s in students}
    for (student, name), path in sorted(found.items()):
        released = nbformat.read(work / "release" / name / f"{name}.ipynb", as_version=4)
        source = nbformat.read(work / "source" / name / f"{name}.ipynb", as_version=4)
        submitted = nbformat.read(path, as_version=4)
        notes[student] += [f"{name}: {n}" for n in tampering(released, source, submitted)]
        target = work / "submitted" / student / name / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(submitted, target)

    from nbgrader.api import Gradebook, MissingEntry
    rows, feedback_dir = [], out_dir / "feedback"
    shutil.rmtree(feedback_dir, ignore_errors=True)
    for student in students:
        for name in names:
            if (student, name) not in found:
                continue
            logs = work / "logs"
            ok, log = course.run("autograde", name, student, log=logs / f"autograde-{student}-{name}.log")
            graded = work / "autograded" / student / name / f"{name}.ipynb"
            if not ok or not graded.is_file():
                notes[student].append(f"{name}: autograde failed (log: {logs / f'autograde-{student}-{name}.log'})")
                continue
            notes[student] += [f"{name}: {line}" for line in cell_problems(nbformat.read(graded, as_version=4))]
            course.run("generate_feedback", name, student, log=logs / f"feedback-{student}-{name}.log")
            html = work / "feedback" / student / name / f"{name}.html"
            if html.is_file():
                (feedback_dir / student).mkdir(parents=True, exist_ok=True)
                shutil.copy2(html, feedback_dir / student / f"{name}.html")

    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb:
        maxima, manual = {}, {}
        for name in names:
            nb = nbformat.read(work / "source" / name / f"{name}.ipynb", as_version=4)
            auto = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
            hand = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "markdown"]
            maxima[name] = sum(float(c.metadata["nbgrader"]["points"]) for c in auto)
            manual[name] = sum(float(c.metadata["nbgrader"]["points"]) for c in hand)
        for student in students:
            row = {"student": student}
            for name in names:
                score = None
                try:
                    sub = gb.find_submission_notebook(name, name, student)
                    score = sum(g.auto_score or 0 for g in sub.grades if g.cell.cell_type == "code")
                except MissingEntry:
                    pass
                row[name] = score
            rows.append(row)

    # ---- report
    width = max([len("student")] + [len(s) for s in students])
    head = f"{'student':<{width}}  " + "  ".join(f"{n:>19}" for n in names) + f"  {'total':>11}"
    print(head)
    print("-" * len(head))
    for row in rows:
        cells, total = [], 0.0
        for name in names:
            score = row[name]
            total += score or 0
            text = "—" if score is None else f"{score:g}/{maxima[name]:g}"
            cells.append(f"{text:>19}")
        print(f"{row['student']:<{width}}  " + "  ".join(cells) + f"  {f'{total:g}/{sum(maxima.values()):g}':>11}")
    print("(autograded points; hand-graded answers pending: "
          + ", ".join(f"{n} {manual[n]:g}" for n in names if manual[n]) + ")")
    for student in students:
        if notes[student]:
            print(f"\n{student}:")
            for line in notes[student]:
                print(f"  - {line}")
    with open(out_dir / "scores.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *names, "total", "max"])
        for row in rows:
            writer.writerow([row["student"], *("" if row[n] is None else f"{row[n]:g}" for n in names),
                             f"{sum(row[n] or 0 for n in names):g}", f"{sum(maxima.values()):g}"])
    (out_dir / "notes.json").write_text(json.dumps(notes, indent=1, ensure_ascii=False))
    print(f"\nscores: {out_dir / 'scores.csv'}; feedback: {feedback_dir}/<student>/<assignment>.html")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("release", help="student versions of every assignment")
    g = sub.add_parser("grade", help="grade a folder of submissions")
    g.add_argument("folder")
    g.add_argument("--out", default=str(ROOT / "build" / "exercises"), help="where scores and feedback go")
    g.add_argument("--timeout", type=int, default=None, help="seconds per cell (default: nbgrader_config.py, 30)")
    args = parser.parse_args()
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    if args.cmd == "release":
        return release()
    return grade(args.folder, args.out, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
