"""Tests the graded exercises end to end with nbgrader on the Java kernel, as an instructor would
with a small class (issue 16). One grading run with --jobs 2, plus a serial re-run of a subset:

  * "solutions" submits the instructor's source notebooks: full autograded marks; the feedback shows
    the hidden tests' results but not their code, and written answers read "to be graded";
  * "unmodified" submits the release notebooks untouched (nbgrader's layout): 0 points, no crash,
    no "checksum has changed" warning;
  * "style2" submits correct answers written another way, under renamed files (a browser's
    "a1-calculus (1).ipynb", "A2-….ipynb", "a3-…_s12" without extension, a4 in a sub-folder), with
    30 000 printed lines in an answer cell and debug printing to System.err inside a graded method,
    and the a2 learning rates 0.5 / 0.55 / 1.5 whose library paths stop early: full marks; the
    output is truncated with a note, stderr is named in the notes; a5 not submitted reads
    "not graded: not submitted", never 0;
  * "mistakes" makes the typical mistakes and the abuse cases: inner derivative forgotten, numerical
    derivatives where "by hand" is asked, Derivatives.central inside centralDifference, η missing,
    a blank and two wrong learning rates, Momentum delegated to the library, ε inside Adam's root,
    NumericalGradient as the answer to dL/dW2, σ′ forgotten, a hard-coded update: each scores what it
    deserves with its hint; "mistakes2" forgets Momentum's state and Adam's bias correction;
  * "robust": an endless loop, an exception, a deleted and an edited test cell, the forward
    difference; System.exit in a2 (earlier parts keep their points);
  * "broken": a file that is not a notebook, a notebook of no assignment;
  * assignment 6 (a6-perceptron), in the same run: "style2b" answers in a second style under another file
    name (full marks); "mistakes", "mistakes2" and "robust" make its typical mistakes, one per check cell:
    predict handed to a library Perceptron kept in a field, the update with the wrong sign, without the
    bias, moving on right answers, train handed to Perceptron.train, XOR by a table of the four cases and
    by a line next to a corner, the weights counted without biases and with input biases: each scores
    what it deserves with its hint; "robust" also edits and deletes a check cell, throws and calls
    System.exit;
  * attacking submissions of a1 (tools/testdata/attacks/x-*.jsh, graded in the same run, issue 33):
    do-nothing Check/Mistake classes, reflection, an answer declared again, reading the solution and
    hidden tests, overwriting the gradebook, writing to the home folder / repository / /tmp, planted
    links, a thread and fork flood, a huge allocation, an endless loop that swallows interrupts,
    System.exit in a check: each 0 on what it could fool, with a note; no secret or grading path
    in any feedback, no file outside the sandboxes written; grade refuses without a sandbox;
  * java_scan on single cells: honest helper names keep their points, shadowing ones do not;
  * grading as an instructor reads it (issue 26): the max is every assignment's points; an unreadable
    upload gets feedback; a failed hidden check shows its input, not its expected value (unless
    --show-expected, in the serial run); "9 of 9 points", "the cell ran longer than N s", no Java
    stack frames, restored check cells told, one note line for a blank hand-in; --help lists every
    option; a "hardcoded" a1 fails only a hidden check;
  * LMS export (issue 35, on this run's gradebook, --lms canvas --lms moodle --roster): Canvas's and
    Moodle's import columns, Points Possible, missing work empty (not 0), the roster's names and ids,
    the report of what is missing, `nbgrader export --exporter=lms_export.CanvasExport` gives the same;
  * the serial run (--jobs 1) of some students gives exactly the same scores and notes;
  * notebooks/exercises/ holds the current release; docs/exercises.md states the notebooks' points.

    python tools/test_exercises.py [--timeout SECONDS]
Prints "N passed, N failed".

    python tools/test_exercises.py --make-class DIR
writes a synthetic class of 15 students (every assignment each: correct answers in both styles,
typical mistakes, abuse, untouched releases, endless loops, System.exit, renamed files) to DIR, for
measuring grading time: ./course exercises grade DIR --jobs N.
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
import time
from pathlib import Path

import nbformat

from exercise_cases import CASES, Run
from exercises import assignments
from exercise_kit import RELEASED, ROOT, SOURCE, answer, cell, check, outputs, results, source


# ---------------------------------------------------------------- submissions

def robust_calculus():
    nb = source("a1-calculus")
    answer(nb, "dcube", "double dCube(double x) {\n    while (true) { x = x + 1; }\n}")
    answer(nb, "gradf", 'double[] gradF(double x, double y) {\n'
                        '    throw new IllegalStateException("boom from the student code");\n}')
    answer(nb, "central", "double centralDifference(DoubleUnaryOperator f, double x, double h) {\n"
                          "    return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;\n}")
    cell(nb, "central_check").source = 'System.out.println("all checks passed, trust me");'
    nb.cells.remove(cell(nb, "dsin_check"))
    return nb


def robust_descent():
    nb = source("a2-gradient-descent")
    answer(nb, "rates", "double etaConverge = 0.1, etaOscillate = 0.9, etaDiverge = 1.1;\nSystem.exit(0);")
    return nb


def style2():
    a1 = source("a1-calculus")
    answer(a1, "dcube", "double dCube(double x) {\n    return 24 * x * x - 24 * x + 6;  // expanded: 6(2x − 1)²\n}\n"
                        'for (int i = 0; i < 30000; i++) System.out.println("trying dCube, line " + i);')
    answer(a1, "gradf", "double[] gradF(double x, double y) {\n    double[] g = new double[2];\n"
                        "    g[0] = 6 * x - 12;\n    g[1] = 2 * y - 4;\n    return g;\n}")
    answer(a1, "dsin", "double dSinSquare(double x) {\n    double inner = x * x, outer = Math.cos(inner);\n"
                       '    System.err.println("debug: x = " + x + ", cos(x²) = " + outer);\n'
                       "    return 2 * x * outer;\n}")
    answer(a1, "central", "double centralDifference(DoubleUnaryOperator f, double x, double h) {\n"
                          "    double right = f.applyAsDouble(x + h), left = f.applyAsDouble(x - h);\n"
                          "    return (right - left) / h / 2;\n}")
    a2 = source("a2-gradient-descent")
    answer(a2, "descend", "double[] descend(DoubleUnaryOperator df, double x0, double eta, int steps) {\n"
                          "    double[] path = new double[steps + 1];\n    double x = x0;\n    int k = 0;\n"
                          "    path[0] = x;\n    while (k < steps) {\n        x -= eta * df.applyAsDouble(x);\n"
                          "        path[++k] = x;\n    }\n    return path;\n}")
    answer(a2, "rates", "double etaConverge = 0.5, etaOscillate = 0.55, etaDiverge = 1.5;")
    a3 = source("a3-optimizers")
    answer(a3, "momentum", """class MyMomentum implements Optimizer {
    private final double eta, gamma;
    private final Map<double[], double[]> velocity = new IdentityHashMap<>();
    MyMomentum(double eta, double gamma) { this.eta = eta; this.gamma = gamma; }
    public void update(double[] param, double[] grad) {
        if (!velocity.containsKey(param)) velocity.put(param, new double[param.length]);
        double[] v = velocity.get(param);
        for (int i = 0; i < param.length; i++) {
            v[i] = gamma * v[i] + eta * grad[i];
        }
        for (int i = 0; i < param.length; i++) param[i] = param[i] - v[i];
    }
    public void reset() { velocity.clear(); }
}""")
    answer(a3, "adam", """class MyAdam implements Optimizer {
    private final double eta, beta1, beta2, eps = 1e-8;
    private final Map<double[], double[][]> state = new IdentityHashMap<>();  // {m, v, {t}}
    MyAdam(double eta, double beta1, double beta2) { this.eta = eta; this.beta1 = beta1; this.beta2 = beta2; }
    public void update(double[] param, double[] grad) {
        double[][] s = state.computeIfAbsent(param, p -> new double[][] {new double[p.length], new double[p.length], {0}});
        s[2][0] += 1;
        double c1 = 1 - Math.pow(beta1, s[2][0]), c2 = 1 - Math.pow(beta2, s[2][0]);
        for (int i = 0; i < param.length; i++) {
            s[0][i] = beta1 * s[0][i] + (1 - beta1) * grad[i];
            s[1][i] = beta2 * s[1][i] + (1 - beta2) * grad[i] * grad[i];
            param[i] -= eta * (s[0][i] / c1) / (Math.sqrt(s[1][i] / c2) + eps);
        }
    }
    public void reset() { state.clear(); }
}""")
    a4 = source("a4-backprop")
    c = cell(a4, "backward")
    c.source = c.source.replace("""    double[] da = dPreActivation(x, t);
    double[][] g = new double[2][3];
    for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) g[i][j] = x[i] * da[j];
    return g;""", """    double[] h = hidden(x), dz = dScores(x, t);
    double[][] g = new double[2][3];
    for (int j = 0; j < 3; j++) {
        double back = dz[0] * W2[j][0] + dz[1] * W2[j][1];
        for (int i = 0; i < 2; i++) g[i][j] = x[i] * back * h[j] * (1 - h[j]);
    }
    return g;""")
    return a1, a2, a3, a4


def mistakes():
    a1 = source("a1-calculus")
    answer(a1, "dcube", "double dCube(double x) {\n    return 3 * Math.pow(2 * x - 1, 2);\n}")
    answer(a1, "gradf", "double[] gradF(double x, double y) {\n"
                        "    return Derivatives.gradient(new ElongatedBowl(1.0 / 3, 1, 2, 2), x, y);\n}")
    answer(a1, "dsin", "double dSinSquare(double x) {\n    return Derivatives.central(u -> Math.sin(u * u), x, 1e-5);\n}")
    answer(a1, "central", "double centralDifference(DoubleUnaryOperator f, double x, double h) {\n"
                          "    return Derivatives.central(f, x, h);\n}")
    a2 = source("a2-gradient-descent")
    answer(a2, "descend", "double[] descend(DoubleUnaryOperator df, double x0, double eta, int steps) {\n"
                          "    double[] path = new double[steps + 1];\n    path[0] = x0;\n"
                          "    for (int k = 0; k < steps; k++) path[k + 1] = path[k] - df.applyAsDouble(path[k]);\n"
                          "    return path;\n}")
    answer(a2, "rates", "double etaConverge = 0, etaOscillate = 0.5, etaDiverge = 10;")
    a3 = source("a3-optimizers")
    answer(a3, "momentum", """class MyMomentum implements Optimizer {
    private final Momentum inner;
    MyMomentum(double eta, double gamma) { inner = new Momentum(eta, gamma); }
    public void update(double[] param, double[] grad) { inner.update(param, grad); }
    public void reset() { inner.reset(); }
}""")
    c = cell(a3, "adam")
    c.source = c.source.replace("(Math.sqrt(vHat) + eps)", "Math.sqrt(vHat + eps)")
    a4 = source("a4-backprop")
    c = cell(a4, "backward")
    c.source = (c.source.replace("""    double[] h = hidden(x), dz = dScores(x, t);
    double[][] g = new double[3][2];
    for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) g[j][k] = h[j] * dz[k];
    return g;""", """    DMatrixRMaj g = NumericalGradient.of(net, new DMatrixRMaj(new double[][] {x}), new int[] {t}, "W2");
    return new double[][] {{g.get(0, 0), g.get(0, 1)}, {g.get(1, 0), g.get(1, 1)}, {g.get(2, 0), g.get(2, 1)}};""")
                .replace("da[j] = dh * h[j] * (1 - h[j]);", "da[j] = dh;"))
    answer(a4, "update", "double[][] updatedW2(double[] x, int t, double eta) {\n"
                         "    return new double[][] {{0.12343617069171284, 0.07656382930828715}, "
                         "{-0.3250556578141144, 0.5250556578141143}, {0.41837977548970745, 0.28162022451029256}};\n}")
    return a1, a2, a3, a4


def mistakes2():
    a3 = source("a3-optimizers")
    c = cell(a3, "momentum")
    c.source = c.source.replace("double[] v = velocity.computeIfAbsent(param, p -> new double[p.length]);",
                                "double[] v = new double[param.length];")
    c = cell(a3, "adam")
    c.source = (c.source.replace("double mHat = mp[i] / (1 - Math.pow(beta1, step));", "double mHat = mp[i];")
                .replace("double vHat = vp[i] / (1 - Math.pow(beta2, step));", "double vHat = vp[i];"))
    return a3


ATTACKS = ROOT / "tools" / "testdata" / "attacks"
MARK = "dl-attack-marker"  # the file name the attacks try to write outside their sandbox
MARKED = [Path.home(), ROOT, Path("/tmp"), Path("/var/tmp"), Path("/dev/shm")]


def attack(path):
    """An attacking a1-calculus submission from tools/testdata/attacks/ (format: its README.md)."""
    text = path.read_text(encoding="utf-8").replace("@ROOT@", str(ROOT)).replace("@HOME@", str(Path.home()))
    text = text.replace("@MARK@", MARK)
    parts = re.split(r"^//// (.*)$", text, flags=re.M)
    directives = parts[1::2]
    nb = source("a1-calculus") if "solved" in directives else nbformat.read(RELEASED / "a1-calculus.ipynb", as_version=4)
    for directive, code in zip(directives, parts[2::2]):
        code = code.strip("\n")
        if directive.startswith("cell "):
            answer(nb, directive.split()[1], code)
        elif directive.startswith("new after "):
            nb.cells.insert(nb.cells.index(cell(nb, directive.split()[2])) + 1, nbformat.v4.new_code_cell(code))
    return nb


def korean_solution(name):
    """The Korean student copy of an assignment (notebooks/ko/exercises/, tools/translate.py) with every answer cell
    filled in from the instructor's source: it must score as the English solutions do."""
    ko = nbformat.read(ROOT / "notebooks" / "ko" / "exercises" / f"{name}.ipynb", as_version=4)
    answers = {c.id: c.source for c in source(name).cells if c.metadata.get("nbgrader", {}).get("solution")}
    for c in ko.cells:
        if c.id in answers:
            c.source = answers[c.id]
    return ko


def make_class(folder):
    """15 students, each with every assignment (see the module docstring)."""
    names = assignments(ROOT / "exercises")
    solved = {n: source(n) for n in names}
    kinds = {"style2": dict(zip(names, style2())), "mistakes": dict(zip(names, mistakes())),
             "robust": {"a1-calculus": robust_calculus(), "a2-gradient-descent": robust_descent()},
             "mistakes2": {"a3-optimizers": mistakes2()},
             "unmodified": {n: nbformat.read(RELEASED / f"{n}.ipynb", as_version=4) for n in names}}
    for case in CASES:
        for student, (_, nb) in case.submissions().items():
            kinds.setdefault(student.replace("style2b", "style2"), {})[case.NAME] = nb
    plan = ["solutions"] * 4 + ["style2"] * 3 + ["mistakes"] * 3 + ["unmodified"] * 2 + ["robust"] * 2 + ["mistakes2"]
    for i, kind in enumerate(plan, 1):
        student = Path(folder) / f"s{i:02d}-{kind}"
        student.mkdir(parents=True, exist_ok=True)
        for n in names:
            nbformat.write(kinds.get(kind, {}).get(n, solved[n]), student / f"{n}.ipynb")
    print(f"wrote {len(plan)} students × {len(names)} assignments to {folder}")


# ---------------------------------------------------------------- the run

def scan_cases():
    """exercises/java_scan.py on single cells: what costs points and what honest code keeps."""
    sys.path.insert(0, str(ROOT / "exercises"))
    from java_scan import scan

    def flagged(name, code, where=None):
        nb = nbformat.read(RELEASED / f"{name}.ipynb", as_version=4)
        if where:
            answer(nb, where, code)
        else:
            nb.cells.append(nbformat.v4.new_code_cell(code))
        return scan(source(name), nb)
    honest = {"a helper method": "double square(double v) { return v * v; }",
              "a top-level x where no check reads one": "double x = 2.5;\nSystem.out.println(x);",
              "the name Check inside a method": "void tryIt() { String Check = \"mine\"; int Math = 1; }",
              "the given import typed again": "import java.util.function.DoubleUnaryOperator;",
              "names in comments and strings": '// class Check {}\nString s = "class Check { } setAccessible";'}
    for what, code in honest.items():
        got = flagged("a1-calculus", code)
        check(f"scan: honest code keeps its points ({what})", not got, got)
    cheats = {"class \\u0043heck (a Unicode escape)": ("a1-calculus", "class \\u0043heck { }", None, "class Check"),
              "a variable dl (obscures the package)": ("a1-calculus", "int dl = 3;", None, "variable dl"),
              "an interface Mistake": ("a1-calculus", "interface Mistake { }", None, "interface Mistake"),
              "a record Derivatives": ("a1-calculus", "record Derivatives(int a) { }", None, "record Derivatives"),
              "the given x the checks read, declared again": ("a4-backprop", "double[] x = {0, 0};", None, "variable x"),
              "a helper of the checks (withOtherWeights)": ("a4-backprop", "<T> T withOtherWeights(Supplier<T> s) { return s.get(); }",
                                                            None, "method withOtherWeights"),
              "MethodHandles": ("a1-calculus", "var l = java.lang.invoke.MethodHandles.lookup();", None, "MethodHandles"),
              "a kernel magic": ("a1-calculus", "%jars /tmp/evil.jar", None, "the kernel magic %jars"),
              "an import of another Check": ("a1-calculus", "import evil.Check;", None, "import evil.Check")}
    for what, (name, code, where, expect) in cheats.items():
        got = flagged(name, code, where)
        check(f"scan: {what} costs the checks it could fool", got and all(any(expect in r for r in rs) for rs in got.values()),
              got)


def students_of(scores):
    return sorted(scores)


def gradebook_score(work, student, name):
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{work / 'gradebook.db'}") as gb:
        return gb.find_submission(name, student).score


def grade(subs, out, timeout, jobs, extra=()):
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "exercises.py"), "grade", str(subs), "--out", str(out),
                           "--timeout", str(timeout), "--jobs", str(jobs), *extra], capture_output=True, text=True)
    return proc, time.perf_counter() - t0


def hardcoded():
    """dCube right on the visible inputs only: a hidden check fails (issue 26: its expected value stays hidden)."""
    nb = source("a1-calculus")
    answer(nb, "dcube", "double dCube(double x) {\n    if (x == 0 || x == 1) return 6;\n    if (x == 2.5) return 96;\n"
                        "    return 0;\n}")
    return nb


ROSTER = ("id,name,first_name,last_name,email,username,sis_user_id,sis_login_id,section\n"
          "solutions,\"Park, Jiwoo\",,,park@example.edu,jpark,S1001,jpark,Section A\n"
          "style2,,Ara,Lee,lee@example.edu,,,,Section B\n"
          "absent,\"Choi, Min\",,,choi@example.edu,mchoi,S1003,mchoi,Section A\n")


def help_checks():
    """./course exercises --help and the course script's usage line name every option (issue 26)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import exercises
    _, commands = exercises.build_parser()
    options = sorted({o for a in commands["grade"]._actions for o in a.option_strings if o.startswith("--")} - {"--help"})
    proc = subprocess.run(["bash", str(ROOT / "course"), "exercises", "--help"], capture_output=True, text=True)
    missing = [o for o in options if o not in proc.stdout]
    check(f"./course exercises --help lists every option ({', '.join(options)})",
          proc.returncode == 0 and "--jobs" in options and not missing, f"rc {proc.returncode}; missing {missing}")
    usage = [line for line in (ROOT / "course").read_text().splitlines() if "usage: ./course exercises" in line]
    missing = [o for o in options if not usage or any(o not in line for line in usage)]
    check("the course script's usage line for exercises lists every option", usage and not missing, missing)


def only(name, timeout):
    """--only NAME: the solutions, the release and the case module's students of one assignment."""
    case = next((c for c in CASES if c.NAME == name), None)
    if case is None:
        sys.exit(f"no case module for {name} in tools/exercise_cases/ (there are: {', '.join(c.NAME for c in CASES)})")
    with tempfile.TemporaryDirectory(prefix="exercises-only-") as tmp:
        tmp = Path(tmp)
        subs, out = tmp / "submissions", tmp / "out"
        for student, path in (("solutions", SOURCE / name / f"{name}.ipynb"), ("unmodified", RELEASED / f"{name}.ipynb")):
            (subs / student).mkdir(parents=True)
            (subs / student / f"{name}.ipynb").write_bytes(path.read_bytes())
        for student, (rel, nb) in case.submissions().items():
            (subs / student / rel).parent.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, subs / student / rel)
        proc, elapsed = grade(subs, out, timeout, 2)
        print(proc.stdout, flush=True)
        check(f"grading completes ({elapsed:.0f} s)", proc.returncode == 0, proc.stderr[-2000:])
        if proc.returncode == 0:
            timing = json.loads((out / "timing.json").read_text())
            print("     worker seconds (autograde + gradebook + feedback): " + ", ".join(
                f"{k} {v:g} ({' + '.join(f'{x:g}' for x in (timing['phases'].get(k) or {}).values())})"
                for k, v in timing["per_submission"].items()), flush=True)
            scores = {row["student"]: row for row in csv.DictReader(open(out / "scores.csv"))}
            notes = json.loads((out / "notes.json").read_text())

            def feedback(student, n):
                f = out / "feedback" / student / f"{n}.html"
                return f.read_text(encoding="utf-8") if f.is_file() else ""

            def points(n):
                return sum(float(c.metadata["nbgrader"]["points"]) for c in source(n).cells
                           if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade"))
            run = Run(lambda s, n: scores[s][n], feedback, lambda s, t: any(t in x for x in notes.get(s, [])),
                      points, notes)
            check(f"source {name}: full marks", run.score("solutions", name) == f"{points(name):g}",
                  f"{run.score('solutions', name)}; notes {notes.get('solutions')}")
            check(f"release {name}: 0 without crashing", run.score("unmodified", name) == "0", notes.get("unmodified"))
            case.checks(run)
    failed = len(results) - sum(results)
    print(f"exercise tests ({name} only): {sum(results)} passed, {failed} failed")
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--timeout", type=int, default=20, help="seconds per cell while grading (default 20)")
    parser.add_argument("--make-class", metavar="DIR", help="only write a synthetic class of 15 students to DIR")
    parser.add_argument("--only", metavar="ASSIGNMENT",
                        help="only one assignment with a case module (tools/exercise_cases/): its solutions, its "
                             "untouched release and its cases, graded and checked (for writing a new assignment)")
    args = parser.parse_args()
    if args.make_class:
        make_class(args.make_class)
        return 0
    if args.only:
        return only(args.only, args.timeout)
    names = assignments(ROOT / "exercises")

    scan_cases()
    help_checks()
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
        s1, s2, s3, s4 = style2()
        (subs / "style2" / "hw").mkdir(parents=True)
        nbformat.write(s1, subs / "style2" / "a1-calculus (1).ipynb")
        nbformat.write(s2, subs / "style2" / "A2-Gradient-Descent.ipynb")
        nbformat.write(s3, subs / "style2" / "a3-optimizers_s12")
        nbformat.write(s4, subs / "style2" / "hw" / "backprop-final.ipynb")
        for i, nb in enumerate(mistakes()):
            (subs / "mistakes").mkdir(exist_ok=True)
            nbformat.write(nb, subs / "mistakes" / f"{names[i]}.ipynb")
        (subs / "mistakes2").mkdir()
        nbformat.write(mistakes2(), subs / "mistakes2" / "a3-optimizers.ipynb")
        for case in CASES:  # the assignments with a case module of their own, graded in the same run
            for student, (rel, nb) in case.submissions().items():
                (subs / student / rel).parent.mkdir(parents=True, exist_ok=True)
                nbformat.write(nb, subs / student / rel)
        (subs / "korean").mkdir()   # the Korean edition's copy, answered (issue 31)
        nbformat.write(korean_solution("a1-calculus"), subs / "korean" / "a1-calculus.ipynb")
        (subs / "hardcoded").mkdir()
        nbformat.write(hardcoded(), subs / "hardcoded" / "a1-calculus.ipynb")
        roster = tmp / "roster.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        (subs / "broken").mkdir()
        (subs / "broken" / "a1-calculus.ipynb").write_text("this is not a notebook {")
        other = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('System.out.println("hi");')])
        nbformat.write(other, subs / "broken" / "scratch.ipynb")
        attackers = sorted(p.stem for p in ATTACKS.glob("x-*.jsh"))  # graded in the same run as the honest ones
        for name in attackers:
            (subs / name).mkdir()
            nbformat.write(attack(ATTACKS / f"{name}.jsh"), subs / name / "a1-calculus.ipynb")
        for folder in MARKED:
            (folder / MARK).unlink(missing_ok=True)
        before = {str(p): p.stat().st_mtime for p in subs.rglob("*")}

        out = tmp / "out"
        proc, elapsed = grade(subs, out, args.timeout, 2, ["--lms", "canvas", "--lms", "moodle", "--roster", str(roster)])
        print(proc.stdout, flush=True)
        check(f"grading completes with --jobs 2 ({elapsed:.0f} s)", proc.returncode == 0, proc.stderr[-2000:])
        if (out / "timing.json").is_file():   # where the grading time goes (issue 26: --jobs 2 waits)
            per = json.loads((out / "timing.json").read_text())["per_submission"]
            print(f"     {len(per)} submissions, {sum(per.values()):.0f} s of worker time; slowest: "
                  + ", ".join(f"{k} {v:g} s" for k, v in sorted(per.items(), key=lambda kv: -kv[1])[:12]), flush=True)
        if proc.returncode != 0:
            print(f"exercise tests: {sum(results)} passed, {len(results) - sum(results)} failed")
            return 1

        scores = {row["student"]: row for row in csv.DictReader(open(out / "scores.csv"))}
        notes = json.loads((out / "notes.json").read_text())
        work = out / "grading"

        def points(name):
            return sum(float(c.metadata["nbgrader"]["points"]) for c in source(name).cells
                       if c.cell_type == "code" and c.metadata.get("nbgrader", {}).get("grade"))

        def feedback(student, name):
            f = out / "feedback" / student / f"{name}.html"
            return f.read_text(encoding="utf-8") if f.is_file() else ""

        def noted(student, text):
            return any(text in n for n in notes.get(student, []))

        def score(student, name):
            return scores[student][name]

        def logs(student):
            return "".join(p.read_text() for p in work.glob(f"workers/*/logs/autograde-{student}-*.log"))

        # -- correct answers (two styles) and untouched releases
        for name in names:
            got = float(score("solutions", name) or -1)
            check(f"source {name}: full marks", got == points(name), f"{got:g} of {points(name):g}; notes: {notes.get('solutions')}")
            got = score("unmodified", name)
            check(f"release {name}: scores 0 without crashing", got == "0", f"score {got!r}; notes: {notes.get('unmodified')}")
            fresh = nbformat.read(work / "release" / name / f"{name}.ipynb", as_version=4)
            committed = nbformat.read(RELEASED / f"{name}.ipynb", as_version=4)
            check(f"notebooks/exercises/{name}.ipynb is the current release",
                  [c.source for c in fresh.cells] == [c.source for c in committed.cells],
                  "run ./course exercises release and commit notebooks/exercises/")
        for name in names[:4]:
            check(f"second style, renamed file: {name} full marks", score("style2", name) == f"{points(name):g}",
                  f"score {score('style2', name)!r}; notes {notes.get('style2')}")
        check("renamed files matched by their nbgrader metadata",
              noted("style2", "a1-calculus (1).ipynb: graded as a1-calculus") and noted("style2", "a3-optimizers_s12: graded as a3")
              and noted("style2", "hw/backprop-final.ipynb: graded as a4-backprop"), notes.get("style2"))
        check("finding 1: learning rates whose paths stop early (0.5, 0.55, 1.5) score 3 of 3",
              score("style2", "a2-gradient-descent") == "6", notes.get("style2"))
        check("finding 2: 30 000 printed lines: truncated with a note, the notebook is graded",
              noted("style2", "dcube: long output truncated") and "output truncated: 29000 more lines not shown" in feedback("style2", "a1-calculus"),
              notes.get("style2"))
        check("finding 3: System.err in a graded method: no points lost, named in the notes and the feedback",
              noted("style2", "dsin_check: wrote 6 lines to System.err") and "[System.err] debug: x = 1.0" in feedback("style2", "a1-calculus"),
              notes.get("style2"))
        check("not submitted: 'not graded: not submitted' in the table and the CSV, not 0",
              score("style2", "a5-experiment") == "not graded: not submitted" and "not graded: not submitted" in proc.stdout
              and scores["style2"]["total"] == f"{sum(points(n) for n in names[:4]):g}"
              and scores["style2"]["max"] == f"{sum(points(n) for n in names):g}", scores["style2"])

        # -- typical mistakes and abuse (findings 4 and 6)
        fb1, fb2, fb3, fb4 = (feedback("mistakes", n) for n in names[:4])
        check("a1 mistakes score 0 of 9", score("mistakes", "a1-calculus") == "0", notes.get("mistakes"))
        check("inner derivative forgotten: the chain-rule hint", "half the right size: the chain rule also multiplies" in fb1)
        check("finding 4: numerical gradient / derivative where 'by hand' is asked: 0, with the hint",
              fb1.count("this looks like a numerical") >= 2, notes.get("mistakes"))
        check("finding 4: centralDifference calling Derivatives.central: 0, named",
              "calls the library&#39;s Derivatives.central" in fb1 or "calls the library's Derivatives.central" in fb1)
        check("library calls in by-hand parts listed for the instructor",
              noted("mistakes", "a1-calculus: gradf: uses Derivatives, ElongatedBowl") and noted("mistakes", "a4-backprop: backward: uses NumericalGradient, net"),
              notes.get("mistakes"))
        check("a2: η missing, blank rate, two wrong rates: 1 of 6 (the right etaDiverge)",
              score("mistakes", "a2-gradient-descent") == "1", notes.get("mistakes"))
        check("finding 6: a blank learning rate gets the designed hint, not a library exception",
              noted("mistakes", "converge_check: RuntimeException: java.lang.AssertionError, ✗ etaConverge is set") and "IllegalArgumentException" not in fb2,
              notes.get("mistakes"))
        check("η missing and η = 0.5 for oscillation: their hints", "1/η times too large" in fb2 and "take a larger η" in fb2)
        check("a3: delegating to the library and ε inside the root score 0 of 9", score("mistakes", "a3-optimizers") == "0",
              notes.get("mistakes"))
        check("finding 4: Momentum handed to the library's Momentum is named", "keeps a Momentum in field" in fb3)
        check("finding 6: ε inside the root: a hint about ε with values that differ, not the state",
              "differs slightly" in fb3 and "ε added inside" in fb3 and "must be kept from one call" not in fb3, notes.get("mistakes"))
        check("a4: NumericalGradient for dL/dW2, σ′ forgotten, hard-coded update: 3 of 10",
              score("mistakes", "a4-backprop") == "3", notes.get("mistakes"))
        check("finding 4: the hard-coded update fails its hidden test", noted("mistakes", "update_check: ")
              and "with other weights" in fb4, notes.get("mistakes"))
        check("finding 6: σ′ forgotten gets its hint", fb4.count("multiply by σ′ = σ(1 − σ)") >= 2)
        f3 = feedback("mistakes2", "a3-optimizers")
        check("forgotten Momentum state and missing bias correction: 0 with their hints",
              score("mistakes2", "a3-optimizers") == "0" and "must be kept from one call of update to the next" in f3
              and "the bias correction of m and v is missing" in f3, notes.get("mistakes2"))

        # -- the assignments with a case module of their own (tools/exercise_cases/)
        run = Run(score, feedback, noted, points, notes)
        for case in CASES:
            case.checks(run)

        # -- robustness
        r = scores["robust"]
        check("robust a1: only the restored, correct dSinSquare check scores (2 of 9)", r["a1-calculus"] == "2",
              f"score {r['a1-calculus']}; notes {notes.get('robust')}")
        check("endless loop: the cell times out and scores 0", noted("robust", "dcube_check: CellTimeoutError"), notes.get("robust"))
        check("exception: 0 with the message in the feedback", noted("robust", "gradf_check")
              and "boom from the student code" in feedback("robust", "a1-calculus"), notes.get("robust"))
        check("deleted test cell detected", noted("robust", "test cell 'dsin_check' was deleted"), notes.get("robust"))
        check("edited test cell detected and the original run", noted("robust", "test cell 'central_check' was edited")
              and "all checks passed, trust me" not in feedback("robust", "a1-calculus"), notes.get("robust"))
        check("hint fires on a typical mistake (forward difference)",
              "that is the forward difference" in feedback("robust", "a1-calculus"), "hint not in the feedback HTML")
        check("System.exit: earlier parts keep their points (3), the rest 0", r["a2-gradient-descent"] == "3",
              f"score {r['a2-gradient-descent']}; notes {notes.get('robust')}")
        check("System.exit: the dead kernel is named", noted("robust", "rates: KernelDied"), notes.get("robust"))
        check("not a notebook: a clear note and 'not graded: not a valid notebook'",
              noted("broken", "a1-calculus.ipynb: not a valid notebook")
              and scores["broken"]["a1-calculus"] == "not graded: not a valid notebook", scores.get("broken"))
        check("a notebook of no assignment: named, not graded", noted("broken", "scratch.ipynb: a notebook, but it holds no cell"),
              notes.get("broken"))

        # -- attacking submissions (issue 33): scored 0 with a note, contained by the sandbox
        a = {name: scores[name]["a1-calculus"] for name in attackers}
        fa = {name: feedback(name, "a1-calculus") for name in attackers}
        check("attack: shadowed Check and Mistake: 0 (not 9/9), the note names the class",
              a["x-shadow"] == "0" and noted("x-shadow", "declares class Check, a name the checks use")
              and noted("x-shadow", "declares class Mistake"), f"{a['x-shadow']}; {notes.get('x-shadow')}")
        check("attack: reflection beside correct answers: 0, named",
              a["x-reflect"] == "0" and noted("x-reflect", "uses getDeclaredField, setAccessible"),
              f"{a['x-reflect']}; {notes.get('x-reflect')}")
        check("attack: the answer declared again outside its answer cell: that check 0, the others count (7 of 9)",
              a["x-redefine"] == "7" and noted("x-redefine", "declares dCube again, outside its answer cell 'dcube'")
              and "NotGraded" in fa["x-redefine"], f"{a['x-redefine']}; {notes.get('x-redefine')}")
        secrets = ["FOUND ", "BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "6 * (2 * x - 1) * (2 * x - 1)",
                   "return 3 * Math.pow(2 * x - 1, 2) * 2;", "Math.exp(-0.5) - Math.exp(-1.5)", "2 * x * Math.cos(x * x)",
                   str(ROOT), str(tmp), str(Path.home()) + "/"]
        leaks = [(s, t) for s in students_of(scores) for t in secrets if t in outputs(feedback(s, "a1-calculus"))]
        leaks += [(s, "hidden tests") for s in students_of(scores) if "BEGIN HIDDEN TESTS" in feedback(s, "a1-calculus")]
        shown = outputs(fa["x-files"])
        check("attack: the solution and hidden tests are out of reach; no feedback holds a secret or a grading path",
              a["x-files"] == "0" and "no repository: java.nio.file.NoSuchFileException: …/exercises/source" in shown
              and "cwd /home/student; home /home/student" in shown and "removed from the feedback: a line of the" in shown
              and not leaks, f"{leaks}; {a['x-files']}; {shown[:1500]}")
        check("attack: the gradebook is out of reach; the honest classmates keep their grades in the merged gradebook",
              "gradebooks overwritten: 0" in fa["x-files"] and gradebook_score(work, "solutions", "a1-calculus") == points("a1-calculus"),
              fa["x-files"][-3000:])
        outside = [str(f / MARK) for f in MARKED if (f / MARK).exists()]
        changed = [p for p in subs.rglob("*") if before.get(str(p)) != p.stat().st_mtime]
        links = [str(p) for p in out.rglob("*") if p.is_symlink()]
        check("attack: no file outside the sandboxes written (home, repository, /tmp), the submissions untouched, "
              "no link planted", not outside and not changed and not links and "cannot write /tmp" not in fa["x-files"]
              and "planted solution.ipynb" in fa["x-files"], f"{outside} {changed} {links}")
        check("attack: thread and fork flood stopped by the sandbox's process limit: 0, named",
              a["x-flood"] == "0" and re.search(r"\d+ threads, then OutOfMemoryError", fa["x-flood"])
              and re.search(r"\d+ processes, then IOException", fa["x-flood"]) and noted("x-flood", "uses ProcessBuilder"),
              f"{a['x-flood']}; {notes.get('x-flood')}")
        check("attack: huge allocation: OutOfMemoryError in its cell, 0, named",
              a["x-memory"] == "0" and noted("x-memory", "OutOfMemoryError"), f"{a['x-memory']}; {notes.get('x-memory')}")
        check("attack: endless loop that swallows interruptions: timed out, 0", a["x-loop"] == "0"
              and noted("x-loop", "dcube_check: CellTimeoutError"), f"{a['x-loop']}; {notes.get('x-loop')}")
        check("attack: System.exit during a check: the kernel's death is named, the earlier check keeps its 2 points",
              a["x-exit"] == "2" and noted("x-exit", "gradf_check: KernelDied"), f"{a['x-exit']}; {notes.get('x-exit')}")
        refused = subprocess.run([sys.executable, str(ROOT / "tools" / "exercises.py"), "grade", str(subs), "--out",
                                  str(tmp / "refused")], capture_output=True, text=True, env={**os.environ, "DL_BWRAP": "/nonexistent/bwrap"})
        check("no sandbox possible: grade refuses, names --no-sandbox", refused.returncode != 0
              and "--no-sandbox" in refused.stderr and not (tmp / "refused" / "scores.csv").exists(), refused.stderr[-500:])

        # -- feedback and logs (finding 7)
        fs = feedback("solutions", "a1-calculus")
        check("feedback: hidden tests' results shown, their code not",
              "dCube(7.0)" in fs and "hidden tests ran here" in fs and "BEGIN HIDDEN TESTS" not in fs
              and "6 * (2 * x - 1)" not in fs and "withOtherWeights(() -&gt; hidden(x2))" not in feedback("solutions", "a4-backprop")
              and "withOtherWeights(() -> hidden(x2))" not in feedback("solutions", "a4-backprop"))
        check("feedback: written answers read 'to be graded', not 0",
              "(to be graded: 2 points)" in feedback("solutions", "a2-gradient-descent")
              and "Written response</a> (Score: 0.0" not in feedback("solutions", "a2-gradient-descent"))
        check("no 'checksum has changed' warning for untouched test cells",
              "checksum" not in logs("unmodified") + logs("solutions") and "checksum" in logs("robust"),
              "see the autograde logs")
        check("feedback HTML per student and assignment",
              all((out / "feedback" / s / f"{n}.html").is_file() for s in ("solutions", "unmodified") for n in names))

        # -- grading as an instructor reads it (issue 26)
        possible = sum(points(n) for n in names)
        check("issue 26: the max is every assignment's points, also for a student with only an unreadable upload",
              all(row["max"] == f"{possible:g}" for row in scores.values()) and scores["broken"]["total"] == "0"
              and re.search(rf"^broken .* 0/{possible:g} \({len(names)} not graded\)$", proc.stdout, re.M),
              f"{[(s, r['total'], r['max']) for s, r in scores.items()]}")
        fbroken = feedback("broken", "a1-calculus")
        check("issue 26: an unreadable upload gets feedback saying so", "could not be read as a Jupyter notebook" in fbroken
              and "a1-calculus.ipynb" in fbroken and f"0 of {points('a1-calculus'):g} points" in fbroken, fbroken[:500])
        fh = outputs(feedback("hardcoded", "a1-calculus"))
        check("issue 26: a failed hidden check shows its input and the student's value, not the expected one",
              "✗ dCube(-1.3): your answer 0.00000 is wrong (a hidden test: its expected value is not shown)" in fh
              and "77.76" not in fh and "── hidden tests (other inputs) ──" in fh
              and noted("hardcoded", "dCube(-1.3): expected 77.7600 but got 0.00000"), fh[:1500])
        check("issue 26: visible checks keep their expected value", "expected 6.00000 but got 3.00000" in outputs(fb1), fb1[:300])
        f4 = outputs(fb4)
        check("issue 26: a failed hidden matrix check names the entry and the student's value, not the expected one",
              re.search(r"✗ updatedW2 \(x2, class 0, η = 0\.2, other weights\): \d+ of 6 entries are wrong; the first, "
                        r"entry \(\d, \d\) is \S+ \(a hidden test: its expected value is not shown\)", f4)
              and noted("mistakes", "but should be"), f4[-1500:])
        fsol = feedback("solutions", "a1-calculus")
        check("issue 26: the feedback says what its numbers are ('9 of 9 points', not 'Score: 9.0 / 9.0')",
              f"(9 of 9 points)" in fsol and "(2 of 2 points)" in fsol and "Score:" not in fsol
              and "(6 of 6 points autograded; 2 points more to be graded by hand)" in feedback("solutions", "a2-gradient-descent"),
              re.findall(r"\([^()]*points?[^()]*\)", fsol)[:6])
        check("Korean edition: a1's Korean student copy (notebooks/ko/exercises/) answered with the solutions gets "
              "the English solutions' full marks",
              float(score("korean", "a1-calculus") or -1) == points("a1-calculus"),
              f"{score('korean', 'a1-calculus')} of {points('a1-calculus'):g}; notes {notes.get('korean')}")
        fr = outputs(feedback("robust", "a1-calculus"))
        check("issue 26: a timed-out cell reads 'the cell ran longer than N s', not nbgrader's 'No reply from kernel'",
              f"the cell ran longer than {args.timeout} s" in fr and "No reply from kernel" not in fr
              and "Evaluation interrupted" not in fr and noted("robust", f"dcube_check: CellTimeoutError: the cell ran longer than {args.timeout} s"),
              fr[:800])
        frames = [(st, n) for st in students_of(scores) for n in names
                  if re.search(r"^\s*at [\w$.]*\((\w+\.java|#\d+):\d+\)", outputs(feedback(st, n)), re.M)]
        check("issue 26: no Java stack frames after the messages in any feedback",
              not frames and "boom from the student code" in fr, frames[:6])
        check("issue 26: the feedback tells the student that a deleted / an edited check cell was restored",
              "was missing from your notebook (deleted?): the original was put back" in fr
              and "was changed in your notebook: the original was run for grading" in fr, fr[:1500])
        check("issue 26: a blank submission is one line of notes, not one per check",
              len(notes["unmodified"]) == 1 and notes["unmodified"][0].startswith(", ".join(names) + ": handed in as released"),
              notes.get("unmodified"))

        # -- LMS export (issue 35): the gradebook of this run, in Canvas's and Moodle's import formats
        import lms_export
        with_hand = {}
        for name in names:
            with_hand[name] = points(name) + sum(float(c.metadata["nbgrader"]["points"]) for c in source(name).cells
                                                 if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade"))
        canvas_file, moodle_file = out / "canvas-grades.csv", out / "moodle-grades.csv"
        canvas = list(csv.reader(open(canvas_file, encoding="utf-8"))) if canvas_file.is_file() else [[], []]
        moodle = list(csv.reader(open(moodle_file, encoding="utf-8"))) if moodle_file.is_file() else [[]]
        head = canvas[0]
        # Canvas's GradebookImporter: row[0] Student, row[1] ID, then SIS User ID, SIS Login ID, and the last
        # student column Section; a header "Name (123)" is read as the Canvas assignment with id 123
        check("LMS: Canvas file has the documented columns (Student, ID, SIS User ID, SIS Login ID, Section) and one "
              "per assignment, headed by its name", head == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"] + names
              and not any(re.search(r"\(\d+\)\s*$", h) for h in head[5:]), head)
        check("LMS: Canvas 'Points Possible' row holds every assignment's points (hand-graded parts included)",
              canvas[1] == ["Points Possible", "", "", "", ""] + [f"{with_hand[n]:g}" for n in names], canvas[1])
        crow = {r[3] or r[0]: dict(zip(head, r)) for r in canvas[2:]}
        sol = crow.get("jpark", {})
        check("LMS: Canvas rows: the roster's name, SIS ids and section; the gradebook's scores",
              sol.get("Student") == "Park, Jiwoo" and sol.get("SIS User ID") == "S1001" and sol.get("Section") == "Section A"
              and all(sol.get(n) == f"{gradebook_score(work, 'solutions', n):g}" for n in names)
              and crow.get("style2", {}).get("Student") == "Lee, Ara", sol)
        check("LMS: not submitted / unreadable exported as empty (no grade), a blank hand-in as 0",
              crow.get("style2", {}).get("a5-experiment") == "" and crow.get("broken", {}).get("a1-calculus") == ""
              and all(crow.get("unmodified", {}).get(n) == "0" for n in names)
              and all(crow.get("mchoi", {}).get(n) == "" for n in names), [crow.get(k) for k in ("style2", "broken", "mchoi")])
        check("LMS: without a roster entry, SIS Login ID is the folder name (Canvas matches students by it)",
              crow.get("mistakes", {}).get("SIS Login ID") == "mistakes" and crow.get("mistakes", {}).get("a4-backprop") == "3",
              crow.get("mistakes"))
        mhead = moodle[0]
        idcol = mhead.index("Username") if "Username" in mhead else 0
        mrow = {r[idcol]: dict(zip(mhead, r)) for r in moodle[1:]}
        check("LMS: Moodle file: Username (filled in every row: Moodle gives a row without one to the student above), "
              "names, one column per grade item '<name> (max N)'",
              mhead[:1] == ["Username"] and "First name" in mhead and "Email address" not in mhead
              and mhead[-len(names):] == [f"{n} (max {with_hand[n]:g})" for n in names]
              and all(r[idcol] for r in moodle[1:]) and len(moodle) == len(canvas) - 1, mhead)
        check("LMS: Moodle rows: the same grades as the Canvas file, empty where not graded",
              mrow.get("jpark", {}).get("First name") == "Jiwoo"
              and all(mrow.get(k, {}).get(f"{n} (max {with_hand[n]:g})") == crow.get(k, {}).get(n)
                      for k in ("jpark", "style2", "broken", "unmodified", "mchoi", "mistakes") for n in names), mrow.get("jpark"))
        check("LMS: the run says what is missing (students not in the roster, the roster's student without a hand-in)",
              re.search(r"not in the roster \(known by the folder name only\): .*\bbroken\b", proc.stdout)
              and "in the roster, nothing graded (empty grades): absent" in proc.stdout
              and "column Email address left out" in proc.stdout, proc.stdout[-2500:])
        again = subprocess.run([str(Path(sys.executable).parent / "nbgrader"), "export", "--exporter=lms_export.CanvasExport",
                                "--to", str(tmp / "canvas-again.csv")], cwd=work, capture_output=True, text=True)
        check("LMS: nbgrader export --exporter=lms_export.CanvasExport in the grading folder writes the same file",
              again.returncode == 0 and (tmp / "canvas-again.csv").is_file()
              and (tmp / "canvas-again.csv").read_text() == canvas_file.read_text(), again.stderr[-1500:])
        bad = tmp / "bad-roster.csv"
        bad.write_text("student,mail\nkim,kim@example.edu\n")
        try:
            lms_export.read_roster(bad)
            refused_roster = ""
        except ValueError as e:
            refused_roster = str(e)
        check("LMS: a roster without an id column is refused with its columns named", "no column 'id'" in refused_roster
              and "student, mail" in refused_roster, refused_roster)
        docs = (ROOT / "docs" / "exercises.md").read_text()
        for name in names:
            nb = source(name)
            hand = sum(float(c.metadata["nbgrader"]["points"]) for c in nb.cells
                       if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade"))
            want = f"{points(name):g}" + (f" + {hand:g} by hand" if hand else "")
            check(f"docs/exercises.md: {name} is {want}", re.search(rf"\| `{name}` \|[^\n]*\| {re.escape(want)} \|", docs), want)

        # -- parallel = serial (finding 8)
        subset = tmp / "subset"
        for student in ("mistakes", "style2", "hardcoded"):
            shutil.copytree(subs / student, subset / student)
        for f in list((subset / "style2").rglob("*")):
            if f.is_file() and "A2" not in f.name:  # (its a1 prints 30 000 lines: slow, graded above)
                f.unlink()
        for f in (subset / "mistakes").iterdir():
            if not f.name.startswith(("a1-", "a2-")):
                f.unlink()
        serial_out = tmp / "serial"
        proc1, elapsed1 = grade(subset, serial_out, args.timeout, 1, ["--show-expected"])
        check(f"serial run (--jobs 1) completes ({elapsed1:.0f} s)", proc1.returncode == 0, proc1.stderr[-2000:])
        if proc1.returncode == 0:
            serial = {row["student"]: row for row in csv.DictReader(open(serial_out / "scores.csv"))}
            serial_notes = json.loads((serial_out / "notes.json").read_text())
            subset_names = {"mistakes": ("a1-calculus", "a2-gradient-descent"), "style2": ("a2-gradient-descent",),
                            "hardcoded": ("a1-calculus",)}
            same = all(serial[s][n] == scores[s][n] for s in serial for n in subset_names[s])
            check("parallel and serial runs give the same scores", same, f"serial {serial}")
            shown = outputs((serial_out / "feedback" / "hardcoded" / "a1-calculus.html").read_text(encoding="utf-8"))
            check("issue 26: with --show-expected the feedback shows a failed hidden check's expected value",
                  "✗ dCube(-1.3): expected 77.7600 but got 0.00000" in shown and "not shown" not in shown, shown[:1200])
            files = {str(f.relative_to(subset)) for f in subset.rglob("*") if f.is_file()}

            def relevant(student, note):  # notes on the files and assignments of the subset
                head = note.split(": ")[0]
                return head in subset_names[student] or head in files
            check("parallel and serial runs give the same notes",
                  all(serial_notes[s] == [n for n in notes[s] if relevant(s, n)] for s in serial_notes),
                  json.dumps(serial_notes, ensure_ascii=False)[:1500])

    failed = len(results) - sum(results)
    print(f"exercise tests: {sum(results)} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
