"""The Korean edition (한국어판): one source per lecture, its Korean text in a gettext catalogue beside it.

Each lecture notebooks/NN-name.ipynb has a catalogue notebooks/translations/ko/NN-name.po: one entry per
markdown cell, keyed by the cell's id (msgctxt), with the English text (msgid) and its Korean translation
(msgstr). The Korean notebooks notebooks/ko/NN-name.ipynb are generated from the two — the English notebook's
cells, code cells unchanged, each markdown cell's source replaced by its translation (a cell not yet translated
keeps its English) — and are never edited by hand. Any PO editor (Poedit, Lokalize) opens the catalogues.

    python tools/translate.py extract [NN ...]   # after editing an English lecture: new cells get an empty
                                                 # entry, a changed cell's entry is marked fuzzy (stale), with
                                                 # the English it was translated from kept as its previous msgid
    python tools/translate.py build [NN ...]     # writes notebooks/ko/ (and, with --executed DIR, Korean copies
                                                 # of the executed English notebooks: their outputs are shared)
    python tools/translate.py check [--complete] # the test (./course test, step 2)

check fails on: a stale (fuzzy) translation; an entry whose cell is gone or whose English is not the cell's
text; a Korean cell whose numbers are not the English cell's numbers (the same multiset of numerals, math
included); a glossary term (docs/glossary.md) used in the English cell whose Korean term is not in the Korean
cell; math, inline code or links that differ between the two; a generated notebook in notebooks/ko/ that is not
what build writes. It prints how many cells are translated; --complete also fails on any cell not translated
yet (the Korean edition is whole).

The graded exercises are translated the same way: exercises/source/aN/aN.ipynb has the catalogue
exercises/translations/ko/aN.po (its instruction cells: markdown cells that are not a student's answer cell), and
the Korean student copy notebooks/ko/exercises/aN.ipynb is generated from the released English one,
notebooks/exercises/aN.ipynb (`./course exercises release --lang ko`). Code cells, checks and grade ids are the
English ones, so a Korean submission is graded like an English one. Name an exercise as a1 or a1-calculus.
"""
import argparse
import copy
import re
import sys
from collections import Counter
from pathlib import Path

import nbformat
import polib

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CATALOGUES = NOTEBOOKS / "translations" / "ko"
KOREAN = NOTEBOOKS / "ko"
EXERCISES = ROOT / "exercises" / "source"
EXERCISE_CATALOGUES = ROOT / "exercises" / "translations" / "ko"
STUDENT_COPIES = NOTEBOOKS / "exercises"   # the released English exercises (tools/exercises.py release)
sys.path.insert(0, str(ROOT / "tools"))
import check_glossary  # noqa: E402  (the glossary's terms and how a use of one is found)

# a numeral not inside an identifier or a longer number; Hangul around it does not hide it ("3번", "20스텝")
NUMBER = re.compile(r"(?<![A-Za-z0-9_.])[-−]?\d+(?:[.,]\d+)*(?:[eE][-−]?\d+)?(?![A-Za-z0-9_])")
# inline math may break over a line (not over a paragraph), as markdown renders it
MATH = re.compile(r"\$\$.*?\$\$|\$(?:[^$\n]|\n(?!\n))+\$", re.S)
CODE = re.compile(r"`(?:[^`\n]|\n(?!\n))+`")   # inline code, like math, may break over a line
LINK = re.compile(r"\]\(([^)\s]+)\)")
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class Document:
    """One translated notebook: `source` is the English notebook whose cells the catalogue keys, `base` the English
    notebook the Korean one is generated from (for a lecture the same; for an exercise its released student copy),
    `generated` the Korean notebook."""

    def __init__(self, name, source, catalogue, base, generated, figures_up=False):
        self.name, self.source, self.catalogue, self.base, self.generated = name, source, catalogue, base, generated
        self.figures_up = figures_up   # the Korean lectures live one folder down: their diagrams are one up

    def __repr__(self):
        return self.name


def lecture_documents():
    return [Document(p.stem, p, CATALOGUES / (p.stem + ".po"), p, KOREAN / p.name, figures_up=True)
            for p in sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))]


def exercise_documents():
    sources = sorted(EXERCISES.glob("a*/a*.ipynb"), key=lambda p: (int(re.match(r"a(\d+)", p.stem).group(1)), p.stem))
    return [Document(p.stem, p, EXERCISE_CATALOGUES / (p.stem + ".po"), STUDENT_COPIES / p.name,
                     KOREAN / "exercises" / p.name) for p in sources if p.stem == p.parent.name]


def documents(only=(), kinds=("lectures", "exercises")):
    docs = (lecture_documents() if "lectures" in kinds else []) + (exercise_documents() if "exercises" in kinds else [])
    if not only:
        return docs
    picked = [d for d in docs if d.name in only or d.name.split("-")[0] in only]
    unknown = sorted(set(only) - {k for d in picked for k in (d.name, d.name.split("-")[0])})
    if unknown:
        sys.exit(f"no lecture or exercise {', '.join(unknown)} (lectures: 00-18 or their names; exercises: a1, a2, ...)")
    return picked


def load_catalogue(doc):
    if doc.catalogue.is_file():
        return polib.pofile(str(doc.catalogue), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {"Project-Id-Version": f"dl-java-course {doc.name}", "Language": "ko",
                   "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8",
                   "Content-Transfer-Encoding": "8bit"}
    return po


def markdown_cells(nb):
    """The cells a catalogue translates: markdown, except a graded answer cell (what a student writes there is
    the student's; its model answer in the source is the instructor's)."""
    return [c for c in nb.cells if c.cell_type == "markdown" and not c.metadata.get("nbgrader", {}).get("solution")]


def extract(doc):
    """Brings the catalogue up to date with the English notebook; returns (new, stale, removed) counts."""
    nb = nbformat.read(doc.source, as_version=4)
    po = load_catalogue(doc)
    by_id = {e.msgctxt: e for e in po}
    new = stale = 0
    entries = []
    for cell in markdown_cells(nb):
        entry = by_id.pop(cell.id, None)
        if entry is None:
            entry = polib.POEntry(msgctxt=cell.id, msgid=cell.source, msgstr="")
            new += 1
        elif entry.msgid != cell.source:
            if entry.msgstr and "fuzzy" not in entry.flags:
                entry.previous_msgid = entry.msgid
                entry.flags.append("fuzzy")
                stale += 1
            entry.msgid = cell.source
        entries.append(entry)
    removed = len(by_id)
    po[:] = entries
    doc.catalogue.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(doc.catalogue))
    return new, stale, removed


def korean_notebook(nb, po, figures_up=True):
    """The Korean version of an (English) notebook: markdown cells translated where the catalogue has a current
    translation, everything else (code cells, outputs, metadata) as in the English one."""
    ko = copy.deepcopy(nb)
    table = {e.msgctxt: e for e in po}
    for cell in markdown_cells(ko):
        e = table.get(cell.id)
        if e is not None and e.msgstr and "fuzzy" not in e.flags and e.msgid == cell.source:
            cell.source = e.msgstr
        if figures_up:  # the Korean lectures live one folder down (notebooks/ko/): the diagrams are one folder up
            cell.source = re.sub(r'(\]\(|src=")figures/', r"\1../figures/", cell.source)
    ko.metadata["language"] = "ko"
    return ko


def generated_text(doc):
    """What build writes for a document, or None when its English base is missing (an exercise not released)."""
    if not doc.base.is_file():
        return None
    return nbformat.writes(korean_notebook(nbformat.read(doc.base, as_version=4), load_catalogue(doc),
                                           doc.figures_up)) + "\n"


def build(doc, executed_dir=None, out_executed=None):
    text = generated_text(doc)
    if text is None:
        sys.exit(f"{doc.base.relative_to(ROOT)} not found: release the exercises first (./course exercises release)")
    doc.generated.parent.mkdir(parents=True, exist_ok=True)
    doc.generated.write_text(text, encoding="utf-8")
    css = KOREAN / "rise.css"   # RISE reads its style beside the notebook: the lectures' own, linked
    if not css.is_symlink():
        css.unlink(missing_ok=True)
        css.symlink_to(Path("..") / "rise.css")
    if executed_dir is not None and (executed_dir / doc.base.name).is_file():
        out_executed.mkdir(parents=True, exist_ok=True)
        executed = nbformat.read(executed_dir / doc.base.name, as_version=4)
        nbformat.write(korean_notebook(executed, load_catalogue(doc), doc.figures_up), out_executed / doc.base.name)


FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def inline_code(text):
    """The inline code spans of a markdown text, outside fenced blocks (pseudo-code there may be translated), with
    a line break inside a span read as the space markdown renders it."""
    return Counter(re.sub(r"\s+", " ", c) for c in CODE.findall(FENCE.sub(" ", text)))


def numbers(text):
    return Counter(n.replace("−", "-").replace(",", "") for n in NUMBER.findall(text))


def problems_of(entry, cell, terms):
    """What is wrong with one translated entry (a list of strings)."""
    en, ko = cell.source, entry.msgstr
    found = []
    if Counter(MATH.findall(en)) != Counter(MATH.findall(ko)):
        missing = list((Counter(MATH.findall(en)) - Counter(MATH.findall(ko))).elements())[:2]
        found.append(f"its math differs from the English cell's (missing or changed: {missing})")
    if inline_code(en) != inline_code(ko):
        missing = list((inline_code(en) - inline_code(ko)).elements())[:2]
        found.append(f"its inline code differs from the English cell's (missing or changed: {missing})")
    if Counter(LINK.findall(en)) != Counter(LINK.findall(ko)):
        found.append("its links differ from the English cell's")
    plain_en, plain_ko = MATH.sub(" ", CODE.sub(" ", en)), MATH.sub(" ", CODE.sub(" ", ko))
    if numbers(plain_en) != numbers(plain_ko):
        lost = list((numbers(plain_en) - numbers(plain_ko)).elements())[:4]
        extra = list((numbers(plain_ko) - numbers(plain_en)).elements())[:4]
        found.append(f"its numbers are not the English cell's (missing {lost}, extra {extra})")
    if len(HANGUL.findall(ko)) <= len(HANGUL.findall(en)):   # the English cells carry Korean glosses already
        found.append("it reads as the English cell (no Korean text added)")
    for line in en.splitlines():
        for _, _, term in check_glossary.uses(check_glossary.prose(line), terms):
            if term.korean not in ko:
                found.append(f"the glossary's Korean term {term.korean} (for '{term.english}') is missing")
    return sorted(set(found))


def self_test(terms):
    """The checks on synthetic cells: a faithful translation passes, each kind of unfaithful one fails, and a stale
    entry is not used. Returns the problems (empty: the checker works)."""
    cell = nbformat.v4.new_markdown_cell("The learning rate (학습률) $\\eta = 0.1$ halves the loss in 20 steps; "
                                         "see `Sgd`.", id="t0")
    good = "학습률(learning rate) $\\eta = 0.1$ 로 20 스텝 만에 손실이 절반이 됩니다. `Sgd`를 보세요."
    cases = {"faithful": (good, None),
             "a number changed": (good.replace("20", "30"), "numbers"),
             "a number glued to Hangul, changed": (good.replace("20 스텝", "30스텝"), "numbers"),
             "math changed": (good.replace("0.1$", "0.2$"), "math"),
             "inline code dropped": (good.replace("`Sgd`", "Sgd"), "inline code"),
             "the glossary's term not used": (good.replace("학습률", "러닝 레이트"), "학습률"),
             "left in English": (cell.source, "no Korean text added")}
    problems = []
    for name, (text, expect) in cases.items():
        found = problems_of(polib.POEntry(msgctxt="t0", msgid=cell.source, msgstr=text), cell, terms)
        if expect is None and found:
            problems.append(f"self-test '{name}': flagged {found}")
        if expect is not None and not any(expect in f for f in found):
            problems.append(f"self-test '{name}': not flagged (found {found})")
    nb = nbformat.v4.new_notebook(cells=[cell])
    po = polib.POFile()
    po.append(polib.POEntry(msgctxt="t0", msgid=cell.source, msgstr=good, flags=["fuzzy"]))
    if korean_notebook(nb, po).cells[0].source != cell.source:
        problems.append("self-test: a stale (fuzzy) translation was used")
    return problems


def check(complete):
    terms, glossary_problems = check_glossary.parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    failures = list(glossary_problems) + self_test(terms)
    counts = {"lectures": [0, 0, []], "exercises": [0, 0, []]}   # cells, translated, complete ones
    for kind in counts:
        for doc in documents(kinds=(kind,)):
            failures += check_document(doc, terms, complete, counts[kind])
    css = KOREAN / "rise.css"
    if not css.is_symlink() or css.resolve() != (NOTEBOOKS / "rise.css").resolve():
        failures.append("notebooks/ko/rise.css is not a link to notebooks/rise.css (run tools/translate.py build)")
    for f in failures:
        print(f"FAIL {f}")
    for kind, (total, done, whole) in counts.items():
        print(f"Korean edition, {kind}: {done} of {total} markdown cells translated; complete: "
              f"{', '.join(whole) or 'none'}")
    print(f"translations: {0 if failures else 1} passed, {1 if failures else 0} failed")
    return 1 if failures else 0


def check_document(doc, terms, complete, count):
    """The failures of one catalogue; adds its cells, translated cells and (when whole) its name to count."""
    failures = []
    nb = nbformat.read(doc.source, as_version=4)
    po = load_catalogue(doc)
    rel = doc.catalogue.relative_to(ROOT)
    cells = {c.id: c for c in markdown_cells(nb)}
    entries = {e.msgctxt: e for e in po}
    for cid in entries.keys() - cells.keys():
        failures.append(f"{rel}: entry {cid} has no markdown cell in {doc.source.name} (run translate.py extract)")
    translated = 0
    for cid, cell in cells.items():
        e = entries.get(cid)
        if e is None:
            if doc.catalogue.is_file():
                failures.append(f"{rel}: no entry for cell {cid} (run tools/translate.py extract)")
            continue
        if "fuzzy" in e.flags:
            failures.append(f"{rel}: cell {cid}: the translation is stale (the English changed since; "
                            f"update msgstr and remove the fuzzy flag)")
            continue
        if e.msgid != cell.source:
            failures.append(f"{rel}: cell {cid}: msgid is not the cell's English (run tools/translate.py extract)")
            continue
        if not e.msgstr:
            continue
        translated += 1
        failures += [f"{rel}: cell {cid}: {p}" for p in problems_of(e, cell, terms)]
    count[0] += len(cells)
    count[1] += translated
    if translated == len(cells):
        count[2].append(doc.name.split("-")[0])
    elif complete:
        failures.append(f"{rel}: {len(cells) - translated} of {len(cells)} markdown cells not translated")
    want = generated_text(doc)
    gen = doc.generated.relative_to(ROOT)
    if want is None:
        if doc.generated.is_file():
            failures.append(f"{gen} exists but {doc.base.relative_to(ROOT)}, its English, does not")
    elif not doc.generated.is_file() or doc.generated.read_text(encoding="utf-8") != want:
        failures.append(f"{gen} is not what tools/translate.py build writes (run it; never edit it by hand)")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["extract", "build", "check"])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="lectures (03 or 03-gradient-descent) and exercises (a1 or a1-calculus); default: all")
    parser.add_argument("--complete", action="store_true", help="check: every cell must be translated")
    parser.add_argument("--executed", type=Path, help="build: also translate the executed notebooks in this folder")
    parser.add_argument("--executed-out", type=Path, help="build: where the Korean executed copies go "
                        "(default: the --executed folder's ko/)")
    args = parser.parse_args()
    if args.command == "check":
        return check(args.complete)
    for doc in documents(args.names):
        if args.command == "extract":
            new, stale, removed = extract(doc)
            print(f"{doc.catalogue.relative_to(ROOT)}: {new} new, {stale} stale, {removed} removed")
        else:
            build(doc, args.executed, args.executed_out or (args.executed / "ko" if args.executed else None))
            print(doc.generated.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
