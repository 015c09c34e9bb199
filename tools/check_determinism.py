"""Determinism: every lecture notebook must print the same text each time it runs (every random thing in the
course takes a seed). Its test run's printed text (build/notebooks/executed/, written by tools/run_notebooks.py) is
compared with a run recorded earlier, or with a second run.

    python tools/check_determinism.py [NOTEBOOK ...]      (default: every lecture notebook)
    python tools/check_determinism.py --record [NOTEBOOK ...]

The record (tools/determinism_record.json, committed) holds, per notebook, a hash of each code cell's printed text
from a run that a second run confirmed, with a key of everything that decides that text: the notebook's code cells,
the library's sources and POMs, data/ and the kernel's set-up, and the machine's kind (OS, CPU architecture and vector
width, Java version). When the key matches, the record is the notebook's other run and no second execution is needed.
When it does not (the notebook, the library or the data changed, or another kind of machine) or the text differs
from the record, the notebook runs a second time and the two runs of this machine must agree, as before. --record
checks as above and then writes the record of every notebook that passed (run it after a green ./course test, when
the determinism step says that a record is stale).

./course test runs it in the background, niced, after step 3's first runs: second runs, where needed, fill the time
the browser tests of step 4 and the site test leave idle. Nothing of a second run is kept. Prints one line per
notebook and 'determinism: N passed, N failed'.
"""
import hashlib
import json
import platform
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_notebooks  # noqa: E402

ROOT = run_notebooks.ROOT
RECORD = ROOT / "tools" / "determinism_record.json"
# what decides a notebook's printed text besides its own code cells
INPUTS = ("lib/src/main", "lib/pom.xml", "pom.xml", "data", "tools/install_kernel.py")


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


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def inputs_digest():
    """One hash of every file that decides what the notebooks print besides their code (INPUTS)."""
    h = hashlib.sha256()
    for name in INPUTS:
        base = ROOT / name
        files = sorted(f for f in base.rglob("*") if f.is_file()) if base.is_dir() else [base]
        for f in files:
            h.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def machine_kind():
    """OS, CPU architecture, vector width and Java version: machines of one kind print the same digits (the
    library's products are bit-identical for any thread count, but not across vector widths or Java versions)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
        simd = "avx512" if " avx512f" in flags else "avx2" if " avx2" in flags else "other"
    except OSError:
        simd = "unknown"
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr
    version = re.search(r'version "([^"]+)"', java)
    return f"{platform.system()} {platform.machine()} {simd} java {version.group(1) if version else '?'}"


def key(path, inputs, kind):
    nb = nbformat.read(path, as_version=4)
    code = "\0".join(c.source for c in nb.cells if c.cell_type == "code")
    return {"code": digest(code), "inputs": inputs, "machine": kind}


def load_record():
    return json.loads(RECORD.read_text()) if RECORD.is_file() else {}


def check(path, executed_dir=run_notebooks.BUILD / "executed", recorded=None, current_key=None):
    """(problem or None, code cells, how, cells) for one notebook: `how` says which other run its test run was
    compared with ("record", "second run" and why), `cells` is its test run's entry for the record (the hashes of
    its cells' printed text). `recorded` is the notebook's entry in the record (or None)."""
    rel = path.relative_to(run_notebooks.NOTEBOOKS) if run_notebooks.NOTEBOOKS in path.parents else Path(path.name)
    first_file = executed_dir / rel
    if not first_file.is_file():
        return f"notebooks/{rel}: no first run in {first_file} (run tools/run_notebooks.py first)", 0, "", None
    first = printed(nbformat.read(first_file, as_version=4))
    cells = " ".join(digest(t) for t in first)
    if recorded is not None and recorded.get("key") == current_key:
        if cells == recorded.get("cells"):
            return None, len(first), "the recorded run", cells
        why = "its text differs from the record of this notebook and machine kind"
    elif recorded is not None:
        changed = [k for k in ("code", "inputs", "machine") if recorded.get("key", {}).get(k) != current_key[k]]
        why = "the record is stale (" + ", ".join(
            {"code": "the code changed", "inputs": "the library, data or kernel set-up changed",
             "machine": "another kind of machine"}[k] for k in changed) + ")"
    else:
        why = "no record"
    _, failure, second, _, labels = run_notebooks.run_one(path, 180, None, False)
    if failure is not None:
        return f"notebooks/{rel}: the second run failed: {failure}", 0, "", None
    diff, n = differing(first, second)
    if diff is None:
        return None, n, f"a second run ({why})", cells
    where = labels[diff[0] - 1] if diff and diff[0] <= len(labels) else "(cell count differs)"
    return (f"notebooks/{rel}, {where}: printed different text on a second run"
            + (f" (code cells {diff} of {n} differ)" if len(diff) > 1 else "")), n, "", None


def self_test():
    """The check fails a notebook that prints an unseeded random number, trusts a record only while it matches, and
    falls back to a second run when it does not. Three short kernel runs; returns the problems found."""
    import tempfile
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        (tmp / "executed").mkdir()
        cases = {"unseeded.ipynb": "System.out.println(new java.util.Random().nextLong());",
                 "seeded.ipynb": "System.out.println(new java.util.Random(42).nextLong());"}
        for name, code in cases.items():
            nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
            nb.metadata["kernelspec"] = {"name": run_notebooks.KERNEL, "display_name": "Java", "language": "java"}
            nbformat.write(nb, tmp / name)
            result = {}
            _, failure = run_notebooks.execute(tmp / name, 60, None, keep=False, result=result)
            if failure is not None:
                return [f"self-test: the fixture {name} did not run: {failure}"]
            nbformat.write(result["nb"], tmp / "executed" / name)   # its first run
        k = {"code": "c", "inputs": "i", "machine": "m"}
        first = " ".join(digest(t) for t in printed(nbformat.read(tmp / "executed" / "seeded.ipynb", as_version=4)))
        problem, _, _, _ = check(tmp / "unseeded.ipynb", tmp / "executed")
        if problem is None or "different text on a second run" not in problem:
            problems.append(f"self-test: an unseeded random number passed: {problem}")
        problem, _, how, _ = check(tmp / "seeded.ipynb", tmp / "executed", {"key": k, "cells": first}, k)
        if problem is not None or how != "the recorded run":
            problems.append(f"self-test: a matching record was not used ({problem or how})")
        problem, _, how, _ = check(tmp / "seeded.ipynb", tmp / "executed", {"key": k, "cells": "0" * 16}, k)
        if problem is not None or "differs from the record" not in how:
            problems.append(f"self-test: a record that disagrees did not lead to a second run ({problem or how})")
    return problems


def main(argv):
    record_mode = "--record" in argv
    args = [a for a in argv if a != "--record"]
    paths = [Path(p).resolve() for p in args] or \
        [p for p in run_notebooks.all_notebooks() if run_notebooks.twice_wanted(p)]
    record, inputs, kind = load_record(), inputs_digest(), machine_kind()
    failures, second_runs = ([] if args else self_test()), []
    for problem in failures:
        print(f"FAIL {problem}", flush=True)
    if not args and not failures:
        print("ok   self-test: an unseeded random number fails; a record is used only while it matches", flush=True)
    for path in paths:
        started = time.perf_counter()
        current = key(path, inputs, kind)
        problem, n, how, cells = check(path, recorded=record.get(path.name), current_key=current)
        seconds = time.perf_counter() - started
        if problem is None:
            print(f"ok   {path.name}: printed the same text as {how} in all {n} code cells ({seconds:.1f} s)",
                  flush=True)
            if how != "the recorded run":
                second_runs.append(path.name)
            record[path.name] = {"key": current, "cells": cells}
        else:
            print(f"FAIL {problem}", flush=True)
            failures.append(problem)
    text = json.dumps(dict(sorted(record.items())), indent=1) + "\n"
    (run_notebooks.BUILD.parent / RECORD.name).write_text(text, encoding="utf-8")   # build/, after every check
    if record_mode:
        RECORD.write_text(text, encoding="utf-8")
        print(f"recorded {len(paths) - len([f for f in failures if not f.startswith('self-test')])} notebook(s) in {RECORD.relative_to(ROOT)}")
    elif second_runs:
        print(f"note {len(second_runs)} notebook(s) needed a second run ({', '.join(n[:2] for n in second_runs)}); "
              f"after a green test, `cp build/{RECORD.name} tools/` saves the record that spares it")
    print(f"determinism: {len(paths) + (0 if args else 1) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
