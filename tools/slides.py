"""Writes slide metadata (`slideshow.slide_type`) into every lecture notebook, from its structure, so
that each lecture presents as a deck: in JupyterLab ("Render as slideshow", jupyterlab-rise) and as the
static reveal.js deck of the course site (tools/course_site.py).

The rules, applied to the cells in order:

* a markdown cell that opens with a `#` or `##` heading starts a slide; `###` (or deeper) a sub-slide;
* a markdown cell without a heading and longer than LONG_PROSE words becomes speaker notes (the
  lecturer says it; the slide keeps the code and its figure);
* a shorter markdown cell without a heading that follows a code cell starts a sub-slide: it discusses
  the code that comes next (the notebooks' rhythm is prose -> small code cell -> figure); one that
  follows prose on the same slide is a fragment (it appears on the next click);
* a code cell sits on the slide that discusses it (`-`), with its output; a code cell whose discussion
  went to the notes after another code cell starts a sub-slide, and so does a code cell that follows
  another code cell when the slide would then hold more than SLIDE_CODE_LINES lines of code (with their
  outputs and figures they would not fit a 1280 x 720 slide), and so does a code cell below more than
  PROSE_WITH_CODE words of prose (tables, lists and display formulas weigh more);
* a markdown cell that shows a diagram (`![…](figures/…)`) starts a sub-slide (a slide if it opens with `#`/`##`),
  and the code cell after it starts the next one: a diagram fills a slide;
* a set-up code cell (only imports, comments or blank lines) and an empty cell are skipped.

The notebook's metadata gets RISE's settings (RISE below): the "white" theme, offline.

The result depends only on the cells' text and order: running it twice changes nothing. Other cell
metadata is kept; the JSON layout is the repository's (indent 1, UTF-8, trailing newline).

    python tools/slides.py            # write the metadata (prints which notebooks changed)
    python tools/slides.py --check    # exit 1 if a lecture notebook lacks slide metadata
    python tools/slides.py NOTEBOOK...
"""
import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SLIDE_TYPES = {"slide", "subslide", "fragment", "skip", "notes", "-"}
LONG_PROSE = 120  # words: prose (without a heading) longer than this becomes speaker notes
SLIDE_CODE_LINES = 16  # lines of code on one slide, at most, when a code cell follows a code cell
PROSE_WITH_CODE = 55  # words of prose (a table row, a list item or a display formula counts as 12) above which
                      # the code cell that follows moves to a sub-slide of its own: prose + code + a figure
                      # or table no longer fit 1280 x 720
HEADING = re.compile(r"^(#{1,6})\s")
DIAGRAM = re.compile(r"!\[[^\]]*\]\(figures/[^)]+\)")
SETUP_LINE = re.compile(r"^\s*(import\s+(static\s+)?[\w.*]+\s*;|//.*|%.*|)\s*$")


def lecture_notebooks():
    """The numbered lecture notebooks (notebooks/NN-*.ipynb)."""
    return sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def source(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def is_setup(code):
    """Only imports, comments and blank lines: nothing to show on a slide."""
    return all(SETUP_LINE.match(line) for line in code.splitlines())


def prose_weight(text):
    """Words of a markdown cell, a table row, list item or display-formula line counting as 12 (they take a line each)."""
    weight = 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|") or stripped.startswith("$$") or re.match(r"^([-*]|\d+\.)\s", stripped):
            weight += max(12, len(stripped.split()))
        else:
            weight += len(stripped.split())
    return weight


def slide_types(cells):
    """The slide type of each cell, by the rules in the module docstring."""
    types = []
    previous = None  # kind of the last cell shown on a slide: "markdown" or "code"
    code_lines = 0  # lines of code on the current (sub-)slide
    prose = 0  # weight of the prose on the current (sub-)slide
    diagram = False  # the current (sub-)slide shows a diagram
    for i, cell in enumerate(cells):
        text = source(cell).strip()
        kind = cell.get("cell_type")
        if i == 0:
            t = "slide"
        elif not text or kind == "raw":
            t = "skip"
        elif kind == "markdown":
            heading = HEADING.match(text.splitlines()[0])
            if heading:
                t = "slide" if len(heading.group(1)) <= 2 else "subslide"
            elif DIAGRAM.search(text):
                t = "subslide"
            elif len(text.split()) > LONG_PROSE:
                t = "notes"
            elif previous == "code" or previous is None:
                t = "subslide"
            else:
                t = "fragment"
        elif kind == "code":
            if is_setup(text):
                t = "skip"
            elif diagram:
                t = "subslide"  # the diagram above fills its slide
            elif previous == "code" and types and types[-1] == "notes":
                t = "subslide"  # the prose between two code cells went to the notes: a new step
            elif previous == "code" and code_lines + len(text.splitlines()) > SLIDE_CODE_LINES:
                t = "subslide"  # two code cells and their outputs would not fit one slide
            elif previous == "markdown" and prose > PROSE_WITH_CODE:
                t = "subslide"  # long prose above: the code and its output get a slide of their own
            else:
                t = "-"
        else:
            t = "skip"
        types.append(t)
        if t in ("slide", "subslide"):
            code_lines = 0
            prose = 0
            diagram = False
        if kind == "markdown" and t not in ("skip", "notes") and DIAGRAM.search(text):
            diagram = True
        if kind == "markdown" and t not in ("skip", "notes"):
            prose += prose_weight(text)
        if kind == "code" and t not in ("skip", "notes"):
            code_lines += len(text.splitlines())
        if t not in ("skip", "notes"):
            previous = kind
    return types


# RISE's settings for every lecture (notebook metadata "rise", read by jupyterlab-rise): reveal.js's "white"
# theme, whose font ships with RISE (its default theme, "simple", asks fonts.googleapis.com for its fonts);
# a slide taller than the screen scrolls instead of being cut off.
RISE = {"theme": "white", "transition": "none", "scroll": True}


def apply(nb):
    """Sets slideshow.slide_type on every cell and RISE's settings; returns True if anything changed."""
    changed = False
    rise = nb.setdefault("metadata", {}).get("rise")
    if not isinstance(rise, dict) or any(rise.get(k) != v for k, v in RISE.items()):
        nb["metadata"]["rise"] = {**(rise if isinstance(rise, dict) else {}), **RISE}
        changed = True
    for cell, t in zip(nb["cells"], slide_types(nb["cells"])):
        meta = cell.setdefault("metadata", {})
        show = meta.get("slideshow")
        if not isinstance(show, dict) or show.get("slide_type") != t:
            meta["slideshow"] = {**(show if isinstance(show, dict) else {}), "slide_type": t}
            changed = True
    return changed


def problems(nb):
    """What makes a notebook not present as a deck (empty list if it does)."""
    found = []
    for i, cell in enumerate(nb["cells"]):
        t = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
        if t is None:
            found.append(f"cell {i + 1} has no slideshow.slide_type")
        elif t not in SLIDE_TYPES:
            found.append(f"cell {i + 1} has slide_type {t!r}, not one of {sorted(SLIDE_TYPES)}")
    if nb["cells"] and nb["cells"][0].get("metadata", {}).get("slideshow", {}).get("slide_type") != "slide":
        found.append("the first cell does not start a slide")
    rise = nb.get("metadata", {}).get("rise")
    if not isinstance(rise, dict) or any(rise.get(k) != v for k, v in RISE.items()):
        found.append(f"notebook metadata rise is {rise!r}, not {RISE!r} (RISE's default theme fetches web fonts)")
    return found


def write(path, nb):
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if metadata is missing")
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args()
    paths = [p.resolve() for p in args.notebooks] or lecture_notebooks()
    if not paths:
        print("no lecture notebooks found under notebooks/", file=sys.stderr)
        return 1
    failed = 0
    for path in paths:
        nb = json.loads(path.read_text(encoding="utf-8"))
        if args.check:
            found = problems(nb)
            if found:
                failed += 1
                print(f"FAIL {path.name}: {found[0]}" + (f" (and {len(found) - 1} more)" if len(found) > 1 else "")
                      + " — run: python tools/slides.py")
            else:
                print(f"ok   {path.name}")
        elif apply(nb):
            write(path, nb)
            print(f"wrote slide metadata: {path.name}")
    if args.check:
        print(f"slide metadata: {len(paths) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
