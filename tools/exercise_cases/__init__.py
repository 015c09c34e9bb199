"""Test cases of the graded assignments that have a module of their own here, one per assignment
(aN_topic.py), graded in the same nbgrader run as the rest of tools/test_exercises.py.

A case module has
  NAME           the assignment ("a6-perceptron"),
  submissions()  {student: (file name inside the student's folder, notebook)}; the students are those
                 of the run: "style2b" (correct, a second style), "mistakes", "mistakes2" (the typical
                 mistakes, one per check cell) and "robust" (edited and deleted check cells, an
                 exception, System.exit, an endless loop ...); each notebook is built from the source
                 notebook with exercise_kit's cell/answer helpers,
  checks(run)    the checks on the graded run (exercise_kit.check), reading it through run (Run below).
The solutions and the untouched release of every assignment are graded and checked by test_exercises.py
itself.
"""
import importlib
import pkgutil
from dataclasses import dataclass
from typing import Callable


@dataclass
class Run:
    """One graded run, as a case module reads it."""
    score: Callable      # score(student, name) -> the scores.csv text: "12", "0", "not graded: ..."
    feedback: Callable   # feedback(student, name) -> the feedback HTML ("" if none)
    noted: Callable      # noted(student, text) -> whether a note of the student's contains text
    points: Callable     # points(name) -> the assignment's autograded points
    notes: dict          # student -> the grader's notes

    def shown(self, student, name):
        """The outputs the student reads in the feedback (the text of the cells' outputs)."""
        from exercise_kit import outputs
        return outputs(self.feedback(student, name))


CASES = [importlib.import_module(f"{__name__}.{m.name}") for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name)]
