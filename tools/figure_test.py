"""Figure test: every figure of every executed notebook, drawn in headless Chromium with every
non-local request blocked, once from the HTML export (build/notebooks/html/) and once in JupyterLab
(the executed, untrusted notebook in build/notebooks/executed/, 1280-px wide window with the file
browser open, JupyterLab's default settings).

A figure is the graph div plotly.js draws (`.js-plotly-plot`), so the test does not care how the
figure was built. Each figure FAILS on
  - no drawn trace (no trace with any geometry in the SVG, or no 3-D trace in a WebGL scene);
  - no title;
  - an unlabelled visible axis. Rule: every visible 2-D axis and every visible 3-D scene axis
    carries a title. An axis that draws nothing (visible: false, e.g. image panels, or no tick
    labels, line, grid or zero line) needs none. In a grid of panels an x axis counts as labelled
    when a titled x axis with the same horizontal domain sits below it (a column labelled once, at
    the bottom), a y axis when a titled y axis with the same vertical domain sits to its left, and
    any axis that `matches` a titled axis;
  - a legend box (its background rect) intersecting an animation control (updatemenu buttons,
    slider rail, grip, ticks, tick labels and current-value label; DOM bounding boxes);
  - an animation (a figure with frames) without a Play button, or whose drawn frame does not change
    within 3 s of pressing Play (the SVG paths/points, for 3-D scenes the trace data);
  - a blank screenshot (fewer than 8 colours);
  - taller than a 1280 x 720 screen (700 px);
  - raw TeX-style subscripts or commands in its text ("x_k", "h_{t}", "\\frac{");
  - any text drawn smaller than 14 px (tick labels, legend, contour labels, annotations);
  - two legend series that only colour tells apart (same dash, marker and pattern) closer than CIELAB ΔE 15
    under simulated protanopia, deuteranopia or tritanopia (tools/colour_check.py);
  - a legend name drawn in another colour than in an earlier figure of the notebook (one series, one colour);
  - overlapping text: two of the tick labels, axis titles, the figure title, colour-bar titles and tick
    labels, annotations and the legend's box drawn over each other (bounding boxes measured in the page,
    a text's box being its glyph band, the middle 56 % of its line box), e.g. the first x and the lowest
    y tick label where the axes meet;
  - a colour bar without a title;
  - no text alternative just before it (WCAG 1.1.1; dl.plot.FigureText): the output before the figure's (or before
    an animated figure's keyboard controls, .dl-anim) must hold a .dl-figure-text whose <details> has a <summary>
    with a sentence after "Data of the figure “…”:" and a data table of at least one row;
  - in JupyterLab, a dialog or pop-up over the notebook (a kernel chooser, an update or news pop-up);
and WARNS (does not fail) on text labels drawn on the data overlapping (pairs of `.textpoint`
boxes overlapping by over 20 %, warned from 5 pairs), animation controls overlapping each other,
and a legend on a colour bar. In JupyterLab the figure must also be drawn at all (every Plotly
output of the notebook appears as a drawn plot while scrolling through it).

One PNG per figure and view: build/figures/<notebook>/fig-NN-html.png and fig-NN-lab.png (element
screenshots taken before Play is pressed), listed in build/figures/index.html with the notebook,
figure number, title and verdict.

The checker tests itself first: the fixture figures of tools/testdata/figure-fixtures.json (each
names the verdict it must get; each comes after a text alternative unless it says otherwise) are written,
in output areas as nbconvert and JupyterLab lay them out, into an export-like HTML page and a notebook in
build/figures/selftest/ and must get exactly their verdicts, in both views; in JupyterLab the first
fixture is opened once more under JupyterLab's Rename dialog (from its File menu, as a user opens it)
and must fail for the dialog, and only for it. A Korean figure must
render real glyphs (no tofu) with the fonts installed by tools/setup.sh --test.

    python tools/figure_test.py [--notebooks 03,10] [--html-only | --lab-only] [--no-self-test] [--build-dir DIR]

Prints one line per failure and a closing 'figure test: N passed, N failed' (one item per figure
and view, plus the self-test and the Korean check). tools/browser_test.py runs it.
"""
import argparse
import base64
import html as htmllib
import importlib.util
import json
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import colour_check
import figure_js as js

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
FIGURES = BUILD / "figures"
EXECUTED = BUILD / "notebooks" / "executed"
EXPORTS = BUILD / "notebooks" / "html"
FIXTURES = ROOT / "tools" / "testdata" / "figure-fixtures.json"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
LAB_VIEWPORT = {"width": 1280, "height": 900}
HTML_VIEWPORT = {"width": 1280, "height": 900}
MAX_HEIGHT = 700   # px: no figure taller than a 1280 x 720 screen (a projector's, a laptop's) less its margins
TEXT_OVERLAP_WARN = 5       # overlapping label pairs from which a figure gets a warning
PLAY_WAIT_S = 3.0           # how long Play has to change the drawn frame
MIN_COLOURS = 8             # a screenshot with fewer distinct colours counts as blank
MIN_TEXT_PX = 14            # the smallest text a figure may draw (issue 25's floor for plot text)
KOREAN = "한국어 학습률"       # "Korean, learning rate": characters the course's Korean labels use


@dataclass
class Result:
    notebook: str
    view: str                 # "html" or "lab"
    number: int               # 1-based figure number in the notebook
    title: str
    failures: list = field(default_factory=list)
    series: list = field(default_factory=list)   # the legend's series: name, colour, dash, symbol, pattern
    warnings: list = field(default_factory=list)
    png: Path = None
    notes: list = field(default_factory=list)

    def name(self):
        return f"{self.notebook} figure {self.number} '{self.title or '(untitled)'}' [{self.view}]"


# --- what the notebook says it shows ------------------------------------------------------------

def expected_figures(notebook):
    """(cell index, title) of every Plotly output of an executed notebook, in order."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    figures = []
    for index, cell in enumerate(nb.get("cells", [])):
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            fig = out.get("data", {}).get(PLOTLY_MIME)
            if fig is not None:
                title = (fig.get("layout") or {}).get("title")
                title = title.get("text", "") if isinstance(title, dict) else (title or "")
                figures.append((index, plain(str(title))))
    return figures


def plain(text):
    """A figure's text as read: Plotly's <sup>/<sub> and other tags left out ("x<sup>2</sup>" reads "x2")."""
    return re.sub(r"<[^>]+>", "", text)


# --- one figure ---------------------------------------------------------------------------------

def check_figure(page, gd, result):
    """Measures one drawn figure (an element handle of its graph div), screenshots it and presses Play."""
    a = gd.evaluate(js.ANALYZE)
    result.title = plain(a["title"]) or result.title
    result.png.parent.mkdir(parents=True, exist_ok=True)
    page.mouse.move(0, 0)      # no hover effects (mode bar, hover labels) in the picture
    shot = steady_screenshot(gd, result.png)
    pixels = page.evaluate(js.COLOURS, "data:image/png;base64," + base64.b64encode(shot).decode())
    if pixels["colours"] < MIN_COLOURS:    # a busy machine may not have painted it yet: once more
        time.sleep(1.5)
        shot = steady_screenshot(gd, result.png)
        pixels = page.evaluate(js.COLOURS, "data:image/png;base64," + base64.b64encode(shot).decode())
    if pixels["colours"] < MIN_COLOURS:
        result.failures.append(f"blank screenshot ({pixels['colours']} colours, {pixels['width']}x{pixels['height']} px)")
    t = a["traces"]
    if t["drawn"] == 0:
        result.failures.append(f"no drawn trace ({t['declared']} traces, {t['visible']} visible, types "
                               f"{', '.join(t['types']) or 'none'})")
    if not a["title"]:
        result.failures.append("no title")
    # wider than the output area that holds it (JupyterLab at 1280 px with the file browser open): cut at the right
    clip = gd.evaluate("""el => {
        const out = el.closest('.jp-OutputArea-output') || el.parentElement;
        const svg = el.querySelector('svg.main-svg');
        const r = el.getBoundingClientRect(), o = out.getBoundingClientRect();
        const w = svg ? svg.getBoundingClientRect().width : r.width;
        return {fig: Math.round(w), room: Math.round(o.right - r.left), over: Math.round(r.left + w - o.right)};
    }""")
    if clip["over"] > 4:
        result.failures.append(f"cut at the right: {clip['fig']} px wide with {clip['room']} px of room")
    # taller than a 1280 x 720 screen (a projector, a laptop): the reader never sees it whole (issue 25)
    if a["height"] > MAX_HEIGHT:
        result.failures.append(f"taller than the screen: {a['height']} px (at most {MAX_HEIGHT}: split it or lay it out wider)")
    if a["unlabelled"]:
        result.failures.append("unlabelled axis: " + ", ".join(a["unlabelled"]))
    # TeX-style sub- and superscripts that Plotly prints as typed ("x_k", "x_{T−k}", "\\frac{"): write xₖ or <sub>
    raw = gd.evaluate(r"""el => Array.from(el.querySelectorAll('svg text')).map(t => t.textContent)
        .filter(s => /[A-Za-z\u0370-\u03ff)|]_(\{|[A-Za-z0-9\u0370-\u03ff])|\\[a-z]+\{|\^\{/.test(s))""")
    if raw:
        result.failures.append(f"raw subscript or TeX in the figure's text: {raw[0]!r}"
                               + (f" and {len(raw) - 1} more" if len(raw) > 1 else "") + " (write xₖ or x<sub>k</sub>)")
    small = a["smallestText"]
    if small and small["px"] < MIN_TEXT_PX - 0.05:
        result.failures.append(f"text below {MIN_TEXT_PX} px: '{small['text']}' at {small['px']:g} px (a room reads 14 px "
                               f"on a 1280-px screen)")
    result.series = a["series"]
    cvd = colour_check.colour_problem(a["series"])
    if cvd:
        result.failures.append(cvd)
    check_figure_text(gd, result)
    if a["untitledBars"]:
        result.failures.append(f"colour bar without a title ({a['untitledBars']}): name what its colours measure")
    if a["overlaps"]:
        shown = "; ".join(f"{o['a']} / {o['b']} ({o['px']} px²)" for o in a["overlaps"][:4])
        more = f" and {len(a['overlaps']) - 4} more" if len(a["overlaps"]) > 4 else ""
        result.failures.append(f"overlapping text: {shown}{more}")
    if a["legendControl"]:
        result.failures.append("legend intersects the animation controls: " + ", ".join(a["legendControl"]))
    if a["controlControl"]:
        result.warnings.append("animation controls overlap: " + "; ".join(a["controlControl"]))
    if a["legendColorbar"]:
        result.warnings.append("legend drawn on the colour bar")
    if a["textOverlaps"] >= TEXT_OVERLAP_WARN:
        result.warnings.append(f"{a['textOverlaps']} overlapping text-label pairs ({a['textLabels']} labels)")
    result.notes.append(f"{t['drawn']} drawn traces, {a['axes']} axes, {a['width']}x{a['height']} px"
                        + (f", {a['textOverlaps']} overlapping label pairs" if a["textOverlaps"] else ""))
    if a["frames"]:
        play_check(page, gd, a, result)
    return a


# The text alternative of a figure (dl.plot.FigureText): the output before the figure's, past an animated figure's
# keyboard controls (their own output, .dl-anim, between the two).
FIGURE_TEXT = r"""el => {
    const child = el.closest('.jp-OutputArea-child');
    if (!child) return {found: false, where: 'the figure is in no output area'};
    let s = child.previousElementSibling;
    while (s && s.querySelector('.dl-anim') && !s.querySelector('.dl-figure-text')) s = s.previousElementSibling;
    const t = s && s.querySelector('.dl-figure-text');
    if (!t) return {found: false, where: s ? 'the output before it is another' : 'it is its cell\'s first output'};
    const summary = t.querySelector('details > summary');
    const line = summary ? summary.textContent.replace(/\s+/g, ' ').trim() : '';
    const sentence = line.replace(/^Data of the figure(\s*“[^”]*”)?\s*:?/, '').trim();
    return {found: true, summary: !!summary, sentence, rows: t.querySelectorAll('details table tbody tr').length};
}"""


def check_figure_text(gd, result):
    """The figure's text alternative: a summary sentence and a data table of at least one row, just before it."""
    t = gd.evaluate(FIGURE_TEXT)
    if not t["found"]:
        result.failures.append(f"no text alternative just before the figure ({t['where']}): an output with "
                               f".dl-figure-text, its summary sentence and data table (dl.plot.FigureText)")
        return
    if not t["sentence"]:
        result.failures.append("text alternative without a summary sentence (<details><summary> after "
                               "'Data of the figure “…”:' is empty)")
    if t["rows"] < 1:
        result.failures.append("text alternative without a data table (no row in its <details>' table)")
    result.notes.append(f"text alternative: {len(t['sentence'])} characters, {t['rows']} table rows")


def steady_screenshot(gd, png):
    """An element screenshot, retaken while the element moved meanwhile (JupyterLab's windowed
    notebook re-lays out cells while it measures them, so a picture can catch the wrong place)."""
    shot = None
    for _ in range(4):
        gd.scroll_into_view_if_needed(timeout=10_000)
        time.sleep(0.3)
        before = gd.bounding_box()
        shot = gd.screenshot(path=str(png), animations="disabled", timeout=20_000)
        if gd.bounding_box() == before:
            break
    return shot


def play_check(page, gd, a, result):
    """Presses Play like a user (a real mouse click; if something covers the button, says so and
    clicks it through the DOM) and requires the drawn frame to change within PLAY_WAIT_S."""
    if not a["play"]:
        result.failures.append(f"animation ({a['frames']} frames) has no Play button")
        return
    button = gd.evaluate_handle(js.FIND_BUTTON, a["play"]).as_element()
    if button is None:
        result.failures.append(f"Play button '{a['play']}' is not drawn")
        return
    before = gd.evaluate(js.SIGNATURE)
    try:
        button.click(timeout=10_000)
    except Exception as e:  # noqa: BLE001 - covered or not clickable: report, then click it in the DOM
        first = str(e).splitlines()[0][:160]
        result.failures.append(f"Play button '{a['play']}' cannot be clicked by a user ({first})")
        button.evaluate(js.CLICK)
    deadline = time.time() + PLAY_WAIT_S
    after = before
    while time.time() < deadline:
        time.sleep(0.25)
        after = gd.evaluate(js.SIGNATURE)
        if after["svg"] != before["svg"] or (not before["svg"] and after["gl"] != before["gl"]):
            break
    svg_changed = after["svg"] != before["svg"]
    gl_changed = after["gl"] != before["gl"]
    if svg_changed or (not before["svg"] and gl_changed):
        result.notes.append(f"Play changed the drawn frame (slider {before['slider']} -> {after['slider']})")
    else:
        result.failures.append(f"Play '{a['play']}' does not change the drawn frame within {PLAY_WAIT_S:.0f} s "
                               f"({a['frames']} frames; slider {before['slider'] or '-'} -> {after['slider'] or '-'})")
    if a["pause"]:
        pause = gd.evaluate_handle(js.FIND_BUTTON, a["pause"]).as_element()
        if pause is not None:
            pause.evaluate(js.CLICK)


def wait_ready(gd, timeout_s=20):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if gd.evaluate(js.READY):
            return True
        time.sleep(0.2)
    return False


# --- the HTML export ----------------------------------------------------------------------------

def run_html(page, html_file, notebook, expected, outdir):
    """All figures of one HTML export, numbered in page order."""
    results = []
    page.goto(html_file.as_uri(), wait_until="load", timeout=120_000)
    deadline = time.time() + 60
    while time.time() < deadline:
        count = page.evaluate("() => document.querySelectorAll('.js-plotly-plot').length")
        if count >= len(expected):
            break
        time.sleep(0.3)
    plots = page.query_selector_all(".js-plotly-plot")
    for i in range(max(len(plots), len(expected))):
        title = expected[i][1] if i < len(expected) else ""
        r = Result(notebook, "html", i + 1, title, png=outdir / f"fig-{i + 1:02d}-html.png")
        results.append(r)
        if i >= len(plots):
            r.failures.append(f"not drawn: the notebook has {len(expected)} Plotly outputs, the export draws "
                              f"{len(plots)}")
            r.png = None
            continue
        if not wait_ready(plots[i]):
            r.failures.append("plotly.js did not finish drawing within 20 s")
            r.png = None
            continue
        try:
            check_figure(page, plots[i], r)
        except Exception as e:  # noqa: BLE001
            r.failures.append(f"checker error: {str(e).splitlines()[0][:200]}")
        if i >= len(expected):
            r.failures.append(f"extra plot: the notebook has only {len(expected)} Plotly outputs")
    return results


# --- JupyterLab ---------------------------------------------------------------------------------

SCROLLER = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer"


def run_lab(page, base, rel, notebook, expected, outdir, provoke=None):
    """Opens the notebook in JupyterLab and scrolls through it; each Plotly output is checked when
    its cell is attached (JupyterLab's default windowing attaches only the cells in view). `provoke`
    (the self-test's) is called with the page once the notebook is open, before the dialog check."""
    if not open_in_loaded_lab(page, base, rel):
        page.goto(f"{base}/lab/tree/{rel}?reset", timeout=120_000)
    page.wait_for_selector(f"{SCROLLER} .jp-Cell", timeout=120_000)
    ensure_file_browser(page)
    time.sleep(0.5)
    if provoke:
        provoke(page)
    # nothing may cover the notebook: no dialog (a kernel chooser, an update or news pop-up)
    dialog = page.evaluate("""() => { const d = document.querySelector('.jp-Dialog, .jp-toast-container .Toastify__toast');
        return d ? d.innerText.replace(/\\s+/g, ' ').slice(0, 120) : null; }""")
    by_cell = {}
    for number, (cell, title) in enumerate(expected, 1):
        by_cell.setdefault(cell, []).append((number, title))
    results = {}
    stalled_at, last_top = None, -1
    deadline = time.time() + 60 + 5 * len(expected)
    while len(results) < len(expected) and time.time() < deadline:
        cells = page.evaluate(f"""() => Array.from(document.querySelectorAll('{SCROLLER} .jp-Cell'))
            .map(c => [Number(c.getAttribute('data-windowed-list-index')),
                       c.querySelectorAll('.js-plotly-plot').length,
                       c.getBoundingClientRect().bottom > 0 && c.getBoundingClientRect().top < innerHeight])""")
        waiting = False
        for index, drawn, in_view in cells:
            todo = [n for n, _ in by_cell.get(index, []) if n not in results]
            if not todo:
                continue
            if drawn < len(by_cell[index]):
                waiting = waiting or in_view
                continue
            handles = page.query_selector_all(f"{SCROLLER} .jp-Cell[data-windowed-list-index='{index}'] .js-plotly-plot")
            for k, (number, title) in enumerate(by_cell[index]):
                if number in results:
                    continue
                r = Result(notebook, "lab", number, title, png=outdir / f"fig-{number:02d}-lab.png")
                results[number] = r
                if not wait_ready(handles[k]):
                    r.failures.append("not drawn in JupyterLab within 20 s")
                    r.png = None
                    continue
                try:
                    check_figure(page, handles[k], r)
                except Exception as e:  # noqa: BLE001
                    r.failures.append(f"checker error: {str(e).splitlines()[0][:200]}")
        if waiting:            # a figure in view is still being drawn: give it time before scrolling on
            if stalled_at is None:
                stalled_at = time.time()
            if time.time() - stalled_at < 20:
                time.sleep(0.3)
                continue
        stalled_at = None
        top = page.evaluate(f"""() => {{ const s = document.querySelector('{SCROLLER}');
            s.scrollTop += Math.round(0.8 * s.clientHeight); return s.scrollTop; }}""")
        if top == last_top:    # at the bottom: wait briefly for late outputs, then stop
            time.sleep(0.5)
            if page.evaluate(f"() => document.querySelector('{SCROLLER}').scrollTop") == top and not waiting:
                bottom_rounds = getattr(run_lab, "_bottom", 0) + 1
                run_lab._bottom = bottom_rounds
                if bottom_rounds > 6:
                    break
        else:
            run_lab._bottom = 0
        last_top = top
        time.sleep(0.15)
    run_lab._bottom = 0
    out = []
    for number, (cell, title) in enumerate(expected, 1):
        if number not in results:
            r = Result(notebook, "lab", number, title)
            r.failures.append(f"not drawn in JupyterLab (cell {cell + 1} never showed its plot)")
            results[number] = r
        out.append(results[number])
    if dialog:
        for r in out:
            r.failures.append(f"a dialog or pop-up covers the notebook in JupyterLab: '{dialog}'")
    return out


def open_in_loaded_lab(page, base, rel):
    """Opens `rel` in the JupyterLab already loaded in `page` (the server exposes the app as window.jupyterapp):
    closes every open tab, then opens the notebook with Lab's own 'docmanager:open' command, as a click in the file
    browser does. Loading Lab afresh for each notebook cost ~8 s of the machine's two cores each time. Returns
    False (the caller loads the page) when this page is not that Lab."""
    if not page.url.startswith(f"{base}/lab"):
        return False
    return page.evaluate("""async (path) => {
        const app = window.jupyterapp;
        if (!app) return false;
        await app.commands.execute('application:close-all');
        await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
        return true; }""", rel)


def ensure_file_browser(page):
    """The lecture set-up: the file browser open in the left sidebar."""
    opened = page.evaluate("() => { const f = document.querySelector('#filebrowser');"
                           " return !!f && f.getBoundingClientRect().width > 50; }")
    if not opened:
        tab = page.query_selector(".jp-SideBar.jp-mod-left [data-id='filebrowser']")
        if tab:
            tab.click()
            time.sleep(0.5)


def lab_layout(page):
    return page.evaluate("""() => { const f = document.querySelector('#filebrowser');
        const n = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
        return {browser: f ? Math.round(f.getBoundingClientRect().width) : 0,
                notebook: n ? Math.round(n.getBoundingClientRect().width) : 0}; }""")


def shutdown_sessions(base, token):
    """Shuts down the kernels JupyterLab started for the notebooks it opened (one JVM at a time)."""
    try:
        with urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=5) as r:
            sessions = json.load(r)
        for s in sessions:
            req = urllib.request.Request(f"{base}/api/sessions/{s['id']}?token={token}", method="DELETE")
            urllib.request.urlopen(req, timeout=10).close()
    except OSError:
        pass


# --- the checker's own tests ----------------------------------------------------------------------

def plotly_js():
    spec = importlib.util.find_spec("plotly")
    path = Path(spec.origin).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise FileNotFoundError(f"plotly.js not found at {path} (pip install plotly)")
    return path


def write_fixtures(outdir):
    """The fixture figures as an export-like HTML page and as an executed notebook."""
    fixtures = json.loads(FIXTURES.read_text(encoding="utf-8"))["fixtures"]
    outdir.mkdir(parents=True, exist_ok=True)
    parts = [f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>figure test fixtures</title>'
             f'<script src="{plotly_js().as_uri()}"></script></head><body>']
    cells = []
    for i, fx in enumerate(fixtures):
        text = fixture_text(fx)
        # a fixed width, as every course figure has (Style), that fits JupyterLab's output area
        fx["figure"].setdefault("layout", {}).setdefault("width", 800)
        fx["figure"]["layout"].setdefault("font", {"size": 14})   # the course's type size (Style), not plotly's 12
        fig = json.dumps(fx["figure"], ensure_ascii=False).replace("</", "<\\/")
        # each figure in an output area of its own, after its text alternative's, as nbconvert lays them out
        parts.append(f'<h2>{htmllib.escape(fx["name"])}</h2><div class="jp-OutputArea">'
                     + (f'<div class="jp-OutputArea-child"><div class="jp-OutputArea-output">{text}</div></div>'
                        if text else '')
                     + f'<div class="jp-OutputArea-child"><div class="jp-OutputArea-output">'
                     f'<div id="fx{i}" style="width:100%;height:'
                     f'{fx["figure"].get("layout", {}).get("height", 450)}px"></div><script>(function () {{'
                     f' var fig = {fig}; var el = document.getElementById("fx{i}");'
                     f' Plotly.newPlot(el, fig.data, fig.layout, fig.config || {{}}).then(function () {{'
                     f' if (fig.frames) Plotly.addFrames(el, fig.frames); }}); }})();</script></div></div></div>')
        outputs = [{"output_type": "display_data", "metadata": {}, "data": {"text/html": text, "text/plain": "text"}}
                   ] if text else []
        outputs.append({"output_type": "display_data", "metadata": {},
                        "data": {PLOTLY_MIME: fx["figure"], "text/plain": fx["name"]}})
        cells.append({"cell_type": "code", "execution_count": i + 1, "id": f"fx{i}", "metadata": {},
                      "source": f"// fixture: {fx['name']}", "outputs": outputs})
    parts.append("</body></html>")
    (outdir / "fixtures.html").write_text("\n".join(parts), encoding="utf-8")
    nb = {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
          "metadata": {"kernelspec": {"name": "java", "display_name": "Java (jjava)", "language": "java"},
                       "language_info": {"name": "java"}}}
    (outdir / "fixtures.ipynb").write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return fixtures


def fixture_text(fx):
    """The text alternative a fixture figure comes after: the fixture's own HTML, none ('figure_text': false), or one
    in dl.plot.FigureText's markup (a summary sentence and a table of the first series' points)."""
    given = fx.get("figure_text", True)
    if given is False:
        return ""
    if isinstance(given, str):
        return given
    title = fx["figure"].get("layout", {}).get("title", {}).get("text", "")
    traces = fx["figure"].get("data") or [{}]
    rows = "".join(f"<tr><td>{htmllib.escape(str(traces[0].get('name', 'series')))}</td><td>{x}</td><td>{y}</td></tr>"
                   for x, y in zip(traces[0].get("x") or [], traces[0].get("y") or [])) or "<tr><td>—</td></tr>"
    return (f'<div class="dl-figure-text"><details><summary><span>Data of the figure “{htmllib.escape(plain(title))}”:'
            f'</span> <span>the fixture “{htmllib.escape(fx["name"])}”.</span></summary><table><thead><tr><th>series</th>'
            f'<th>x</th><th>y</th></tr></thead><tbody>{rows}</tbody></table></details></div>')


def verdict_matches(fx, r):
    """A fixture's expectation: 'pass', or substrings each failure/warning list must contain."""
    want_fail = fx.get("fails", [])
    want_warn = fx.get("warns", [])
    problems = []
    for w in want_fail:
        if not any(w in f for f in r.failures):
            problems.append(f"expected a failure containing '{w}'")
    for w in want_warn:
        if not any(w in f for f in r.warnings):
            problems.append(f"expected a warning containing '{w}'")
    for f in r.failures:
        if not any(w in f for w in want_fail):
            problems.append(f"unexpected failure: {f}")
    return problems


def self_test(page, lab_base, html, results):
    """Runs the checker on the fixtures; returns a list of problems (empty: the checker works)."""
    outdir = FIGURES / "selftest"
    fixtures = write_fixtures(outdir)
    expected = [(i, fx["figure"].get("layout", {}).get("title", {}).get("text", "")) for i, fx in enumerate(fixtures)]
    problems = []
    views = []
    if html:
        views.append(("html", run_html(page, outdir / "fixtures.html", "selftest", expected, outdir)))
    if lab_base:
        views.append(("lab", run_lab(page, lab_base, "figures/selftest/fixtures.ipynb", "selftest", expected, outdir)))
    for view, rs in views:
        if len(rs) != len(fixtures):
            problems.append(f"[{view}] {len(rs)} figures found, {len(fixtures)} fixtures")
        for fx, r in zip(fixtures, rs):
            for p in verdict_matches(fx, r):
                problems.append(f"fixture '{fx['name']}' [{view}]: {p}")
        results.extend(rs)
    if lab_base:
        # a dialog over the notebook: JupyterLab's own Rename dialog, opened from its File menu
        fx = fixtures[0]
        nb = json.loads((outdir / "fixtures.ipynb").read_text(encoding="utf-8"))
        nb["cells"] = nb["cells"][:1]
        (outdir / "dialog.ipynb").write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        rs = run_lab(page, lab_base, "figures/selftest/dialog.ipynb", "selftest-dialog", expected[:1], outdir / "dialog",
                     provoke=open_rename_dialog)
        want = "a dialog or pop-up covers the notebook"
        for r in rs:
            if not any(want in f for f in r.failures):
                problems.append(f"dialog fixture [lab]: expected a failure containing '{want}' (fixture '{fx['name']}' "
                                f"under JupyterLab's Rename dialog), got {r.failures or 'none'}")
            for f in r.failures:
                if want not in f:
                    problems.append(f"dialog fixture [lab]: unexpected failure: {f}")
        results.extend(rs)
        page.keyboard.press("Escape")
    # one series, one colour: the notebook-wide check finds a name drawn in a second colour, and only that
    same = [{"name": "sgd", "colour": "#0072B2"}, {"name": "adam", "colour": "#56B4E9"}]
    found = colour_check.colour_conflicts([(1, same), (2, same), (3, [{"name": "sgd", "colour": "rgb(0, 114, 178)"}]),
                                           (4, [{"name": "sgd", "colour": "#E69F00"}])])
    if list(found) != [4] or len(found[4]) != 1 or "'sgd'" not in found[4][0]:
        problems.append(f"colour consistency: expected one conflict, 'sgd' in figure 4, got {found}")
    return problems


def open_rename_dialog(page):
    """Opens JupyterLab's Rename dialog from the File menu, as a user would, and waits until it shows."""
    page.click(".lm-MenuBar-itemLabel:text-is('File')", timeout=10_000)
    page.click(".lm-Menu-itemLabel:text-is('Rename Notebook…')", timeout=10_000)
    page.wait_for_selector(".jp-Dialog", timeout=10_000)


# --- Korean glyphs ------------------------------------------------------------------------------

def korean_check(page, outdir):
    """A small page with a Korean figure: the Hangul characters must draw as distinct glyphs in the
    font plotly.js uses (tofu draws them all as the same box). Returns a list of problems."""
    outdir.mkdir(parents=True, exist_ok=True)
    fig = {"data": [{"type": "scatter", "x": [0, 1, 2, 3], "y": [1.0, 0.5, 0.3, 0.2], "name": "손실 (loss)"}],
           "layout": {"title": {"text": "학습률 η = 0.1 — 손실 곡선 (learning rate, loss curve)"},
                      "xaxis": {"title": {"text": "반복 (iteration)"}},
                      "yaxis": {"title": {"text": "손실 (loss)"}}, "showlegend": True,
                      "width": 700, "height": 400}}
    page_file = outdir / "korean.html"
    page_file.write_text(f'<!DOCTYPE html><html><head><meta charset="utf-8"><script src="{plotly_js().as_uri()}">'
                         f'</script></head><body><div id="k"></div><script>Plotly.newPlot("k", '
                         f'{json.dumps(fig, ensure_ascii=False)}.data, {json.dumps(fig, ensure_ascii=False)}.layout);'
                         f'</script></body></html>', encoding="utf-8")
    page.goto(page_file.as_uri(), wait_until="load")
    page.wait_for_selector("#k .gtitle")
    page.locator("#k").screenshot(path=str(outdir / "korean.png"))
    problems = []
    font = page.evaluate("() => getComputedStyle(document.querySelector('#k .gtitle')).fontFamily")
    chars = [c for c in KOREAN if not c.isspace()]
    g = page.evaluate(js.GLYPHS, [font, chars])
    if g["distinct"] < len(set(chars)):
        problems.append(f"Korean renders as tofu: {len(set(chars))} different Hangul characters draw as "
                        f"{g['distinct']} distinct glyph(s) in '{font}' (install fonts-noto-cjk)")
    # the checker's own test: private-use characters have no glyph anywhere and must be caught
    pua = page.evaluate(js.GLYPHS, [font, ["\ue000", "\ue001", "\ue002"]])
    if pua["distinct"] != 1:
        problems.append(f"tofu check does not work: 3 private-use characters (no glyph) drew as {pua['distinct']}"
                        f" distinct pictures")
    fc = shutil.which("fc-list")
    if fc:
        ko = subprocess.run([fc, ":lang=ko", "family"], capture_output=True, text=True).stdout.strip()
        if not ko:
            problems.append("no font for Korean installed (fc-list :lang=ko is empty; apt-get install fonts-noto-cjk)")
    return problems


# --- index page ---------------------------------------------------------------------------------

def write_index(results, path):
    rows = []
    by_key = {}
    for r in results:
        by_key.setdefault((r.notebook, r.number), {})[r.view] = r
    for (nb, number), views in sorted(by_key.items()):
        title = next((v.title for v in views.values() if v.title), "")
        cells = []
        verdicts = []
        for view in ("html", "lab"):
            r = views.get(view)
            if r is None:
                cells.append("<td></td>")
                continue
            img = (f'<a href="{r.png.relative_to(path.parent)}"><img src="{r.png.relative_to(path.parent)}" '
                   f'loading="lazy" style="max-width:420px"></a>') if r.png and r.png.is_file() else "(no picture)"
            cells.append(f"<td>{img}</td>")
            verdicts += [f'<li class="fail">[{view}] {htmllib.escape(f)}</li>' for f in r.failures]
            verdicts += [f'<li class="warn">[{view}] {htmllib.escape(w)}</li>' for w in r.warnings]
        status = "fail" if any(v.failures for v in views.values()) else "ok"
        rows.append(f'<tr class="{status}"><td>{htmllib.escape(nb)}</td><td>{number}</td>'
                    f'<td>{htmllib.escape(title)}<ul>{"".join(verdicts)}</ul></td>{"".join(cells)}</tr>')
    failed = sum(1 for r in results if r.failures)
    path.write_text(
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Figures</title><style>'
        'body{font-family:sans-serif} td{vertical-align:top;border-bottom:1px solid #ccc;padding:4px}'
        'tr.fail td:first-child{border-left:6px solid #c00} tr.ok td:first-child{border-left:6px solid #2a2}'
        'li.fail{color:#c00} li.warn{color:#a60}</style></head><body>'
        f'<h1>Every figure, HTML export and JupyterLab</h1><p>{len(results)} figure views, {failed} failing.</p>'
        '<table><tr><th>notebook</th><th>#</th><th>title and verdict</th><th>HTML export</th>'
        '<th>JupyterLab (1280 px, file browser open)</th></tr>' + "\n".join(rows) + "</table></body></html>\n",
        encoding="utf-8")


# --- driver -------------------------------------------------------------------------------------

def use_build(build):
    """Reads the notebooks from, and writes the pictures to, another build folder than build/."""
    global BUILD, FIGURES, EXECUTED, EXPORTS
    BUILD, FIGURES = build, build / "figures"
    EXECUTED, EXPORTS = build / "notebooks" / "executed", build / "notebooks" / "html"


def select_notebooks(spec):
    names = sorted(p.name for p in EXECUTED.glob("*.ipynb"))
    if not spec:
        return names
    wanted = [s.strip() for s in spec.split(",") if s.strip()]
    chosen = [n for n in names if any(n == w or n.startswith(w) or n.startswith(w + "-") for w in wanted)]
    missing = [w for w in wanted if not any(n.startswith(w) for n in names)]
    if missing:
        raise SystemExit(f"no executed notebook matches {', '.join(missing)} in {EXECUTED} "
                         f"(run tools/run_notebooks.py first)")
    return chosen


def _log(line):
    print(line, flush=True)


def run(page, lab_base, lab_token, notebooks, html=True, lab=True, selftest=True, log=_log):
    """Runs everything on an open page (and a running JupyterLab at lab_base whose root dir is build/).
    Returns (results, checks): one Result per figure and view, and {check name: problems} for the
    checks that are not single figures (Korean glyphs, the checker's self-test)."""
    results, checks = [], {}
    started = time.time()
    if FIGURES.exists():
        for child in FIGURES.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
    FIGURES.mkdir(parents=True, exist_ok=True)
    k = korean_check(page, FIGURES / "korean")
    checks["Korean glyphs"] = k
    log(("FAIL " + "; ".join(k)) if k else "ok   Korean text draws real glyphs (build/figures/korean/korean.png)")
    if selftest:
        t0 = time.time()
        fixture_results = []
        p = self_test(page, lab_base if lab else None, html, fixture_results)
        checks["checker self-test"] = p
        for line in p:
            log(f"FAIL self-test: {line}")
        if not p:
            log(f"ok   self-test: all {len(fixture_results)} fixture figure views get exactly their expected "
                f"verdicts ({time.time() - t0:.1f} s)")
        if lab:
            shutdown_sessions(lab_base, lab_token)
    for name in notebooks:
        stem = Path(name).stem
        expected = expected_figures(EXECUTED / name)
        outdir = FIGURES / stem
        t0 = time.time()
        nb_results = []
        extra = ""
        if html:
            nb_results += run_html(page, (EXPORTS / name).with_suffix(".html"), stem, expected, outdir)
        if lab:
            nb_results += run_lab(page, lab_base, f"notebooks/executed/{name}", stem, expected, outdir)
            layout = lab_layout(page)
            extra = f"; Lab: file browser {layout['browser']} px, notebook {layout['notebook']} px wide"
            shutdown_sessions(lab_base, lab_token)
        for view in ("html", "lab"):   # one series, one colour: a legend name keeps its colour in the notebook
            views = [r for r in nb_results if r.view == view]
            conflicts = colour_check.colour_conflicts([(r.number, r.series) for r in views])
            for r in views:
                r.failures.extend(conflicts.get(r.number, []))
        for r in nb_results:
            for f in r.failures:
                log(f"FAIL {r.name()}: {f}")
            for w in r.warnings:
                log(f"warn {r.name()}: {w}")
        bad = sum(1 for r in nb_results if r.failures)
        log(f"{'ok  ' if not bad else 'FAIL'} {stem}: {len(expected)} figures, {len(nb_results) - bad} of "
            f"{len(nb_results)} views pass ({time.time() - t0:.1f} s{extra})", )
        results += nb_results
    write_index(results, FIGURES / "index.html")
    log(f"figures: {len(results)} figure views checked in {time.time() - started:.0f} s; "
        f"pictures: build/figures/index.html")
    return results, checks


def summary(results, checks, blocked):
    """Prints the closing line; items are the figure views plus the Korean check and the self-test."""
    external = sorted(set(blocked))
    print(f"requests to other hosts blocked: {len(external)}" + "".join(f"\n     {u}" for u in external[:10]))
    failed = sum(1 for r in results if r.failures) + sum(1 for p in checks.values() if p)
    passed = sum(1 for r in results if not r.failures) + sum(1 for p in checks.values() if not p)
    print(f"figure test: {passed} passed, {failed} failed")
    return 1 if failed else 0


def main(argv=None):
    from playwright.sync_api import sync_playwright
    from browser_test import launch_browser, new_context, free_port, start_lab, stop_lab

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebooks", help="comma-separated names or prefixes, e.g. 03,09 (default: all)")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--html-only", action="store_true", help="only the HTML exports")
    group.add_argument("--lab-only", action="store_true", help="only JupyterLab")
    parser.add_argument("--no-self-test", action="store_true", help="skip the checker's fixture test")
    parser.add_argument("--build-dir", type=Path, help="the build folder: executed notebooks and exports in its "
                        "notebooks/ (as tools/run_notebooks.py --build-dir DIR/notebooks writes them), pictures in "
                        "its figures/ (default build)")
    args = parser.parse_args(argv)
    if args.build_dir:
        use_build(args.build_dir.resolve())
    notebooks = select_notebooks(args.notebooks)
    html, lab = not args.lab_only, not args.html_only
    blocked = []
    with sync_playwright() as p:
        browser = launch_browser(p)
        page = new_context(browser, LAB_VIEWPORT, blocked).new_page()
        proc, base, token = None, None, None
        try:
            if lab:
                port, token = free_port(), secrets.token_hex(16)
                # the figures are saved outputs: opening a notebook starts no kernel (one JVM per notebook saved)
                proc = start_lab(BUILD, port, token, quiet=True, extra=["--LabServerApp.notebook_starts_kernel=False",
                                                                         "--LabApp.expose_app_in_browser=True"])
                base = f"http://127.0.0.1:{port}"
                page.goto(f"{base}/lab?token={token}", timeout=120_000)
            results, checks = run(page, base, token, notebooks, html=html, lab=lab,
                                  selftest=not args.no_self_test)
        finally:
            if proc:
                stop_lab(proc)
            browser.close()
    return summary(results, checks, blocked)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
