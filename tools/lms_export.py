"""The gradebook's grades in the grade-import formats of Canvas and Moodle (docs/teaching.md, issue 35).

Two nbgrader export plugins (nbgrader.plugins.ExportPlugin), run by

    ./course exercises grade FOLDER --lms canvas --lms moodle [--roster ROSTER.csv]

after grading (DIR/canvas-grades.csv, DIR/moodle-grades.csv), or again later, e.g. after grading the
written answers in the formgrader, in the grading folder (its nbgrader_config.py puts the folder, which
holds a copy of this file and of the roster, on Python's path):

    cd build/exercises/grading
    nbgrader export --exporter=lms_export.CanvasExport --to ../canvas-grades.csv
    nbgrader export --exporter=lms_export.MoodleExport --to ../moodle-grades.csv

Both read nbgrader's gradebook (gradebook.db: every assignment with its points, the autograded and
hand-graded scores the grading run and the formgrader wrote) and write one row per student, one
column per assignment:

* Canvas (Grades → Import): the columns Student, ID, SIS User ID, SIS Login ID, Section, then one
  column per assignment headed by its name, and under the header the row "Points Possible" with each
  assignment's points (Canvas creates an assignment that does not exist yet with those points).
  Canvas finds a student by ID (its user id), SIS User ID or SIS Login ID: without them in the
  roster, SIS Login ID is the name of the student's submission folder.
* Moodle (Grades → Import → CSV file): identifier columns (Username, and Email address / ID number
  when every student has one: "Map from" in the import form), First name, Last name, and one column
  per grade item, headed "<assignment> (max N)"; Moodle takes the maximum from the grade item, so the
  header says what to set it to. An identifier column is left out unless it is filled in every row:
  Moodle's import skips a blank identifier and gives that row's grades to the student of the row
  above (grade/import/csv/classes/load_data.php), and it stops the whole import at a student it does
  not know.

A grade nobody gave — not submitted, not a readable notebook, not autograded — is an empty cell,
not 0: both LMSs then show no grade and leave one already there alone, and the instructor's own rule
for missing work (a 0, an excuse, a late hand-in) decides. An assignment handed in and scored 0 is 0.

The roster (optional) is a CSV file with a column "id" (the student's submission folder name, as in
the score table) and any of: first_name, last_name, name, email, username, idnumber, sis_user_id,
sis_login_id, canvas_id, section. What the files lack for a student is reported (self.report).
"""
import csv
import re
from pathlib import Path

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin
from traitlets import Unicode

ROSTER_COLUMNS = ("id", "first_name", "last_name", "name", "email", "username", "idnumber", "sis_user_id",
                  "sis_login_id", "canvas_id", "section")
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
CANVAS_POINTS = "Points Possible"
MOODLE_COLUMNS = ["Username", "Email address", "ID number", "First name", "Last name"]
MOODLE_IDENTIFIERS = ["Email address", "ID number"]  # only written when every student has one


def read_roster(path):
    """{student id: {column: value}} from a roster CSV (header row; column "id" required)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise ValueError("the roster has no rows (a header row with 'id' and one row per student)")
    header = {k.strip().lower(): k for k in rows[0] if k}
    if "id" not in header:
        raise ValueError(f"the roster has no column 'id' (the student's folder name); its columns: {', '.join(header)}")
    unknown = sorted(set(header) - set(ROSTER_COLUMNS))
    if unknown:
        raise ValueError(f"unknown roster column(s) {', '.join(unknown)}; known: {', '.join(ROSTER_COLUMNS)}")
    people = {}
    for i, row in enumerate(rows, 2):
        entry = {k: (row.get(original) or "").strip() for k, original in header.items()}
        sid = entry.pop("id")
        if not sid:
            raise ValueError(f"line {i}: no id")
        if sid in people:
            raise ValueError(f"line {i}: id {sid} twice")
        people[sid] = entry
    return people


def number(value):
    return f"{value:g}" if value is not None else ""



def number_order(name):
    """a1, a2, ..., a9, a10: by the assignment's number (as text a10 would come before a2)."""
    m = re.match(r"a(\d+)", name)
    return (int(m.group(1)) if m else 10**6, name)

class LmsExport(ExportPlugin):
    """Common part: students (gradebook and roster), assignments with their points, scores or None."""

    roster = Unicode("", help="roster CSV (id, names, email, SIS ids, section); default: roster.csv in the "
                              "course directory, if there is one").tag(config=True)
    default_name = "grades.csv"

    def table(self, gradebook):
        self.report = []
        path = self.roster
        if not path and getattr(self.parent, "coursedir", None) is not None:
            default = Path(self.parent.coursedir.root) / "roster.csv"
            path = str(default) if default.is_file() else ""
        self.people = read_roster(path) if path else {}
        if not path:
            self.report.append("no roster: students are known by their folder names only")
        known = {s.id: s for s in gradebook.students}
        ids = sorted(set(known) | set(self.people))
        if self.student:
            ids = [i for i in ids if i in {str(s) for s in self.student}]
        assignments = [a for a in sorted(gradebook.assignments, key=lambda a: number_order(a.name))
                       if not self.assignment or a.name in {str(n) for n in self.assignment}]
        scores, pending = {}, []
        for a in assignments:
            for sid in ids:
                try:
                    sub = gradebook.find_submission(a.name, sid)
                except MissingEntry:
                    scores[(sid, a.name)] = None
                    continue
                scores[(sid, a.name)] = max(0.0, (sub.score or 0) - (sub.late_submission_penalty or 0))
                if sub.needs_manual_grade:
                    pending.append(f"{sid}/{a.name}")
        if pending:
            self.report.append(f"{len(pending)} submissions have written answers still to be graded by hand (their "
                               f"score holds what is graded so far): {', '.join(pending[:8])}"
                               + (" …" if len(pending) > 8 else "") + "; export again after grading them")
        if self.people:
            self.missing("not in the roster (known by the folder name only)", [i for i in ids if i not in self.people])
            self.missing("in the roster, nothing graded (empty grades)",
                         [i for i in ids if i in self.people and all(scores[(i, a.name)] is None for a in assignments)])
        return ids, known, [(a.name, a.max_score) for a in assignments], scores

    def person(self, sid, known):
        p = dict(self.people.get(sid, {}))
        s = known.get(sid)
        for field in ("first_name", "last_name", "email"):
            if not p.get(field) and s is not None and getattr(s, field, None):
                p[field] = getattr(s, field)
        if not p.get("name"):
            p["name"] = ", ".join(x for x in (p.get("last_name"), p.get("first_name")) if x)
        elif not (p.get("first_name") or p.get("last_name")):  # "Last, First" (Canvas's order) or one name
            last, _, first = p["name"].partition(", ")
            p["last_name"], p["first_name"] = last, first
        return p

    def missing(self, what, ids, roster_only=False):
        """Reports the students (ids) that lack something; roster_only: only those in the roster (the
        others are reported once as not in it)."""
        ids = [i for i in ids if i in self.people] if roster_only else ids
        if ids:
            self.report.append(f"{what}: {', '.join(ids)}")

    def export(self, gradebook):
        dest = self.to or self.default_name
        ids, known, assignments, scores = self.table(gradebook)
        rows = self.rows(ids, known, assignments, scores)
        with open(dest, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerows(rows)
        self.log.info("wrote %s (%d students, %d assignments)", dest, len(ids), len(assignments))
        for line in self.report:
            self.log.warning("%s: %s", Path(dest).name, line)


class CanvasExport(LmsExport):
    """Canvas's grade import CSV: Student, ID, SIS User ID, SIS Login ID, Section, one column per
    assignment, and the row "Points Possible"."""

    default_name = "canvas-grades.csv"

    def rows(self, ids, known, assignments, scores):
        rows = [CANVAS_COLUMNS + [name for name, _ in assignments],
                [CANVAS_POINTS, "", "", "", ""] + [number(points) for _, points in assignments]]
        by_folder = []
        for sid in ids:
            p = self.person(sid, known)
            login = p.get("sis_login_id") or ("" if p.get("canvas_id") or p.get("sis_user_id") else sid)
            if not (p.get("canvas_id") or p.get("sis_user_id") or p.get("sis_login_id")):
                by_folder.append(sid)
            rows.append([p.get("name") or sid, p.get("canvas_id", ""), p.get("sis_user_id", ""), login,
                         p.get("section", "")] + [number(scores[(sid, name)]) for name, _ in assignments])
        if not self.people:
            self.report.append("Student and SIS Login ID are the folder names; ID, SIS User ID and Section are "
                               "empty (give a roster if the folder names are not the students' Canvas logins)")
            return rows
        self.missing("no canvas_id, sis_user_id or sis_login_id in the roster: SIS Login ID is the folder name",
                     by_folder, roster_only=True)
        self.missing("no name in the roster: Student is the folder name",
                     [sid for sid in ids if not self.person(sid, known).get("name")], roster_only=True)
        return rows


class MoodleExport(LmsExport):
    """Moodle's CSV grade import: identifier columns (Username, Email address, ID number), names, and
    one column per grade item headed "<assignment> (max N)"."""

    default_name = "moodle-grades.csv"

    def rows(self, ids, known, assignments, scores):
        people = {sid: self.person(sid, known) for sid in ids}
        values = {"Username": {sid: p.get("username") or sid for sid, p in people.items()},
                  "Email address": {sid: p.get("email", "") for sid, p in people.items()},
                  "ID number": {sid: p.get("idnumber") or p.get("sis_user_id", "") for sid, p in people.items()},
                  "First name": {sid: p.get("first_name", "") for sid, p in people.items()},
                  "Last name": {sid: p.get("last_name", "") for sid, p in people.items()}}
        columns = [c for c in MOODLE_COLUMNS if c not in MOODLE_IDENTIFIERS or all(values[c].values())]
        for c in MOODLE_IDENTIFIERS:
            if c not in columns and any(values[c].values()):
                self.report.append(f"column {c} left out: empty for {', '.join(s for s in ids if not values[c][s])} "
                                   f"(Moodle would give a row with an empty identifier to the student above it)")
        rows = [columns + [f"{name} (max {points:g})" for name, points in assignments]]
        for sid in ids:
            rows.append([values[c][sid] for c in columns] + [number(scores[(sid, name)]) for name, _ in assignments])
        if not self.people:
            self.report.append("Username is the folder name, the names are empty and there is no Email address or "
                               "ID number column (give a roster, or map from Username if the folder names are "
                               "Moodle usernames)")
            return rows
        self.missing("no username in the roster: Username is the folder name",
                     [sid for sid in ids if not self.person(sid, known).get("username")], roster_only=True)
        return rows


EXPORTERS = {"canvas": CanvasExport, "moodle": MoodleExport}
