"""Graded exercises with nbgrader and the Java kernel (see docs/exercises.md).

    python tools/exercises.py release [--lang ko]     # ./course exercises release (--lang ko: Korean copies too)
    python tools/exercises.py grade FOLDER [--out DIR] [--timeout S] [--jobs N] [--no-sandbox]
                              [--show-expected] [--lms canvas|moodle]... [--roster CSV]   # ./course exercises grade FOLDER
    python tools/exercises.py --help                  # ./course exercises --help: every option

release: `nbgrader generate_assignment` for every assignment under exercises/source/ → student
versions in exercises/release/<assignment>/ (solutions replaced by a stub that throws, hidden
tests removed, no outputs), copied to notebooks/exercises/<assignment>.ipynb for JupyterLab/Binder.

grade: FOLDER holds one sub-folder per student with the submitted notebooks, in any layout and
under any file name: every file that is a notebook is matched to its assignment by the nbgrader
metadata of its cells (grade ids), so "a1-calculus (1).ipynb" or "A2-….ipynb" are graded too.
Grading runs in a scratch copy of exercises/ (build/exercises/grading/, the repository is not
touched): the assignments are generated again (the gradebook holds the hidden tests), and every
submission is autograded on the Java kernel — N at a time (--jobs, default: the number of cores),
each worker in its own copy of the course directory, the results merged into one gradebook in a
fixed order, so they are the same as a serial run — and feedback HTML is written. Prints a score
table (autograded points; anything not graded reads "not graded: why", hand-graded points are
listed as pending; the total is out of all assignments' points) and notes per submission: cells that failed with their message, timed-out cells,
a dead kernel, output to System.err (tolerated), truncated output, library calls in parts done by
hand, edited or deleted test cells, files that are not notebooks. Writes DIR/scores.csv,
DIR/notes.json and DIR/feedback/<student>/<assignment>.html (DIR defaults to build/exercises/; an
upload that is not a readable notebook gets a page saying so). The feedback shows a failed hidden
check's input and hint, its expected value only with --show-expected. --lms canvas / --lms moodle
also write DIR/canvas-grades.csv / DIR/moodle-grades.csv for the LMS's grade import, with the
nbgrader export plugins of tools/lms_export.py, from the gradebook; --roster CSV maps the folder
names to the students' names, email and LMS ids (docs/teaching.md).

Untrusted code (docs/exercises.md, "Threat model"): every submission's kernel runs in a bubblewrap
sandbox (the kernelspec java-sandbox, exercises/sandbox_kernel.py) that sees only a scratch copy of
its notebook's folder and, read-only, the JDK, the kernel and the course library; grade refuses to
run where no sandbox can be built, unless --no-sandbox. Before grading, exercises/java_scan.py reads
the student's code cells: a declaration that would replace a name the checks use, an answer
declared again elsewhere, or reflection costs the checks it could fool (0, with a note). The
feedback's outputs lose every line of the instructor's solution or hidden tests and the machine's
paths (java_grading.HideHiddenTests with DIR/grading/secrets.json).
"""
import argparse
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
COURSE = ROOT / "exercises"
STUDENT_COPIES = ROOT / "notebooks" / "exercises"


def assignment_order(name):
    """a1, a2, ..., a9, a10: by the assignment's number (names sort as text otherwise: a10 before a2)."""
    m = re.match(r"a(\d+)", name)
    return (int(m.group(1)) if m else 10**6, name)


def assignments(course=COURSE):
    return sorted((p.name for p in (course / "source").iterdir() if (p / f"{p.name}.ipynb").is_file()),
                  key=assignment_order)


class Course:
    """nbgrader's API on one course directory, in this process (one import of nbgrader, one gradebook)."""

    def __init__(self, course, timeout=None, kernel=None, secrets=None, show_expected=False):
        from nbgrader.apps import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory
        from traitlets.config.loader import PyFileConfigLoader
        # nbgrader runs the `alembic` command of its own environment to set up the gradebook
        os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
        config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
        if timeout is not None:
            config.Execute.timeout = timeout
            config.ExecutePreprocessor.timeout = timeout
        seconds = config.Execute.timeout if "timeout" in config.Execute else 30
        config.Execute.error_on_timeout = {  # instead of nbgrader's "No reply from kernel before timeout"
            "ename": "CellTimeoutError", "evalue": timeout_text(seconds),
            "traceback": [f"\x1b[0;31mCellTimeoutError\x1b[0m: {timeout_text(seconds)}"]}
        config.HideHiddenTests.show_expected = bool(show_expected)
        if kernel is not None:  # the grading sandbox's kernelspec instead of the notebook's "java"
            config.Execute.kernel_name = kernel
        if secrets is not None:  # what the feedback must not show (java_grading.HideHiddenTests)
            config.HideHiddenTests.secrets_file = str(secrets)
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


def timeout_text(seconds):
    return (f"the cell ran longer than {seconds:g} s, the time limit per cell, and was stopped "
            f"(an endless loop, or far more steps than needed?)")


def generate(course, names):
    for name in names:
        ok, out = course.run("generate_assignment", name)
        if not ok or not (course.root / "release" / name / f"{name}.ipynb").is_file():
            sys.exit(f"nbgrader generate_assignment {name} failed:\n{out}")


# --------------------------------------------------------------------------------------- release

def release(only=(), lang="en"):
    """The English student copies; with lang "ko" also the Korean ones (notebooks/ko/exercises/, their instructions
    from exercises/translations/ko/, tools/translate.py)."""
    names = assignments()
    unknown = sorted(set(only) - set(names))
    if unknown:
        sys.exit(f"no assignment {', '.join(unknown)} under exercises/source/ (there are: {', '.join(names)})")
    if only:    # just these: the other releases stay as they are
        names = sorted(only)
        for name in names:
            shutil.rmtree(COURSE / "release" / name, ignore_errors=True)
    else:
        shutil.rmtree(COURSE / "release", ignore_errors=True)
    generate(Course(COURSE), names)
    STUDENT_COPIES.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy2(COURSE / "release" / name / f"{name}.ipynb", STUDENT_COPIES / f"{name}.ipynb")
        print(f"released {name}: exercises/release/{name}/{name}.ipynb, notebooks/exercises/{name}.ipynb")
    if lang == "ko":
        sys.path.insert(0, str(ROOT / "tools"))
        import translate
        for doc in translate.documents(names, kinds=("exercises",)):
            translate.build(doc)
            po = translate.load_catalogue(doc)
            done = sum(1 for e in po if e.msgstr and "fuzzy" not in e.flags)
            print(f"released {doc.name} in Korean: {doc.generated.relative_to(ROOT)} "
                  f"({done} of {len(po)} instruction cells translated)")
    return 0


# ----------------------------------------------------------------------------------------- grade

MAX_FILE = 50_000_000  # bytes; larger files are not read as notebooks


def _ids(nb):
    return {c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells} - {None}


def assignment_ids(release_dir, names):
    """{assignment: grade ids that belong to it alone} (ids shared by several, like "setup", do not count)."""
    ids = {n: _ids(nbformat.read(release_dir / n / f"{n}.ipynb", as_version=4)) for n in names}
    return {n: ids[n] - set().union(*(ids[m] for m in names if m != n)) for n in names}


def find_submissions(folder, names, ids, unreadable=None):
    """{(student, assignment): path}, notes per student, and {(student, assignment): why not graded}.

    Every file is tried as a notebook; a notebook belongs to the assignment whose grade ids it holds
    (most of them), whatever its name. unreadable (a dict, if given) gets {(student, assignment):
    (file, why)} for files named after an assignment that are not readable notebooks."""
    found, notes, why = {}, {}, {}
    candidates = {}
    for student_dir in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        student = student_dir.name
        notes[student] = []
        for path in sorted(student_dir.rglob("*")):
            if not path.is_file() or any(part.startswith(".") for part in path.relative_to(folder).parts):
                continue
            rel = str(path.relative_to(folder))
            try:
                if path.stat().st_size > MAX_FILE:
                    raise ValueError(f"larger than {MAX_FILE // 1_000_000} MB")
                nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
                nbformat.validate(nb)
            except Exception as e:  # any reason a file is not a readable notebook
                first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                named = next((n for n in names if n.lower() in path.name.lower()), None)
                notes[student].append(f"{rel}: not a valid notebook ({first[:120]}): not graded")
                if named:
                    why.setdefault((student, named), "not a valid notebook")
                    if unreadable is not None:
                        unreadable.setdefault((student, named), (rel, first[:200]))
                continue
            overlap = {n: len(ids[n] & _ids(nb)) for n in names}
            best = max(names, key=lambda n: (overlap[n], n == path.stem))
            if overlap[best] == 0:
                best = path.stem if path.stem in names else None
                if best is None:
                    notes[student].append(f"{rel}: a notebook, but it holds no cell of any assignment "
                                          f"({', '.join(names)}): not graded")
                    continue
                notes[student].append(f"{rel}: no nbgrader metadata; graded as {best} by its file name")
            candidates.setdefault((student, best), []).append(path)
    for (student, name), paths in sorted(candidates.items()):
        # one file per assignment: the one with the assignment's own name, else the newest
        paths.sort(key=lambda p: (p.name != f"{name}.ipynb", -p.stat().st_mtime, str(p)))
        found[(student, name)] = paths[0]
        rel = paths[0].relative_to(folder)
        why.pop((student, name), None)
        if paths[0].name != f"{name}.ipynb":
            notes[student].append(f"{rel}: graded as {name} (matched by its nbgrader metadata)")
        for other in paths[1:]:
            notes[student].append(f"{other.relative_to(folder)}: another copy of {name}: not graded "
                                  f"({rel} was graded)")
    return found, notes, why


def test_cells(nb):
    """{grade_id: source} of the locked, autograded (test) code cells."""
    cells = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cells[meta["grade_id"]] = cell.source
    return cells


def tampering(released, source, submitted, restored=None):
    """Notes on test cells that were deleted or edited in a submission, and the submission with the
    deleted ones put back from the release (nbgrader then runs the originals of all of them);
    restored (a dict, if given) gets {grade_id: "deleted" or "edited"} for the feedback."""
    want, original, got = test_cells(released), test_cells(source), test_cells(submitted)
    notes = []
    for gid, text in want.items():
        if gid not in got:
            notes.append(f"test cell '{gid}' was deleted (restored for grading)")
            if restored is not None:
                restored[gid] = "deleted"
            index = next(i for i, c in enumerate(released.cells)
                         if c.metadata.get("nbgrader", {}).get("grade_id") == gid)
            before = [c.metadata.get("nbgrader", {}).get("grade_id") for c in released.cells[:index]]
            ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in submitted.cells]
            at = next((ids.index(b) + 1 for b in reversed(before) if b and b in ids), len(submitted.cells))
            submitted.cells.insert(at, released.cells[index])
        elif got[gid].strip() not in (text.strip(), original.get(gid, "").strip()):
            notes.append(f"test cell '{gid}' was edited (the original was run for grading)")
            if restored is not None:
                restored[gid] = "edited"
    return notes


RESTORED = {  # shown to the student at the top of the check cell's outputs in the feedback
    "deleted": "ⓘ This check cell was missing from your notebook (deleted?): the original was put back here "
               "and run for grading.\n",
    "edited": "ⓘ This check cell was changed in your notebook: the original was run for grading, not your "
              "version.\n"}


def unanswered(released, submitted):
    """True if every answer cell of the release is in the submission as released (nothing written)."""
    got = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source.strip() for c in submitted.cells}
    answers = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("solution")]
    return bool(answers) and all(got.get(c.metadata["nbgrader"]["grade_id"]) == c.source.strip() for c in answers)


_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)
_STRINGS = re.compile(r'"(?:\\.|[^"\\])*"')


def library_calls(source_nb, submitted):
    """Notes on answer cells of parts done by hand that use library classes the part does not allow
    (listed in the source notebook's metadata "exercises": {"by_hand": {grade_id: [names]}})."""
    rules = source_nb.metadata.get("exercises", {}).get("by_hand", {})
    notes = []
    for cell in submitted.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id")
        if gid in rules and cell.cell_type == "code":
            code = _STRINGS.sub('""', _COMMENTS.sub("", cell.source))
            used = [n for n in rules[gid] if re.search(rf"\b{re.escape(n)}\b", code)]
            if used:
                notes.append(f"{gid}: uses {', '.join(used)} in a part to be done by hand (check it by hand)")
    return notes


NOT_GRADED = "NotGraded"  # the error output of a check that scores 0 because of java_scan's findings


def flag_notes(flags):
    """One note per finding of java_scan.scan, with the checks it costs."""
    by_reason = {}
    for gid, reasons in flags.items():
        for reason in reasons:
            by_reason.setdefault(reason, []).append(gid)
    return [f"{reason}: 0 points on {', '.join(gids)}" for reason, gids in by_reason.items()]


def cell_problems(nb):
    """One line per autograded cell that scored 0 because of an error, wrote to System.err or had its
    output truncated, from the autograded notebook."""
    from java_grading import STDERR_MARK, TRUNCATED
    lines = []
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code":
            continue
        outputs = cell.get("outputs", [])
        errors = [o for o in outputs if o.get("output_type") == "error" and o.get("ename") != NOT_GRADED]
        died = [o for o in errors if o.get("ename") == "KernelDied"]
        gid = meta.get("grade_id") or "a cell without grade id"
        text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
        if meta.get("grade"):
            stderr = sum(line.startswith(STDERR_MARK) for line in text.splitlines())
            if stderr:
                lines.append(f"{gid}: wrote {stderr} line{'s' * (stderr != 1)} to System.err "
                             f"(shown in the feedback, no points lost for it)")
        if TRUNCATED in text:
            lines.append(f"{gid}: long output truncated (the feedback keeps the first lines)")
        if not (meta.get("grade") or died):
            continue
        timeouts = [o for o in errors if o.get("ename") == "CellTimeoutError"]
        for out in died or timeouts or errors:
            ename, evalue = out.get("ename", ""), str(out.get("evalue", "")).strip()
            if ename == "CellTimeoutError" and not evalue:
                evalue = "timed out (an endless loop?)"
            lines.append(f"{gid}: {ename}: {evalue.splitlines()[0][:160] if evalue else ''}")
            break
    return lines


# ---- the sandbox (exercises/sandbox_kernel.py; docs/exercises.md, "Threat model")

SANDBOX_KERNEL = "java-sandbox"
SANDBOX_UID = 61000           # as root, worker k's kernels run as uid SANDBOX_UID + k
SANDBOX_LIMITS = {            # per kernel (the JJava launcher and the kernel's JVM); see docs/exercises.md
    "as": 16 << 30,           # address space: the JVM reserves much more than its 3 GB heap (-Xmx)
    "nproc": 1024,            # processes and threads of the sandbox's user
    "cpu": 900,               # CPU seconds of the kernel in all (per-cell wall time: --timeout)
    "fsize": 64 << 20,        # largest file it can write
    "nofile": 1024,
}


SANDBOX_WALL = 1200           # seconds a notebook's kernel may run in all (then it is stopped: later cells score 0)


class NoSandbox(Exception):
    pass


def sandbox_probe(bwrap):
    """Raises NoSandbox with the reason if bubblewrap cannot build a sandbox here."""
    if not os.access("/usr/bin/python3", os.X_OK):
        raise NoSandbox("the sandbox's relay of the kernel's channels runs /usr/bin/python3, which is missing "
                        "(Debian: apt-get install python3)")
    if bwrap is None:
        raise NoSandbox("bubblewrap (bwrap) is not installed (Debian: apt-get install bubblewrap; tools/setup.sh "
                        "installs it)")
    cmd = [bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
           "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--proc", "/proc", "--dev", "/dev",
           "/usr/bin/true"]
    if os.geteuid() == 0:
        cmd = ["setpriv", f"--reuid={SANDBOX_UID}", f"--regid={SANDBOX_UID}", "--clear-groups", "--"] + cmd
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise NoSandbox(f"bwrap did not run: {e}")
    if proc.returncode != 0:
        raise NoSandbox(f"bwrap cannot build a sandbox here (user namespaces disabled?): {proc.stderr.strip()[:300]}")


def prepare_sandbox(work):
    """The read-only /course of the sandboxes (kernel jars, library, start-up script, the relay) in a
    folder that any user can read, and the grading kernelspec 'java-sandbox' in work/kernels/; returns
    the Jupyter data folder to put first on JUPYTER_PATH."""
    from jupyter_client.kernelspec import KernelSpecManager
    java_spec = KernelSpecManager().get_kernel_spec("java")
    env = java_spec.env
    staging = Path(tempfile.mkdtemp(prefix="dl-grading-course-"))
    os.chmod(staging, 0o755)
    (staging / "kernel").mkdir()
    for jar in ("jjava.jar", "jjava-launcher.jar"):
        shutil.copy2(Path(java_spec.resource_dir) / jar, staging / "kernel" / jar)
    classpath = []
    for i, entry in enumerate(env["JJAVA_CLASSPATH"].split(os.pathsep)):
        if entry.endswith("*"):
            shutil.copytree(Path(entry[:-1]), staging / "lib" / f"dir{i}", dirs_exist_ok=True)
            classpath.append(f"/course/lib/dir{i}/*")
        else:
            (staging / "lib").mkdir(exist_ok=True)
            shutil.copy2(entry, staging / "lib" / Path(entry).name)
            classpath.append(f"/course/lib/{Path(entry).name}")
    # the course's start-up script, then the grading kernel's own part (a flood of printing in batches)
    (staging / "startup.jsh").write_text(Path(env["JJAVA_STARTUP_SCRIPTS_PATH"]).read_text(encoding="utf-8") + "\n"
                                         + (COURSE / "grading_startup.jsh").read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copy2(COURSE / "sandbox_kernel.py", staging / "sandbox_kernel.py")
    # the small data sets an assignment may load (Digits, 64 KB), read-only at /course/data (DL_DATA_DIR)
    shutil.copytree(ROOT / "data" / "digits", staging / "data" / "digits")
    for p in staging.rglob("*"):
        p.chmod(0o755 if p.is_dir() else 0o644)
    java = Path(shutil.which("java")).resolve()
    java_home = java.parent.parent
    etc = sorted({str(p.resolve()) for p in java_home.rglob("*") if p.is_symlink() and
                  str(p.resolve()).startswith("/etc/")} | {"/etc/ld.so.cache", "/etc/localtime"})
    outside_usr = not str(java_home).startswith("/usr/")
    config = {
        "bwrap": os.environ.get("DL_BWRAP") or shutil.which("bwrap"), "staging": str(staging), "etc": etc,
        "java_home": "/opt/jdk" if outside_usr else str(java_home),
        "java_home_host": str(java_home) if outside_usr else None,
        "tmp_bytes": 256 << 20, "scratch_bytes": 64 << 20, "limits": SANDBOX_LIMITS, "wall_seconds": SANDBOX_WALL,
        "env": {"JJAVA_CLASSPATH": ":".join(classpath), "JJAVA_STARTUP_SCRIPTS_PATH": "/course/startup.jsh",
                "DL_DATA_DIR": "/course/data",
                "JJAVA_JVM_OPTS": env.get("JJAVA_JVM_OPTS", "") + " -Duser.home=/home/student -Duser.name=student"
                                                                 " -XX:+DisableAttachMechanism", "JJAVA_COMPILER_OPTS": env.get("JJAVA_COMPILER_OPTS", "")},
    }
    data = Path(work) / "jupyter"
    spec_dir = data / "kernels" / SANDBOX_KERNEL
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "sandbox.json").write_text(json.dumps(config, indent=1))
    (spec_dir / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-I", str(staging / "sandbox_kernel.py"), str(spec_dir / "sandbox.json"),
                 "{connection_file}"],
        "display_name": "Java (course, grading sandbox)", "language": "java", "interrupt_mode": "message",
        "env": {}, "metadata": {"debugger": False}}, indent=1))
    return data, staging


# ---- one submission, in a worker's own copy of the course directory

_WORKER = {}


SECRETS = "secrets.json"  # in the grading folder: lines and paths the feedback must not show


def secret_lines(source_nb, released_nb, minimum=12):
    """Lines of the source's solution and hidden-test regions (stripped, at least `minimum` characters)
    that the release does not show."""
    shown = {line.strip() for c in released_nb.cells for line in c.source.splitlines()}
    lines = []
    for c in source_nb.cells:
        inside = False
        for line in c.source.splitlines():
            if "BEGIN SOLUTION" in line or "BEGIN HIDDEN TESTS" in line:
                inside = True
            elif "END SOLUTION" in line or "END HIDDEN TESTS" in line:
                inside = False
            elif inside and len(line.strip()) >= minimum and line.strip() not in shown:
                lines.append(line.strip())
        if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("solution"):
            lines += [line.strip() for line in c.source.splitlines()
                      if len(line.strip()) >= minimum and line.strip() not in shown]  # model answers
    return lines


def write_secrets(work, names):
    secrets = {"lines": {}, "paths": sorted({str(ROOT), str(Path(work).resolve()), str(Path.home()),
                                            tempfile.gettempdir() + os.sep, sys.prefix} - {"/", ""})}
    for name in names:
        secrets["lines"][name] = secret_lines(nbformat.read(work / "source" / name / f"{name}.ipynb", as_version=4),
                                              nbformat.read(work / "release" / name / f"{name}.ipynb", as_version=4))
    (work / SECRETS).write_text(json.dumps(secrets, indent=1, ensure_ascii=False), encoding="utf-8")


def worker_init(base, root, timeout, kernel=None, show_expected=False):
    """Gives this process its own course directory (a copy of base after generate), nbgrader API and,
    for the sandbox, its own uid (its kernels' process limit is then not shared with another worker's)."""
    sys.path.insert(0, str(base))
    here = Path(root) / f"worker-{os.getpid()}"
    shutil.rmtree(here, ignore_errors=True)
    here.mkdir(parents=True)
    for k in range(1, 1000):
        try:
            os.close(os.open(Path(root) / f"uid-{k}", os.O_CREAT | os.O_EXCL))
            os.environ["DL_SANDBOX_UID"] = str(SANDBOX_UID + k)
            break
        except FileExistsError:
            continue
    for item in ("source", "release"):
        shutil.copytree(Path(base) / item, here / item)
    for item in ("nbgrader_config.py", "java_grading.py", "gradebook.db"):
        shutil.copy2(Path(base) / item, here / item)
    _WORKER["course"] = Course(here, timeout, kernel, Path(base) / SECRETS, show_expected)


def grade_one(job):
    """Autogrades and writes feedback for one (student, assignment, prepared notebook); returns its
    scores per cell, notes and where the graded notebook and the feedback are."""
    from nbgrader.api import Gradebook
    import time
    started = time.perf_counter()
    student, name, notebook, flags, restored = job
    course = _WORKER["course"]
    work = course.root
    target = work / "submitted" / student / name / f"{name}.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(notebook, target)
    logs = work / "logs"
    log = logs / f"autograde-{student}-{name}.log"
    ok, text = course.run("autograde", name, student, log=log)
    autograded_at = time.perf_counter()
    graded = work / "autograded" / student / name / f"{name}.ipynb"
    result = {"student": student, "name": name, "ok": ok and graded.is_file(), "notes": [], "grades": {},
              "log": str(log), "seconds": time.perf_counter() - started}
    if not result["ok"]:
        return result
    graded_nb = nbformat.read(graded, as_version=4)
    result["notes"] = cell_problems(graded_nb)
    result["warnings"] = sorted({line.split("] ", 1)[-1] for line in text.splitlines() if "WARNING" in line})
    if restored:  # the student reads, in the feedback, that the original check ran
        for c in graded_nb.cells:
            kind = restored.get(c.metadata.get("nbgrader", {}).get("grade_id"))
            if kind and c.cell_type == "code":
                c.outputs.insert(0, nbformat.v4.new_output("stream", name="stdout", text=RESTORED[kind]))
        nbformat.write(graded_nb, graded)
    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb:
        if flags:  # checks the submission's code could have fooled: 0, and why, in the feedback
            for c in graded_nb.cells:
                gid = c.metadata.get("nbgrader", {}).get("grade_id")
                if gid in flags:
                    gb.find_grade(gid, name, name, student).auto_score = 0
                    c.outputs.append(nbformat.v4.new_output(
                        "error", ename=NOT_GRADED, evalue="0 points: " + "; ".join(flags[gid]),
                        traceback=[f"{NOT_GRADED}: 0 points: " + "; ".join(flags[gid])]))
            gb.db.commit()
            nbformat.write(graded_nb, graded)
        sub = gb.find_submission(name, student)
        result["timestamp"] = sub.timestamp
        for nb in sub.notebooks:
            for g in nb.grades:
                result["grades"][(nb.name, g.name)] = (g.auto_score, g.needs_manual_grade)
            for c in nb.comments:
                result.setdefault("comments", {})[(nb.name, c.name)] = c.auto_comment
    before_feedback = time.perf_counter()
    course.run("generate_feedback", name, student, log=logs / f"feedback-{student}-{name}.log")
    result["seconds"] = time.perf_counter() - started
    result["phases"] = {"autograde": round(autograded_at - started, 1), "gradebook": round(before_feedback - autograded_at, 1),
                        "feedback": round(time.perf_counter() - before_feedback, 1)}
    result["autograded"] = str(work / "autograded" / student / name)
    result["feedback"] = str(work / "feedback" / student / name)
    return result


def run_jobs(jobs, n_jobs, work, timeout, kernel=None, show_expected=False):
    """Every job graded by n_jobs worker processes (1: in this process); results in job order."""
    root = work / "workers"
    if n_jobs <= 1 or len(jobs) <= 1:
        worker_init(work, root, timeout, kernel, show_expected)
        return [grade_one(job) for job in jobs]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(jobs)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=worker_init, initargs=(work, root, timeout, kernel, show_expected)) as pool:
        return list(pool.map(grade_one, jobs))


def merge(work, results):
    """Copies graded notebooks and feedback from the workers into the course directory and writes
    their grades into its gradebook (for the formgrader), in job order."""
    import warnings
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes while nbgrader creates the grade rows
        for r in results:
            if not r["ok"]:
                continue
            gb.update_or_create_student(r["student"])
            for kind in ("autograded", "feedback"):
                dest = work / kind / r["student"] / r["name"]
                shutil.rmtree(dest, ignore_errors=True)
                if Path(r[kind]).is_dir():
                    shutil.copytree(r[kind], dest)
            gb.update_or_create_submission(r["name"], r["student"], timestamp=r["timestamp"])
            for (nb, cell), (score, needs) in r["grades"].items():
                g = gb.find_grade(cell, nb, r["name"], r["student"])
                g.auto_score, g.needs_manual_grade = score, needs
            for (nb, cell), text in r.get("comments", {}).items():
                gb.find_comment(cell, nb, r["name"], r["student"]).auto_comment = text
            gb.db.commit()


def add_students(work, ids, people):
    """Every student of the class in the gradebook (also those with nothing graded), with the roster's
    names and email (nbgrader's export plugins read them)."""
    import warnings
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SQLAlchemy's autoflush notes, as in merge
        for sid in ids:
            p = people.get(sid, {})
            first, last = p.get("first_name") or None, p.get("last_name") or None
            if not (first or last) and p.get("name"):  # "Last, First" (as Canvas writes it) or one name
                last, _, first = p["name"].partition(", ")
                first = first or None
            gb.update_or_create_student(sid, first_name=first, last_name=last, email=p.get("email") or None,
                                        lms_user_id=p.get("canvas_id") or None)


def export_lms(work, out_dir, kinds, roster):
    """Runs the nbgrader export plugins of tools/lms_export.py on the gradebook; returns (file, report lines)."""
    sys.path.insert(0, str(work))
    import lms_export
    from nbgrader.api import Gradebook
    written = []
    for kind in kinds:
        plugin = lms_export.EXPORTERS[kind](to=str(out_dir / f"{kind}-grades.csv"),
                                            roster=str(work / "roster.csv") if roster is not None else "")
        with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb:
            plugin.export(gb)
        written.append((out_dir / f"{kind}-grades.csv", plugin.report))
    return written


def pending_feedback(html, pending):
    """The feedback says "to be graded" for written answers nobody has graded yet, not a score of 0, and
    what its numbers are: "2 of 9 points" where nbgrader writes "Score: 2.0 / 9.0"."""
    def pts(x):
        return f"{float(x):g} point{'s' * (float(x) != 1)}"
    for gid, points in pending:
        p = f"{float(points):.1f}"
        html = re.sub(rf'(<a href="#{re.escape(gid)}">[^<]*</a>) \(Score: 0\.0 / {re.escape(p)}\)',
                      rf"\1 (to be graded: {pts(points)})", html)
        html = re.sub(rf'(<a name="{re.escape(gid)}"></a>.*?)Score: 0\.0 / {re.escape(p)}',
                      rf"\1To be graded: {pts(points)}", html, count=1, flags=re.S)
    total = sum(float(points) for _, points in pending)
    if total:
        html = re.sub(r"\(Score: ([0-9.]+) / ([0-9.]+)\)</h4>",
                      lambda m: f"({float(m.group(1)):g} of {pts(float(m.group(2)) - total)} autograded; "
                                f"{pts(total)} more to be graded by hand)</h4>", html, count=1)
    html = re.sub(r"\(Score: ([0-9.]+) / ([0-9.]+)\)", lambda m: f"({float(m.group(1)):g} of {pts(m.group(2))})", html)
    return re.sub(r"Score: ([0-9.]+) / ([0-9.]+)", lambda m: f"{float(m.group(1)):g} of {pts(m.group(2))}", html)


def not_graded_page(student, name, text, points):
    """A feedback page for an assignment that could not be graded (the student reads why)."""
    import html
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(name)}</title></head>\n'
            f'<body><h4>{html.escape(name)} (not graded: 0 of {points:g} points so far)</h4>\n'
            f"<p>{html.escape(text)}</p>\n</body></html>\n")


def grade(folder, out_dir, timeout, jobs=None, sandbox=True, show_expected=False, lms=(), roster=None):
    folder = Path(folder).resolve()
    if not folder.is_dir():
        sys.exit(f"{folder} is not a folder of submissions (expected FOLDER/<student>/...)")
    lms = sorted(set(lms or ()))
    people = {}
    if roster is not None:
        import lms_export
        try:
            people = lms_export.read_roster(roster)
        except (OSError, ValueError) as e:
            sys.exit(f"--roster {roster}: {e}")
    if sandbox:
        try:
            sandbox_probe(os.environ.get("DL_BWRAP") or shutil.which("bwrap"))
        except NoSandbox as e:
            sys.exit(f"cannot grade safely: {e}.\nEvery submission's kernel runs in a bubblewrap sandbox (see "
                     f"docs/exercises.md, 'Threat model'). To grade without it, trusting every submission with "
                     f"your rights, add --no-sandbox.")
    jobs_n = jobs or os.cpu_count() or 1
    out_dir = Path(out_dir).resolve()
    work = out_dir / "grading"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    shutil.copytree(COURSE / "source", work / "source")
    for f in ("nbgrader_config.py", "java_grading.py"):
        shutil.copy2(COURSE / f, work / f)
    shutil.copy2(COURSE / "java_scan.py", work / "java_scan.py")
    shutil.copy2(ROOT / "tools" / "lms_export.py", work / "lms_export.py")  # nbgrader export --exporter=lms_export.…
    if roster is not None:
        shutil.copy2(roster, work / "roster.csv")
    sys.path.insert(0, str(work))
    from java_scan import scan
    names = assignments(work)
    course = Course(work, timeout)
    generate(course, names)
    write_secrets(work, names)

    unreadable = {}
    found, notes, why = find_submissions(folder, names, assignment_ids(work / "release", names), unreadable)
    students = sorted(notes)
    prepared = work / "prepared"
    job_list = []
    blank = set()  # (student, assignment) handed in as released
    for (student, name), path in sorted(found.items()):
        released = nbformat.read(work / "release" / name / f"{name}.ipynb", as_version=4)
        source = nbformat.read(work / "source" / name / f"{name}.ipynb", as_version=4)
        submitted = nbformat.read(path, as_version=4)
        if unanswered(released, submitted):
            blank.add((student, name))
        restored = {}
        notes[student] += [f"{name}: {n}" for n in tampering(released, source, submitted, restored)]
        notes[student] += [f"{name}: {n}" for n in library_calls(source, submitted)]
        flags = scan(source, submitted)
        notes[student] += [f"{name}: {n}" for n in flag_notes(flags)]
        if flags or restored:
            blank.discard((student, name))
        target = prepared / student / f"{name}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(submitted, target)
        job_list.append((student, name, str(target), flags, restored))

    import time
    started = time.perf_counter()
    kernel, staging = None, None
    if sandbox:
        data, staging = prepare_sandbox(work)
        os.environ["JUPYTER_PATH"] = os.pathsep.join([str(data)] + [p for p in [os.environ.get("JUPYTER_PATH")] if p])
        kernel = SANDBOX_KERNEL
    try:
        results = run_jobs(job_list, jobs_n, work, timeout, kernel, show_expected)
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    merge(work, results)
    add_students(work, sorted(set(students) | set(people)), people)
    elapsed = time.perf_counter() - started
    (out_dir / "timing.json").write_text(json.dumps(
        {"jobs": jobs_n, "seconds": round(elapsed, 1), "students": len(students), "submissions": len(results),
         "per_submission": {f"{r['student']}/{r['name']}": round(r["seconds"], 1) for r in results},
         "phases": {f"{r['student']}/{r['name']}": r.get("phases") for r in results}}, indent=1))

    maxima, manual = {}, {}
    for name in names:
        nb = nbformat.read(work / "source" / name / f"{name}.ipynb", as_version=4)
        graded = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]
        maxima[name] = sum(float(c.metadata["nbgrader"]["points"]) for c in graded if c.cell_type == "code")
        manual[name] = [(c.metadata["nbgrader"]["grade_id"], c.metadata["nbgrader"]["points"])
                        for c in graded if c.cell_type == "markdown"]
    scores = {s: {} for s in students}
    feedback_dir = out_dir / "feedback"
    shutil.rmtree(feedback_dir, ignore_errors=True)
    empty = {s: [] for s in students}  # assignments handed in as released that scored 0
    for r in results:
        student, name = r["student"], r["name"]
        if not r["ok"]:
            notes[student].append(f"{name}: autograde failed (log: {r['log']})")
            why[(student, name)] = "autograde failed (see the notes)"
            (feedback_dir / student).mkdir(parents=True, exist_ok=True)
            (feedback_dir / student / f"{name}.html").write_text(not_graded_page(
                student, name, "Your notebook could not be graded automatically; your instructor will look at it.",
                maxima[name]), encoding="utf-8")
            continue
        scores[student][name] = sum(score or 0 for (nb, cell), (score, _) in r["grades"].items()
                                    if cell in test_cells(nbformat.read(work / "source" / name / f"{name}.ipynb",
                                                                        as_version=4)))
        if (student, name) in blank and scores[student][name] == 0:
            empty[student].append(name)  # one line for them all instead of every check's failure
        else:
            notes[student] += [f"{name}: {line}" for line in r["notes"]]
        html = work / "feedback" / student / name / f"{name}.html"
        if html.is_file():
            (feedback_dir / student).mkdir(parents=True, exist_ok=True)
            (feedback_dir / student / f"{name}.html").write_text(
                pending_feedback(html.read_text(encoding="utf-8"), manual[name]), encoding="utf-8")

    for student in students:
        if empty[student]:
            notes[student].append(f"{', '.join(sorted(empty[student], key=assignment_order))}: handed in as released, no answer written: "
                                  f"0 points (the checks' failures are not listed)")
    for (student, name), (rel, reason) in sorted(unreadable.items()):
        if (student, name) in found:
            continue
        (feedback_dir / student).mkdir(parents=True, exist_ok=True)
        (feedback_dir / student / f"{name}.html").write_text(not_graded_page(
            student, name, f"Your upload {Path(rel).name} could not be read as a Jupyter notebook ({reason}), so "
                           f"{name} was not graded. Save the notebook in JupyterLab (File → Save) and hand in the "
                           f".ipynb file itself, not a copy opened in another program, a screenshot or an archive.",
            maxima[name]), encoding="utf-8")

    def cell_text(student, name):
        if name in scores[student]:
            return f"{scores[student][name]:g}/{maxima[name]:g}"
        return "not graded: " + why.get((student, name), "not submitted")

    possible = sum(maxima[n] for n in names)  # every assignment counts, graded or not

    def total(student):
        got = scores[student]
        text = f"{sum(got.values()):g}/{possible:g}"
        return text + (f" ({len(names) - len(got)} not graded)" if len(got) < len(names) else "")

    # ---- report
    widths = {n: max([len(n)] + [len(cell_text(s, n)) for s in students]) for n in names}
    width = max([len("student")] + [len(s) for s in students])
    twidth = max([len("total")] + [len(total(s)) for s in students])
    head = f"{'student':<{width}}  " + "  ".join(f"{n:>{widths[n]}}" for n in names) + f"  {'total':>{twidth}}"
    print(head)
    print("-" * len(head))
    for student in students:
        print(f"{student:<{width}}  " + "  ".join(f"{cell_text(student, n):>{widths[n]}}" for n in names)
              + f"  {total(student):>{twidth}}")
    print(f"(autograded points of {possible:g}; an assignment not graded counts 0 in the total; hand-graded answers pending: "
          + ", ".join(f"{n} {sum(float(p) for _, p in manual[n]):g}" for n in names if manual[n]) + ")")
    for student in students:
        if notes[student]:
            print(f"\n{student}:")
            for line in notes[student]:
                print(f"  - {line}")
    with open(out_dir / "scores.csv", "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["student", *names, "total", "max"])
        for student in students:
            got = scores[student]
            writer.writerow([student, *(f"{got[n]:g}" if n in got else cell_text(student, n) for n in names),
                             f"{sum(got.values()):g}", f"{possible:g}"])
    (out_dir / "notes.json").write_text(json.dumps(notes, indent=1, ensure_ascii=False))
    print(f"\ngraded {len(results)} submissions of {len(students)} students in {elapsed:.0f} s with {jobs_n} "
          f"job{'s' * (jobs_n != 1)} ({elapsed / max(1, len(students)):.1f} s per student)")
    print(f"scores: {out_dir / 'scores.csv'}; feedback: {feedback_dir}/<student>/<assignment>.html")
    for path, report in export_lms(work, out_dir, lms, roster):
        print(f"{path.stem.split('-')[0].capitalize()} grade import: {path}")
        for line in report:
            print(f"  - {line}")
    return 0


USAGE = ("./course exercises release [ASSIGNMENT...] [--lang ko]\n       ./course exercises grade FOLDER [--out DIR] [--timeout S] [--jobs N] "
         "[--no-sandbox] [--show-expected] [--lms canvas|moodle]... [--roster CSV]\n       ./course exercises --help")


def build_parser():
    parser = argparse.ArgumentParser(prog="./course exercises", usage=USAGE, description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    release_parser = sub.add_parser("release", prog="./course exercises release",
                                    help="student versions of every assignment (or of the ones named)")
    release_parser.add_argument("names", nargs="*", metavar="ASSIGNMENT",
                                help="only these assignments (default: all under exercises/source/)")
    release_parser.add_argument("--lang", choices=["en", "ko"], default="en",
                                help="ko: also the Korean student copies in notebooks/ko/exercises/ (the same code "
                                     "and checks, the instructions in Korean; ./course lab --lang ko shows them)")
    g = sub.add_parser("grade", prog="./course exercises grade", help="grade a folder of submissions")
    g.add_argument("folder", help="one sub-folder per student with the submitted notebooks")
    g.add_argument("--out", default=str(ROOT / "build" / "exercises"),
                   help="where scores, notes, feedback and LMS files go (default: build/exercises)")
    g.add_argument("--timeout", type=int, default=None, help="seconds per cell (default: nbgrader_config.py, 30)")
    g.add_argument("--jobs", type=int, default=None,
                   help="submissions graded at the same time (default: the number of cores)")
    g.add_argument("--no-sandbox", action="store_true",
                   help="run the submissions' kernels without the bubblewrap sandbox (only for code you trust)")
    g.add_argument("--show-expected", action="store_true",
                   help="the feedback shows a failed hidden check's expected value (default: only the student's "
                        "value and the hint)")
    g.add_argument("--lms", action="append", choices=["canvas", "moodle"], default=[],
                   help="also write DIR/<lms>-grades.csv for the LMS's grade import (docs/teaching.md); "
                        "repeat for both")
    g.add_argument("--roster", type=Path, default=None,
                   help="CSV with a column id (the student's folder name) and any of first_name, last_name, name, "
                        "email, username, idnumber, sis_user_id, sis_login_id, canvas_id, section (for --lms)")
    return parser, {"release": release_parser, "grade": g}


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    parser, commands = build_parser()
    if not argv or argv[0] in ("-h", "--help", "help"):  # every command with every option
        print(parser.format_help())
        for name, command in commands.items():
            print(f"--- {name} ---\n{command.format_help()}")
        return 0 if argv else 2
    args = parser.parse_args(argv)
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    if args.cmd == "release":
        return release(args.names, args.lang)
    if args.roster is not None and not args.roster.is_file():
        parser.error(f"--roster {args.roster}: no such file")
    return grade(args.folder, args.out, args.timeout, args.jobs, sandbox=not args.no_sandbox,
                 show_expected=args.show_expected, lms=args.lms, roster=args.roster)


if __name__ == "__main__":
    sys.exit(main())
