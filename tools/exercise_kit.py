"""What the exercise tests share (tools/test_exercises.py and the per-assignment cases in
tools/exercise_cases/): the check counter, a notebook's cells by grade id, the instructor's source
notebooks, an answer written into a cell, the outputs of a feedback page."""
import html
import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "exercises" / "source"
RELEASED = ROOT / "notebooks" / "exercises"

results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(f"{'ok  ' if ok else 'FAIL'} {name}" + ("" if ok else f"\n     {detail}"), flush=True)


def cell(nb, grade_id):
    return next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)


def source(name):
    return nbformat.read(SOURCE / name / f"{name}.ipynb", as_version=4)


def answer(nb, grade_id, code):
    cell(nb, grade_id).source = code


def outputs(html_text):
    """The text of the cells' outputs in a feedback HTML (not the cells' code)."""
    found = re.findall(r'<div class="output_subarea[^"]*">(.*?)</div>', html_text, re.S)
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", "", f)) for f in found)
