"""The course's Korean terms: docs/glossary.md is the one list, and the notebooks and the library follow it.

    python tools/check_glossary.py            # self-test on synthetic notebooks, then the real check
    python tools/check_glossary.py --self-test
    python tools/check_glossary.py --update-notebook-column   # after adding or reordering lectures: set each
                                     # row's notebook to the term's first (glossed) use, then check

docs/glossary.md is a table | English | Korean | notebook |, one row per concept. The English cell may
give spelling variants or irregular plurals after " / " ("regularisation / regularization"); a trailing
"(…)" qualifies the term and is not matched, unless it is an abbreviation in capitals ("(CNN)"), which
then counts as a use of the term too. Matching ignores case (abbreviations excepted), accepts a plural
s/es, "-" or " " or nothing between words, and -ise/-ize; a longer glossary term wins over a shorter one
inside it ("vanishing gradient" is not a use of "gradient"). Inline code, math and URLs are not prose.

Checks (lecture notebooks = markdown cells of notebooks/NN-*.ipynb, in file order):
1. at the first use of every term (heading lines that do not gloss it are titles, not uses) the Korean
   term is beside it: "term (한국어)", "**term** (한국어)", "term (ABBR, 한국어)" or "(term, 한국어)";
2. the notebook column names the notebook of that first use. A row whose notebook is not in this
   checkout (a lecture being written on another branch) is reported as pending while its first use
   comes after that notebook's number, and checked in full once the notebook exists; a use before that
   number must be glossed there; a number that exists under another name is an error;
3. one Korean term per concept: no Korean term in two rows, no English form in two rows, and wherever a
   glossary term is glossed (lectures, exercises/source, the library's javadoc) the Hangul in its
   parentheses contains the glossary's Korean term as written ("자동 특징 추출" for 특징 추출; "지역
   최솟값" is not 국소 최솟값);
4. every bold gloss "**term (한국어)**" / "**term** (한국어)" in the lectures is a glossary term;
5. a Korean gloss in the javadoc of lib/src/main/java names a lecture concept: a glossary Korean term.
Failures name the notebook (or file), the cell index (0-based, as nbformat counts) and the term.
"""
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HANGUL = re.compile(r"[\uac00-\ud7a3]")
ABBREV = re.compile(r"[A-Z][A-Z0-9-]+")
# what is not prose in a markdown line: inline code, display and inline math, link targets, HTML tags
NOT_PROSE = re.compile(r"`[^`]*`|\$\$.*?\$\$|\$[^$]*\$|\]\([^)]*\)|<[^>]+>|https?://\S+")
BOLD_GLOSS = re.compile(r"\*\*([^*()\n]{2,60}?)\s*\(([^()\n]*[\uac00-\ud7a3][^()\n]*)\)\*\*"
                        r"|\*\*([^*\n]{2,60}?)\*\*\s*\(([^()\n]*[\uac00-\ud7a3][^()\n]*)\)")
PAREN = re.compile(r"\(([^()\n]*)\)")


@dataclass
class Term:
    english: str          # the English cell as written
    forms: list           # what counts as a use of it
    korean: str
    notebook: str         # "NN-name" of the notebook that introduces it
    row: int              # line number in the glossary
    patterns: list = field(default_factory=list)


def form_pattern(form):
    """Regex for one English form: any case (an abbreviation: exact), plural s/es, -ise/-ize, and
    "-", " " or nothing between the words."""
    if ABBREV.fullmatch(form):
        return re.compile(rf"(?<![\w-]){re.escape(form)}s?(?![\w-])")
    words = re.split(r"[\s-]+", form.strip())
    parts = []
    for w in words:
        w = re.escape(w)
        w = re.sub(r"i[sz](?=e|ation|ing|ed)", "i[sz]", w)
        parts.append(w)
    body = r"[\s-]?".join(parts)
    return re.compile(rf"(?<![\w-]){body}(?:s|es)?(?![\w-])", re.IGNORECASE)


def parse_glossary(text):
    """Terms of the glossary table, and the problems of the table itself."""
    terms, problems = [], []
    for n, line in enumerate(text.splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|") or len(cells) != 3 or cells[0] in ("English", "") \
                or set(cells[0]) <= set("-: "):
            continue
        english, korean, notebook = cells
        forms = []
        for variant in english.split(" / "):
            m = re.fullmatch(r"(.*?)\s*\(([^()]*)\)", variant.strip())
            if m:
                forms.append(m.group(1))
                if ABBREV.fullmatch(m.group(2)):
                    forms.append(m.group(2))
            else:
                forms.append(variant.strip())
        if not HANGUL.search(korean) or "/" in korean or "," in korean:
            problems.append(f"docs/glossary.md:{n}: '{english}' needs exactly one Korean term, found '{korean}'")
        if not re.fullmatch(r"\d\d-[a-z0-9-]+", notebook):
            problems.append(f"docs/glossary.md:{n}: '{english}': notebook column '{notebook}' is not NN-name")
        t = Term(english, forms, korean, notebook, n)
        t.patterns = [form_pattern(f) for f in forms]
        terms.append(t)
    if not terms:
        problems.append("docs/glossary.md: no | English | Korean | notebook | rows found")
    seen_ko, seen_form = {}, {}
    for t in terms:
        if t.korean in seen_ko:
            problems.append(f"docs/glossary.md:{t.row}: Korean '{t.korean}' is listed for two concepts: "
                            f"'{seen_ko[t.korean].english}' (line {seen_ko[t.korean].row}) and '{t.english}'")
        seen_ko.setdefault(t.korean, t)
        for f in t.forms:
            key = f.lower()
            if key in seen_form and seen_form[key] is not t:
                problems.append(f"docs/glossary.md:{t.row}: English '{f}' is in two rows: "
                                f"line {seen_form[key].row} and line {t.row}")
            seen_form.setdefault(key, t)
    return terms, problems


def prose(line):
    return NOT_PROSE.sub(" ", line)


def uses(line, terms):
    """(start, end, term) of every glossary term in a prose line, the longest match winning overlaps."""
    found = [(m.start(), m.end(), t) for t in terms for p in t.patterns for m in p.finditer(line)]
    found.sort(key=lambda s: (s[0] - s[1], s[0]))
    taken, kept = [], []
    for s, e, t in found:
        if all(e <= a or s >= b for a, b in taken):
            taken.append((s, e))
            kept.append((s, e, t))
    return sorted(kept, key=lambda s: s[0])


def gloss_items(line, start, end, term, terms):
    """The items of the parenthesis beside a use: right after it ("term (한국어)", "**term** (한국어)"),
    or around it ("(term, 한국어)"); None if there is none. A parenthesis after the term that names
    another glossary term as an item ("weights (gradient check, 기울기 확인)") glosses that one, and a
    parenthesis right after another term is that term's ("binary cross-entropy (…, log loss)")."""
    after = re.compile(r"[*_\s]*\(([^()\n]*)\)")
    m = after.match(line, end)
    if m:
        items = [i.strip(" *_") for i in m.group(1).split(",")]
        if not any(p.fullmatch(i) for i in items for t in terms if t is not term for p in t.patterns):
            return items
    for m in PAREN.finditer(line):
        if m.start() < start and end <= m.end():
            items = [i.strip(" *_") for i in m.group(1).split(",")]
            if any(p.fullmatch(i) for i in items for p in term.patterns):
                return items
            # "(이진 교차 엔트로피, log loss)" right after "binary cross-entropy" glosses that, not "loss"
            if any(after.match(line, e) and after.match(line, e).start(1) == m.start(1)
                   for s, e, t in uses(line, terms) if t is not term):
                return None
            return items
    return None


def hangul_items(items):
    return [i for i in items or [] if HANGUL.search(i)]


def glosses(items, korean):
    """The Hangul of a parenthesis glosses the term as `korean`: every Hangul item contains it as written
    ("자동 특징 추출" glosses feature extraction as 특징 추출; "지역 최솟값" is not 국소 최솟값)."""
    ko = hangul_items(items)
    return bool(ko) and all(korean in k for k in ko)


def blocks(source):
    """The prose of a markdown cell: each heading, list item or table row alone, the lines of a paragraph
    joined (a term and its gloss may sit on two source lines); fenced code and indented code left out."""
    out, para, fenced = [], [], False
    def flush():
        if para:
            out.append(" ".join(para))
            para.clear()
    for raw in source.splitlines():
        if raw.lstrip().startswith(("```", "~~~")):
            flush()
            fenced = not fenced
            continue
        if fenced or raw.startswith("    ") and not para:
            continue
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith(("#", "|", "* ", "- ", "> ")) or re.match(r"\d+\.\s", line):
            flush()
            para.append(line)
        else:
            para.append(line)
    flush()
    return [prose(b) for b in out]


def markdown_lines(cells):
    """(cell index, block) of every markdown prose block."""
    for i, (kind, source) in enumerate(cells):
        if kind == "markdown":
            for block in blocks(source):
                yield i, block


def first_uses(terms, lectures):
    """English term → (notebook stem, cell index, block, the words used, glossed?) of its first use."""
    first = {}
    for stem, cells in lectures:
        for i, line in markdown_lines(cells):
            heading = line.lstrip().startswith("#")
            for s, e, t in uses(line, terms):
                items = gloss_items(line, s, e, t, terms)
                if t.english in first or (heading and not hangul_items(items)):
                    continue
                first[t.english] = (stem, i, line.strip(), line[s:e], glosses(items, t.korean))
    return first


def update_notebook_column(glossary_text, lectures):
    """The glossary with each row's notebook column set to the notebook of the term's first use (where
    that use is glossed; a pending row whose notebook is absent and not yet reached keeps its column),
    and the rows in notebook order."""
    terms, _ = parse_glossary(glossary_text)
    first = first_uses(terms, lectures)
    present = {stem[:2] for stem, _ in lectures}
    lines = glossary_text.splitlines(keepends=True)
    for t in terms:
        pending = t.notebook[:2] not in present and t.english in first and first[t.english][0][:2] > t.notebook[:2]
        if t.english in first and first[t.english][4] and not pending:
            head, _, tail = lines[t.row - 1].rstrip("\n").rstrip().rstrip("|").rpartition("|")
            lines[t.row - 1] = f"{head}| {first[t.english][0]} |\n"
    # rows in notebook order (stable), where the table's rows are
    rows = sorted(t.row - 1 for t in terms)
    ordered = sorted((lines[r] for r in rows), key=lambda l: l.rstrip().rstrip("|").rpartition("|")[2].strip()[:2])
    for r, l in zip(rows, ordered):
        lines[r] = l
    return "".join(lines)


def check(glossary_text, lectures, others=(), javadoc=()):
    """lectures: [(stem "NN-name", [(cell_type, source), …])] in notebook order; others: the same for
    notebooks checked only for consistent Korean (exercises); javadoc: [(label, text)].
    Returns (problems, notes)."""
    terms, problems = parse_glossary(glossary_text)
    notes = []
    present = {stem[:2]: stem for stem, _ in lectures}
    korean_terms = {t.korean for t in terms}
    first = first_uses(terms, lectures)
    for stem, cells in lectures:
        for i, line in markdown_lines(cells):
            for s, e, t in uses(line, terms):
                items = gloss_items(line, s, e, t, terms)
                ko = hangul_items(items)
                if ko and not glosses(items, t.korean):
                    problems.append(f"{stem} cell {i}: '{line[s:e]}' is glossed ({', '.join(ko)}); "
                                    f"the glossary's term is '{t.korean}' (docs/glossary.md:{t.row})")
        for i, (kind, source) in enumerate(cells):
            if kind != "markdown":
                continue
            for m in BOLD_GLOSS.finditer(source):
                en = (m.group(1) or m.group(3)).strip().strip("*").strip()
                if HANGUL.search(en) or "$" in en:
                    continue
                if not any(p.fullmatch(en) for t in terms for p in t.patterns):
                    problems.append(f"{stem} cell {i}: bold gloss '{m.group(0)}': '{en}' is not in docs/glossary.md")
    for t in terms:
        nn = t.notebook[:2]
        if nn not in present and (t.english not in first or first[t.english][0][:2] > nn):
            notes.append(f"pending: '{t.english}' ({t.korean}) is introduced by {t.notebook}, "
                         f"which is not in this checkout")
            continue
        if nn in present and present[nn] != t.notebook:
            problems.append(f"docs/glossary.md:{t.row}: '{t.english}': notebook {t.notebook} does not exist "
                            f"(notebook {nn} is {present[nn]})")
            continue
        if t.english not in first:
            problems.append(f"docs/glossary.md:{t.row}: '{t.english}' is used in no lecture's markdown")
            continue
        stem, i, line, used, glossed = first[t.english]
        if not glossed:
            problems.append(f"{stem} cell {i}: first use of '{t.english}' has no Korean beside it: "
                            f"write '{used} ({t.korean})' — in: {line[:200]}")
        if stem != t.notebook:
            problems.append(f"docs/glossary.md:{t.row}: '{t.english}' says {t.notebook}, but its first use "
                            f"is in {stem} (cell {i})")
    for stem, cells in others:
        for i, line in markdown_lines(cells):
            for s, e, t in uses(line, terms):
                items = gloss_items(line, s, e, t, terms)
                if hangul_items(items) and not glosses(items, t.korean):
                    ko = hangul_items(items)
                    problems.append(f"{stem} cell {i}: '{line[s:e]}' is glossed ({', '.join(ko)}); "
                                    f"the glossary's term is '{t.korean}' (docs/glossary.md:{t.row})")
    for label, text in javadoc:
        # one line per source line, but a comment's continuation lines joined on, so that a gloss
        # broken over two lines ("(BPTT, 시간\n * 역전파)") is read whole
        lines = [re.sub(r"^\s*(/\*\*|\*/|\*)?\s?", "", l) for l in text.splitlines()]
        for n, line in enumerate(lines, 1):
            if not HANGUL.search(line):
                continue
            plain = prose(" ".join(lines[n - 2:n + 1]) if n > 1 else " ".join(lines[:2]))
            lo = len(prose(lines[n - 2])) + 1 if n > 1 else 0
            hi = lo + len(prose(line))
            for s, e, t in uses(plain, terms):
                if not lo <= s < hi:
                    continue
                items = gloss_items(plain, s, e, t, terms)
                ko = hangul_items(items)
                if ko and not glosses(items, t.korean):
                    problems.append(f"{label}:{n}: '{plain[s:e]}' is glossed ({', '.join(ko)}); "
                                    f"the glossary's term is '{t.korean}' (docs/glossary.md:{t.row})")
            for m in PAREN.finditer(plain):
                if not HANGUL.search(plain[max(m.start(), lo):min(m.end(), hi)]):
                    continue
                for ko in hangul_items([i.strip(" *_") for i in m.group(1).split(",")]):
                    if ko not in korean_terms:
                        problems.append(f"{label}:{n}: Korean gloss '{ko}' is not a lecture concept of "
                                        f"docs/glossary.md (gloss only lecture concepts, or add the concept)")
    return problems, notes


def read_cells(path):
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return [(c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for c in nb["cells"]]


def repository(root):
    lectures = [(p.stem, read_cells(p)) for p in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb"))]
    others = [(str(p.relative_to(root)), read_cells(p))
              for p in sorted((root / "exercises" / "source").rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts]
    javadoc = [(str(p.relative_to(root)), p.read_text(encoding="utf-8"))
               for p in sorted((root / "lib" / "src" / "main" / "java").rglob("*.java"))]
    return (root / "docs" / "glossary.md").read_text(encoding="utf-8"), lectures, others, javadoc


SELF_GLOSSARY = """| English | Korean | notebook |
|---|---|---|
| gradient | 기울기 벡터 | 01-a |
| gradient descent | 경사하강법 | 01-a |
| local minimum / local minima | 국소 최솟값 | 02-b |
| stochastic gradient descent (SGD) | 확률적 경사하강법 | 02-b |
| perceptron | 퍼셉트론 | 03-new |
"""


def self_test():
    """The check on a tiny synthetic course: a good one passes, and each kind of bad input fails."""
    md = lambda s: ("markdown", s)
    good = [("01-a", [md("# 01 · Gradient descent\nWe follow **gradient descent (경사하강법)** along "
                         "the gradient (기울기 벡터) `gradient()`."), ("code", "gradient descent")]),
            ("02-b", [md("Gradient descent can stop in a **local minimum** (국소 최솟값); SGD "
                         "(확률적 경사하강법) too, and local minima are many.")])]
    problems, notes = check(SELF_GLOSSARY, good)
    assert problems == [], problems
    assert len(notes) == 1 and "perceptron" in notes[0], notes

    def fails(case, expected, glossary=SELF_GLOSSARY, lectures=good, javadoc=()):
        problems, _ = check(glossary, lectures, javadoc=javadoc)
        assert any(expected in p for p in problems), f"self-test '{case}': no '{expected}' in {problems}"

    unglossed = [("01-a", [md("Gradient descent (경사하강법) follows the gradient."),
                           md("The gradient (기울기 벡터) again.")]), good[1]]
    fails("first use without Korean", "01-a cell 0: first use of 'gradient' has no Korean", lectures=unglossed)
    other_ko = [good[0], ("02-b", [md("A **local minimum (지역 최솟값)** and SGD (확률적 경사하강법).")])]
    fails("a second Korean term", "02-b cell 0: 'local minimum' is glossed (지역 최솟값)", lectures=other_ko)
    unknown = [good[0], ("02-b", good[1][1] + [md("A **saddle point (안장점)** is flat.")])]
    fails("bold gloss not in the glossary", "02-b cell 1: bold gloss", lectures=unknown)
    fails("wrong notebook column", "'local minimum / local minima' says 01-a, but its first use is in 02-b",
          glossary=SELF_GLOSSARY.replace("국소 최솟값 | 02-b", "국소 최솟값 | 01-a"))
    fails("misnamed notebook", "notebook 02-c does not exist (notebook 02 is 02-b)",
          glossary=SELF_GLOSSARY.replace("국소 최솟값 | 02-b", "국소 최솟값 | 02-c"))
    fails("one Korean term for two concepts", "Korean '기울기 벡터' is listed for two concepts",
          glossary=SELF_GLOSSARY + "| slope | 기울기 벡터 | 01-a |\n")
    fails("a term no lecture uses", "'slope' is used in no lecture's markdown",
          glossary=SELF_GLOSSARY + "| slope | 기울기 | 01-a |\n")
    fails("javadoc gloss of a non-concept", "A.java:1: Korean gloss '범례' is not a lecture concept",
          javadoc=[("A.java", "/** Where the legend (범례) goes. */")])
    fails("javadoc with a second Korean term", "A.java:1: 'local minimum' is glossed (지역 최솟값)",
          javadoc=[("A.java", "/** A local minimum (지역 최솟값). */")])
    pending_used_early = [("01-a", good[0][1] + [md("A perceptron (퍼셉트론) is ...")]), good[1]]
    problems, notes = check(SELF_GLOSSARY, pending_used_early)
    assert any("'perceptron' says 03-new, but its first use is in 01-a" in p for p in problems), problems
    problems, notes = check(SELF_GLOSSARY, good + [("04-c", [md("A perceptron is ...")])])
    assert problems == [] and any("pending: 'perceptron'" in n for n in notes), (problems, notes)
    owners = ("| English | Korean | notebook |\n|---|---|---|\n| loss | 손실 | 01-a |\n"
              "| binary cross-entropy | 이진 교차 엔트로피 | 01-a |\n| gradient check | 기울기 확인 | 01-a |\n"
              "| weight | 가중치 | 01-a |\n")
    problems, _ = check(owners, [("01-a", [md("A loss (손실) and the weights (가중치); **binary cross-entropy "
                                              "(이진 교차 엔트로피, log loss)**; the same weights (gradient check, "
                                              "기울기 확인).")])])
    assert problems == [], problems
    moved = SELF_GLOSSARY.replace("국소 최솟값 | 02-b", "국소 최솟값 | 01-a")
    assert update_notebook_column(moved, good) == SELF_GLOSSARY, update_notebook_column(moved, good)
    shuffled = SELF_GLOSSARY.replace("| gradient descent | 경사하강법 | 01-a |\n", "") + "| gradient descent | 경사하강법 | 01-a |\n"
    assert update_notebook_column(shuffled, good).splitlines()[3] == "| gradient descent | 경사하강법 | 01-a |"
    return 14


def main():
    n = self_test()
    print(f"check_glossary self-test: {n} synthetic cases behave")
    if "--self-test" in sys.argv:
        return 0
    glossary, lectures, others, javadoc = repository(ROOT)
    if "--update-notebook-column" in sys.argv:
        updated = update_notebook_column(glossary, lectures)
        (ROOT / "docs" / "glossary.md").write_text(updated, encoding="utf-8")
        print("docs/glossary.md: notebook column set to each glossed term's first use"
              + ("" if updated != glossary else " (no change)"))
        glossary = updated
    problems, notes = check(glossary, lectures, others, javadoc)
    for note in notes:
        print(note)
    for p in problems:
        print("GLOSSARY:", p)
    n_terms = len(parse_glossary(glossary)[0])
    sources = ["docs/glossary.md"] + [s for s, _ in lectures] + [s for s, _ in others] + [s for s, _ in javadoc]
    failed = {s for s in sources for p in problems if p.startswith((s + " ", s + ":"))}
    print(f"glossary ({n_terms} terms; {len(lectures)} lectures, {len(others)} exercise notebooks, "
          f"{len(javadoc)} library sources): {len(sources) - len(failed)} passed, {len(failed)} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
