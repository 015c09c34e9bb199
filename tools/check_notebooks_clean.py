"""Committed notebooks carry no outputs (clean diffs): executed copies are build artifacts.
Also checks every notebook declares the course's Java kernel, and that no notebook (lectures,
student exercises and their sources) builds figures outside Tablesaw: no `PlotlyFigure` and no raw
Plotly trace map (`Map.of("type", ...)`) in a code cell (docs/plotting.md shows the Tablesaw way), and that no
lecture's code line is longer than CODE_WIDTH characters (a longer one wraps back to column 0 on a 1280 x 720
slide, even at the code's smallest type).

    python tools/check_notebooks_clean.py [--fix]
"""
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
RAW_PLOTLY = re.compile(r"PlotlyFigure|Map\.of\(\s*\"type\"")
CODE_WIDTH = 110


def main():
    fix = "--fix" in sys.argv
    problems = []
    notebooks = sorted(p for d in ("notebooks", "exercises/source") for p in (ROOT / d).rglob("*.ipynb")
                       if ".ipynb_checkpoints" not in p.parts)
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        rel = path.relative_to(ROOT)
        dirty = [i + 1 for i, c in enumerate(nb.cells)
                 if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]
        if dirty:
            if fix:
                for c in nb.cells:
                    if c.cell_type == "code":
                        c.outputs, c.execution_count = [], None
                nbformat.write(nb, path)
                print(f"cleared outputs of {rel}")
            else:
                problems.append(f"{rel}: cells {dirty} have outputs or execution counts "
                                f"(clear them: python tools/check_notebooks_clean.py --fix)")
        raw = [i + 1 for i, c in enumerate(nb.cells) if c.cell_type == "code" and RAW_PLOTLY.search(c.source)]
        if raw:
            problems.append(f"{rel}: cells {raw} build a figure with PlotlyFigure or a raw Plotly map "
                            f"(use Tablesaw and dl.plot, see docs/plotting.md)")
        if path.parent == ROOT / "notebooks" and path.name[:1].isdigit():   # a lecture: it becomes a deck
            long = [f"cell {i + 1} line {k + 1} ({len(line)})" for i, c in enumerate(nb.cells) if c.cell_type == "code"
                    for k, line in enumerate(c.source.splitlines()) if len(line) > CODE_WIDTH]
            if long:
                problems.append(f"{rel}: {len(long)} code line(s) longer than {CODE_WIDTH} characters, which wrap on a"
                                f" slide: {', '.join(long[:5])}{' …' if len(long) > 5 else ''}")
        if nb.metadata.get("kernelspec", {}).get("name") != "java":
            problems.append(f"{rel}: kernelspec is not 'java'")
    for p in problems:
        print(f"FAIL {p}")
    print(f"notebook hygiene: {len(notebooks) - len({p.split(':')[0] for p in problems})} passed, "
          f"{len({p.split(':')[0] for p in problems})} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
