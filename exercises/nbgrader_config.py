# nbgrader configuration of the course's graded exercises (Java kernel). See docs/exercises.md.
# This folder is the nbgrader course directory: source/<assignment>/<assignment>.ipynb are the
# instructor's notebooks; `./course exercises release` writes release/ (and notebooks/exercises/),
# `./course exercises grade <folder>` grades submissions in a scratch copy of this directory.
import os
import sys

c = get_config()  # noqa: F821 (provided by nbgrader)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from java_grading import HideHiddenTests, JavaExecute, JavaOverwriteCells  # noqa: E402  (see java_grading.py)

c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "dl-java"
c.CourseDirectory.db_assignments = [
    {"name": "a1-calculus"},
    {"name": "a2-gradient-descent"},
    {"name": "a3-optimizers"},
    {"name": "a4-backprop"},
    {"name": "a5-experiment"},
    {"name": "a6-perceptron"},
    {"name": "a7-losses-activations"},
    {"name": "a8-minibatch"},
    {"name": "a9-convolution"},
    {"name": "a10-recurrent"},
]

# Solution regions and hidden tests in Java are delimited by // comments.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"
# nbgrader's own Java stub is only a comment, so a method returning a value would no longer compile:
# the whole dict is replaced (ClearSolutions.code_stub.update() does not work on traitlets config).
c.ClearSolutions.code_stub = {
    "java": '// YOUR CODE HERE\nthrow new UnsupportedOperationException("not implemented yet: replace this line with your code");',
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"

# Kernel and timeouts: every code cell gets ExecutePreprocessor.timeout seconds, then it is
# interrupted (JJava honours interrupts), scores 0 and grading goes on with the next cell.
c.ExecutePreprocessor.timeout = 30
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True
# After a cell's reply, nbclient waits for the rest of its output (JavaExecute keeps at most 1000 lines
# per cell). Output is in within milliseconds (the grading kernel sends a flood of printing in batches,
# exercises/grading_startup.jsh; without that, 100 000 lines made the kernel's socket drop messages and
# nbclient waited the whole timeout): 5 s at most, and grading goes on instead of failing the notebook.
c.Execute.iopub_timeout = 5
c.Execute.raise_on_iopub_timeout = False
# The outputs are in when the last cell has run: stop the kernel at once (a graceful shutdown of the
# Java kernel waits ~3 s more, per graded notebook).
c.Execute.shutdown_kernel = "immediate"

# Deleted test cells are put back (and run) at grading time; edited ones are overwritten from the
# gradebook. tools/exercises.py also reports both in the score table.
c.OverwriteCells.add_missing_cells = True
c.OverwriteCells.missing_cell_notification = (
    "// This cell (id:{cell_id}) was missing from the submission. It was added back by nbgrader.\n\n")

# Autograde as nbgrader does, with Execute replaced by JavaExecute (bounded output, stderr tolerated,
# dead kernels survived) and OverwriteCells by JavaOverwriteCells (no checksum warning for test cells
# left as released).
from nbconvert.preprocessors import ClearMetadataPreprocessor, CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, GetGrades, IgnorePattern, LimitOutput,
    OverwriteKernelspec, SaveAutoGrades)
c.Autograde.sanitize_preprocessors = [ClearOutput, DeduplicateIds, OverwriteKernelspec, JavaOverwriteCells,
                                      CheckCellMetadata]
c.Autograde.autograde_preprocessors = [JavaExecute, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
                                       SaveAutoGrades, AssignLatePenalties, CheckCellMetadata]
# JavaExecute already keeps at most 1000 lines per cell and says how much it cut; nbgrader's own
# LimitOutput (which would cut that note) gets room for it.
c.LimitOutput.max_lines = 1010
# Feedback: the results and hints of every check, never the hidden tests' code.
c.GenerateFeedback.preprocessors = [GetGrades, HideHiddenTests, CSSHTMLHeaderPreprocessor]

# Release notebooks carry no outputs.
c.ClearOutput.enabled = True
