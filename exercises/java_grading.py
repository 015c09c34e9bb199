"""nbgrader on the Java kernel, made fair to a real class (see docs/exercises.md).

* JavaExecute (autograde's Execute step)
  - survives a kernel that dies (System.exit, a crash): the cell that was running gets an error
    output naming the problem, every later code cell a "not run" error (so its test scores 0), and
    autograding saves the scores of the cells that did run;
  - bounds the output of every cell: after MAX_LINES lines (or MAX_CHARS characters) the rest is
    dropped and a note says how much; a flood of printing can no longer make the notebook miss
    nbgrader's I/O timeout and fail as a whole;
  - tolerates System.err: nbgrader scores a test cell with any stderr output 0, so stderr text is
    turned into ordinary output, each line marked STDERR_MARK (the grading tool names it in the notes).
* JavaOverwriteCells: a test cell that the student left as released (the hidden tests were cut
  out of it) is put back silently; only really edited test cells get nbgrader's "checksum has
  changed" warning.
  - prints HIDDEN_MARK on its own line where a check cell's hidden tests begin (the line
    "// BEGIN HIDDEN TESTS" is sent as `System.out.println(HIDDEN_MARK); // BEGIN HIDDEN TESTS`, the
    notebook keeps its source), so the output shows which results are the hidden tests' and the
    feedback knows that an error after it is a hidden check's.
* HideHiddenTests (feedback): the hidden tests' code is cut out of the feedback, their results
  (✓ lines, the failure message and hint) stay; code lines quoted in error tracebacks are removed.
  A failed hidden check's expected value is cut out of its message unless show_expected (the
  hint stays); Java stack frames ("at …(Check.java:39)") after a message are removed; JJava's
  "Evaluation interrupted" quote of the code is dropped where the cell timed out.
"""
import re

from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from traitlets import Bool, Integer, Unicode

from nbgrader import utils
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells

MAX_LINES = 1000
MAX_CHARS = 100_000
STDERR_MARK = "[System.err] "
TRUNCATED = "output truncated"
HIDDEN_NOTE = "// (hidden tests ran here: their results are shown below, their code is not)"
HIDDEN_MARK = "── hidden tests (other inputs) ──"  # printed where a check cell's hidden tests begin
HIDDEN_BEGIN = "BEGIN HIDDEN TESTS"


def with_hidden_mark(source, begin=HIDDEN_BEGIN):
    """The source as sent to the kernel: the hidden tests' first line also prints HIDDEN_MARK (same lines)."""
    lines = source.split("\n")
    for i, line in enumerate(lines):
        if begin in line and line.lstrip().startswith("//"):
            indent = line[:len(line) - len(line.lstrip())]
            lines[i] = f'{indent}System.out.println("{HIDDEN_MARK}"); {line.lstrip()}'
            break
    return "\n".join(lines)


def _error(ename, evalue):
    return NotebookNode(output_type="error", ename=ename, evalue=evalue,
                        traceback=[f"{ename}: {evalue}"])


def _stream(text):
    return NotebookNode(output_type="stream", name="stdout", text=text)


class JavaExecute(Execute):
    """Execute that records which cell killed the kernel, bounds every cell's output and turns stderr
    into marked ordinary output."""

    max_lines = Integer(MAX_LINES, help="lines of output kept per cell").tag(config=True)
    max_chars = Integer(MAX_CHARS, help="characters of output kept per cell").tag(config=True)

    def on_cell_execute(self, **kwargs):
        self._running = kwargs.get("cell_index")
        self._kept_lines, self._kept_chars, self._dropped = 0, 0, 0
        cell = kwargs.get("cell")
        self._original = None
        if cell is not None and HIDDEN_BEGIN in cell.source:  # sent with the mark, kept without it
            self._original = cell.source
            cell.source = with_hidden_mark(cell.source)

    def on_cell_complete(self, **kwargs):
        cell = kwargs.get("cell")
        if cell is not None and getattr(self, "_original", None) is not None:
            cell.source = self._original
            self._original = None

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        if msg["msg_type"] == "stream":
            text = content.get("text", "")
            if content.get("name") == "stderr":
                text = "".join(STDERR_MARK + line for line in text.splitlines(True))
            room_lines, room_chars = self.max_lines - self._kept_lines, self.max_chars - self._kept_chars
            lines = text.splitlines(True)
            if self._dropped or len(lines) > room_lines or len(text) > room_chars:
                keep = "".join(lines[:max(0, room_lines)])[:max(0, room_chars)]
                self._dropped += len(lines) - len(keep.splitlines(True))
                marks = [line for line in lines[len(keep.splitlines(True)):] if line.rstrip("\n") == HIDDEN_MARK]
                text = keep + "".join(marks[:1])  # the hidden tests' mark is never cut
            self._kept_lines += len(text.splitlines(True))
            self._kept_chars += len(text)
            if not text:
                return None
            if outs and outs[-1].get("output_type") == "stream" and outs[-1].get("name") == "stdout":
                outs[-1].text += text  # one stream output per cell, as the notebook shows it
                return outs[-1]
            out = _stream(text)
            outs.append(out)
            return out
        if msg["msg_type"] in ("execute_result", "display_data"):
            data = content.get("data", {})
            if len(str(data.get("text/plain", ""))) > self.max_chars:
                data["text/plain"] = str(data["text/plain"])[:self.max_chars] + f"\n… ({TRUNCATED})"
        return super().output(outs, msg, display_id, cell_index)

    def on_cell_executed(self, **kwargs):
        if self._dropped:
            # exact: the grading kernel sends a flood in batches (grading_startup.jsh), so no message is dropped
            kwargs["cell"].outputs.append(_stream(
                f"\n… {TRUNCATED}: {self._dropped} more lines not shown (at most {self.max_lines} lines "
                f"or {self.max_chars} characters are kept per cell)\n"))
            self._dropped = 0
        super().on_cell_executed(**kwargs)

    def preprocess(self, nb, resources=None, km=None):
        self._running = None
        self._kept_lines, self._kept_chars, self._dropped = 0, 0, 0
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError:
            start = self._running if self._running is not None else 0
            where = nb.cells[start].metadata.get("nbgrader", {}).get("grade_id") or f"cell {start + 1}"
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code" or index < start:
                    continue
                if index == start:
                    cell.outputs.append(_error(
                        "KernelDied", "the Java kernel died while running this cell (System.exit or a crash); "
                                      "the cells after it were not run and score 0"))
                else:
                    cell.outputs = [_error("NotRun", f"not run: the kernel died in '{where}'")]
            self.log.warning("kernel died in %s; later cells score 0", where)
            return nb, resources


def without_hidden_tests(source, begin="BEGIN HIDDEN TESTS", end="END HIDDEN TESTS", note=None):
    """The source with every hidden-test region (delimiter lines included) removed, or replaced by note."""
    out, hidden = [], False
    for line in source.splitlines():
        if begin in line:
            hidden = True
            if note:
                out.append(line[:len(line) - len(line.lstrip())] + note)
        elif end in line and hidden:
            hidden = False
        elif not hidden:
            out.append(line)
    return "\n".join(out)


def hidden_lines(source, begin="BEGIN HIDDEN TESTS", end="END HIDDEN TESTS"):
    shown = set(without_hidden_tests(source, begin, end).splitlines())
    return [line.strip() for line in source.splitlines() if line not in shown and len(line.strip()) > 8]


class JavaOverwriteCells(OverwriteCells):
    """OverwriteCells without the "checksum has changed" warning for test cells left as released."""

    def preprocess_cell(self, cell, resources, cell_index):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id is not None and utils.is_locked(cell) and cell.cell_type == "code":
            try:
                source_cell = self.gradebook.find_source_cell(grade_id, self.notebook_id, self.assignment_id)
            except Exception:  # MissingEntry: nbgrader's own code reports it
                source_cell = None
            if source_cell is not None and cell.source != source_cell.source and \
                    cell.source.strip() == without_hidden_tests(source_cell.source).strip():
                cell.source = source_cell.source  # untouched: the original, with its hidden tests
        return super().preprocess_cell(cell, resources, cell_index)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_FRAME = re.compile(r"^\s*(at [\w$.<>/]*\(.*\)|\.\.\. \d+ more)\s*$")  # a Java stack frame line
_NUMBER = r"-?(?:\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|NaN|Infinity)(?=[.,;:)\s\x1b]|$)"
_EXPECTED = [  # (pattern, replacement): the expected value in dl.exercises.Check's messages
    (re.compile(rf"expected ({_NUMBER}) but got ({_NUMBER})"), r"your answer \2 is wrong"),
    (re.compile(rf" but should be {_NUMBER}"), ""),
    (re.compile(r" but should move by \[[^\]]*\]"), ""),
    (re.compile(rf", expected (\[[^\]]*\]|{_NUMBER})"), ""),
]
EXPECTED_HIDDEN = " (a hidden test: its expected value is not shown)"
_RESET = "\x1b[0m"


def without_expected(text):
    """A check's failure message without the expected value (the student's value and the hint stay)."""
    if not isinstance(text, str):
        return text
    cut = text.find(". Hint: ")
    if cut < 0:
        cut = len(text) - len(_RESET) if text.endswith(_RESET) else len(text)
    head, tail = text[:cut], text[cut:]
    new = head
    for pattern, replacement in _EXPECTED:
        new = pattern.sub(replacement, new)
    return text if new == head else new + EXPECTED_HIDDEN + tail


SECRET_LINE = "(removed from the feedback: a line of the instructor's solution or hidden tests)"
PATH_SHOWN = "…"


class HideHiddenTests(NbGraderPreprocessor):
    """Feedback shows what the student may see: hidden tests' code is cut out of the cells and out of
    error tracebacks; their results stay. With secrets_file (written by tools/exercises.py grade),
    every output of every cell — whatever the student's code printed — also loses each line that holds
    a line of the instructor's solution or hidden tests, and the grading machine's paths."""

    begin = Unicode("BEGIN HIDDEN TESTS").tag(config=True)
    end = Unicode("END HIDDEN TESTS").tag(config=True)
    show_expected = Bool(False, help="show a failed hidden check's expected value (grade --show-expected); "
                                     "by default only the student's value and the hint").tag(config=True)
    secrets_file = Unicode("", help="JSON {'lines': {assignment: [secret lines]}, 'paths': [...]}").tag(config=True)

    def preprocess(self, nb, resources):
        self._lines, self._paths = [], []
        if self.secrets_file:
            import json
            with open(self.secrets_file, encoding="utf-8") as f:
                secrets = json.load(f)
            assignment = resources.get("nbgrader", {}).get("assignment")
            self._lines = secrets.get("lines", {}).get(assignment, [])
            self._paths = sorted(secrets.get("paths", []), key=len, reverse=True)
        return super().preprocess(nb, resources)

    def _clean(self, text):
        if not isinstance(text, str) or not (self._lines or self._paths):
            return text
        kept = []
        for line in text.splitlines(True):
            plain = _ANSI.sub("", line)
            if any(s in plain for s in self._lines):
                kept.append(SECRET_LINE + ("\n" if line.endswith("\n") else ""))
            else:
                for path in self._paths:
                    line = line.replace(path, PATH_SHOWN)
                kept.append(line)
        return "".join(kept)

    def _clean_outputs(self, cell):
        for out in cell.get("outputs", []):
            if "text" in out:
                out["text"] = self._clean(out["text"])
            if out.get("output_type") == "error":
                out["evalue"] = self._clean(str(out.get("evalue", "")))
                out["traceback"] = [self._clean(line) for line in out.get("traceback", [])]
            for mime, value in out.get("data", {}).items():
                if mime.startswith("text/") or mime.endswith("json"):
                    out["data"][mime] = self._clean(value) if isinstance(value, str) else \
                        [self._clean(v) for v in value] if isinstance(value, list) else value

    def _readable_errors(self, cell):
        """No Java stack frames after a message; no quote of the code when the cell timed out; a hidden
        check's expected value only with show_expected."""
        outputs = cell.get("outputs", [])
        if any(o.get("ename") == "CellTimeoutError" for o in outputs if o.get("output_type") == "error"):
            outputs[:] = [o for o in outputs if o.get("ename") != "EvaluationInterruptedException"]
        text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
        hidden = HIDDEN_MARK in text and self.begin in cell.source
        for out in outputs:
            if out.get("output_type") != "error":
                continue
            out["traceback"] = [line for line in out.get("traceback", []) if not _FRAME.match(_ANSI.sub("", line))]
            if hidden and not self.show_expected:
                out["evalue"] = without_expected(str(out.get("evalue", "")))
                out["traceback"] = [without_expected(line) for line in out["traceback"]]

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "code":
            self._readable_errors(cell)
            self._clean_outputs(cell)
        if cell.cell_type != "code" or self.begin not in cell.source:
            return cell, resources
        secret = hidden_lines(cell.source, self.begin, self.end)
        cell.source = without_hidden_tests(cell.source, self.begin, self.end, HIDDEN_NOTE)
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                kept = []
                for line in out.get("traceback", []):
                    plain = _ANSI.sub("", line)
                    if any(s in plain for s in secret):
                        if not kept or kept[-1] != "(a line of a hidden test, not shown)":
                            kept.append("(a line of a hidden test, not shown)")
                    else:
                        kept.append(line)
                out["traceback"] = kept
                if any(s in _ANSI.sub("", str(out.get("evalue", ""))) for s in secret):
                    out["evalue"] = "(in a hidden test; the code is not shown)"
        return cell, resources
