"""Assignment 5 (a5-experiment): one check per variant (issue 26), so that one wrong variant costs
one point, not the table's four (see tools/exercise_cases/__init__.py for what a case module holds)."""
from exercise_kit import cell, check, source

NAME = "a5-experiment"


def submissions():
    return {"mistakes": (f"{NAME}.ipynb", wrong_variants())}


def checks(run):
    shown = run.shown("mistakes", NAME)
    check("a5: dropout with p = 0.5 instead of 0.3 and the init variant left out: 2 of 4 (activation and batch "
          "norm), each failing variant named in its own check",
          run.score("mistakes", NAME) == "2" and "dropout's run is not the baseline with only this change" in shown
          and 'results has no entry "init"' in shown and "✓ activation is the baseline with exactly that one change" in shown
          and "✓ batchnorm is the baseline with exactly that one change" in shown,
          f"score {run.score('mistakes', NAME)!r}; {shown[-2000:]}")


def wrong_variants():
    """Dropout with the wrong p, the init variant missing; tanh and batch norm right."""
    nb = source(NAME)
    c = cell(nb, "table")
    c.source = c.source.replace("baseline().dropout(0.3)", "baseline().dropout(0.5)").replace(
        'results.put("init", train(baseline().init(Init.normal(0.01))));\n', "")
    return nb
