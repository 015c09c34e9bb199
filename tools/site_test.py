"""Site test: the course site (build/site, tools/course_site.py) in headless Chromium, offline.

1. every internal link and asset reference of every page resolves to a file of the site;
2. every page (home, glossary, lectures, exercises, decks, the javadoc index and a few of the class
   pages the lectures link) opens from file:// with every request to another host blocked, and fails on: a
   blocked request, a local file that is missing, a script error, a "Math Processing Error" (or
   MathJax error node), a formula left as raw $…$, a plot that is not drawn, a WCAG 2.1 A/AA violation that
   axe-core (npm, pinned) finds (decks: in reveal.js's print view, every slide laid out at once, one axe run per
   deck, each violation named with its slides' numbers, and a probe on the last slide that axe must report; the JDK's
   javadoc pages are not ours and are not checked: docs/accessibility.md); a lecture, exercise or deck page
   whose <title> does not name it;
3. every slide of every deck, at a projector's 1280 x 720 with its fragments shown, must fit the slide box:
   no code block, output, plot, image, table, display formula or paragraph outside it, and no code or output
   line cut at its right edge (OVERFLOW; the deck template fits slides, then marks them data-fitted); and no
   text below the floors a room can read (FLOORS, measured in the browser with reveal.js's scale taken out:
   prose 24 px, code and printed output 16 px, plot text 14 px);
4. one deck (or several: --deck a,b) is stepped through slide by slide (every fragment): each slide must show
   content, its plots drawn at a visible size, and fit, with the deck's home link and slide number on screen and
   apart from the arrows, and its first slide pass axe-core in the deck's own view (the chrome: home link, slide
   number, arrows); a screenshot per slide goes to build/site-screenshots/;
   The Korean edition (ko/): every lecture, exercise and deck page in both languages links its twin; the Korean
   home page, the stepped deck's Korean lecture page and deck are checked as in 2 and 3;
5. three lectures at 390 px (a phone) and 768 px (a tablet): every figure, its title and its controls inside
   the screen (screenshots narrow-*.png); the home page and one lecture served by a static HTTP server on
   127.0.0.1 pass the same checks as in 2.

    python tools/site_test.py [--site build/site] [--deck 02-calculus-warm-up[,03-…]] [--decks-only] [--build]
"""
import argparse
import functools
import http.server
import html
import re
import shutil
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
from testkit import LOCAL_HOSTS, Check, launch_browser, offline  # noqa: E402  (counters, Chromium, offline)

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "site"
SHOTS = ROOT / "build" / "site-screenshots"
DEFAULT_DECK = "02-calculus-warm-up"
AXE_JS = ROOT / "tools" / "site" / "node_modules" / "axe-core" / "axe.min.js"   # npm, pinned in tools/site/package.json
AXE_RUN = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
      resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, nodes: v.nodes.length,
      example: v.nodes[0].target.join(' ') + ': ' + (v.nodes[0].failureSummary || '').split('\\n').slice(1, 2).join('').trim()}));
}"""


def axe_violations(page):
    """WCAG 2.1 A and AA violations that axe-core finds in the page as it is shown now: [(rule, count, example)]."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE_JS))
    return [(v["id"], v["nodes"], v["example"]) for v in page.evaluate(AXE_RUN)]
# a deck's every slide at once: reveal.js's print view lays them all out, one page each, fragments shown (as the
# site's PDFs are printed, tools/course_site.py); axe-core runs over it once, not once per slide (minutes)
DECK_PRINT_QUERY = "?print-pdf&pdfSeparateFragments=false&pdfMaxPagesPerSlide=1"
# axe must see the last slide: an image without a text alternative, put there before the run, must be reported on it
# (the print view draws every slide, but reveal.js leaves the hidden and aria-hidden="true" of its first layout on all
# but the first: axe skips aria-hidden content, so they are taken off first)
# a slide's number, as the deck shows it (slide number "c/t": every slide counted once, vertical ones too); the
# print view lays the slides out flat, in that order
SLIDE_OF = """const slideOf = s => Reveal.getSlides().indexOf(s) + 1;"""
AXE_PROBE = """() => {
  """ + SLIDE_OF + """
  document.querySelectorAll('.reveal .slides section').forEach(s => { s.removeAttribute('hidden'); s.removeAttribute('aria-hidden'); });
  const slides = Reveal.getSlides(), last = slides[slides.length - 1];
  const img = document.createElement('img');
  img.className = 'dl-axe-probe'; img.width = 8; img.height = 8;
  img.src = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
  last.appendChild(img);
  return slideOf(last);
}"""
# the WCAG 2.1 A/AA violations of a deck in print view, each element with the number of the slide it is on; the
# probe's own is marked
AXE_RUN_SLIDES = """async () => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
      resultTypes: ['violations']});
  """ + SLIDE_OF + """
  const at = t => t.length === 1 ? document.querySelector(t[0]) : null;
  const where = t => { const s = at(t) && at(t).closest('section'); return s ? slideOf(s) : null; };
  return r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => ({slide: where(n.target),
      probe: !!(at(n.target) && at(n.target).classList.contains('dl-axe-probe')),
      example: n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join('').trim()}))}));
}"""
DECK_VIEWPORT = {"width": 1280, "height": 720}  # a projector
# a deck that fits its slides to the slide box (tools/site/templates/course-slides) marks each slide when done
FITTED = """() => { const s = Reveal.getCurrentSlide();
    return !window.courseFitSlide || (s && s.dataset.fitted === 'yes'); }"""

# raw TeX left in the page's prose: text outside code, scripts and typeset formulas
UNRENDERED = r"""() => {
  const skip = new Set(['SCRIPT', 'STYLE', 'PRE', 'CODE', 'TEXTAREA', 'MJX-CONTAINER', 'NOSCRIPT']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {acceptNode(node) {
    for (let p = node.parentElement; p; p = p.parentElement) {
      if (skip.has(p.tagName) || p.classList.contains('jp-OutputArea-output') && p.querySelector('pre')) {
        return NodeFilter.FILTER_REJECT;
      }
    }
    return NodeFilter.FILTER_ACCEPT;
  }});
  const found = [];
  const tex = /\$\$[^$]+\$\$|(^|[^\\$])\$[^$\s][^$]*\$|\\\(|\\\[|\\begin\{/;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = n.textContent.match(tex);
    if (m) { found.push(n.textContent.trim().slice(0, 80)); }
  }
  return found;
}"""

MATH_ERRORS = """() => document.querySelectorAll('mjx-merror, [data-mjx-error]').length
    + (document.body.innerText.match(/Math Processing Error/g) || []).length"""

MATHJAX_DONE = """() => (window.MathJax && MathJax.startup && MathJax.startup.promise)
    ? MathJax.startup.promise.then(() => true) : !document.querySelector('script[src*="mathjax"]')"""

PLOTS = """(scope) => {
  const root = scope ? Reveal.getCurrentSlide() : document;
  const plots = Array.from(root.querySelectorAll('.dl-plot'));
  const drawn = plots.filter(el => el._fullLayout && el.querySelector('svg.main-svg')
      && (el.querySelectorAll('g.trace, g.hm image, g.contourlayer path').length > 0
          || el.querySelectorAll('canvas').length > 0
          || (el._fullData || []).length === 0));
  const sized = drawn.filter(el => el.getBoundingClientRect().width > 50 && el.getBoundingClientRect().height > 50);
  const missing = (document.body.innerText.match(/plotly\\.js is not loaded/g) || []).length;
  return {plots: plots.length, drawn: drawn.length, sized: sized.length, missing: missing};
}"""


# what of the current slide lies outside the slide box (the deck's width x height, as reveal.js scales it):
# code blocks, outputs, plots, images, tables, display formulas, prose; and code or output whose lines are
# cut at the right edge inside its own box (it scrolls sideways: scrollWidth > clientWidth)
OVERFLOW = r"""() => {
  const slide = Reveal.getCurrentSlide();
  const area = document.querySelector('.reveal .slides').getBoundingClientRect();
  const scale = Reveal.getScale ? Reveal.getScale() : 1;
  const tol = 2;
  const found = [];
  const name = el => (el.className && typeof el.className === 'string' ? el.tagName.toLowerCase() + '.'
      + el.className.trim().split(/\s+/)[0] : el.tagName.toLowerCase());
  const sel = '.jp-InputArea-editor, .jp-OutputArea-output, .dl-plot, img, table, '
      + 'mjx-container[display="true"], .jp-RenderedMarkdown p, .jp-RenderedMarkdown li, '
      + '.jp-RenderedMarkdown h1, .jp-RenderedMarkdown h2, .jp-RenderedMarkdown h3';
  for (const el of slide.querySelectorAll(sel)) {
    if (el.closest('.notes, aside')) { continue; }
    // a folded <details> (a figure's data table, a solution) shows only its summary: its content is not drawn
    const folded = el.closest('details:not([open])');
    if (folded && !el.closest('summary')) { continue; }
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) { continue; }
    const below = r.bottom - area.bottom, right = r.right - area.right, left = area.left - r.left;
    if (below > tol || right > tol || left > tol) {
      found.push(`${name(el)} ${below > tol ? Math.round(below / scale) + ' px below the slide' : ''}`
          + `${right > tol ? ' ' + Math.round(right / scale) + ' px right of the slide' : ''}`
          + `${left > tol ? ' ' + Math.round(left / scale) + ' px left of the slide' : ''}`);
      continue;
    }
    if (el.matches('.jp-InputArea-editor, .jp-OutputArea-output')) {
      for (const box of [el, ...el.querySelectorAll('pre')]) {
        const clipped = getComputedStyle(box).overflowX !== 'visible';
        // the box's own scale on screen: reveal.js's, times any zoom the deck's fit step gave the slide
        const own = box.offsetWidth ? box.getBoundingClientRect().width / box.offsetWidth : scale;
        const textRight = box.getBoundingClientRect().left + box.scrollWidth * own;
        if (clipped ? box.scrollWidth > box.clientWidth + tol : textRight > area.right + tol) {
          found.push(`${name(el)}: lines cut at the right edge (${box.scrollWidth} px of text in ${box.clientWidth} px)`);
          break;
        }
      }
    }
  }
  return found;
}"""


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs = []
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "a" and key == "src"):
                self.refs.append(a[key])


def broken_links(page, site):
    """Internal references of a page that point at no file of the site."""
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    broken = []
    for ref in parser.refs:
        parsed = urlparse(ref)
        if parsed.scheme or ref.startswith("//") or ref.startswith("#") or ref.startswith("data:"):
            continue  # links to other sites are allowed (they are never requested); same-page anchors
        target = (page.parent / unquote(parsed.path)).resolve()
        if not target.is_relative_to(site.resolve()):
            broken.append(f"{ref} (outside the site)")
        elif not target.exists():
            broken.append(ref)
    return broken


def title_problem(page_file, site):
    """A lecture's, exercise's or deck's <title> must name it ("04 · From the neuron … — course"), not
    nbconvert's default "Notebook" / "Notebook slides"; None when it does."""
    rel = page_file.relative_to(site)
    parts = rel.parts[1:] if rel.parts[0] == "ko" else rel.parts   # the Korean edition: the same rule
    if len(parts) < 2 or parts[0] not in ("lectures", "exercises", "slides"):
        return None
    m = re.search(r"<title>(.*?)</title>", page_file.read_text(encoding="utf-8"), re.S)
    title = html.unescape(m.group(1)).strip() if m else ""
    number = page_file.stem.split("-")[0]
    if not title or title.startswith("Notebook") or (parts[0] != "exercises" and not title.startswith(number + " ·")):
        return f"{rel}: page title {title!r} does not name the lecture (expected '{number} · …')"
    return None


def wait_plots_sized(page, timeout_s, pause_s):
    """The current slide's plot state, once every plot on it is drawn at a visible size (or timeout_s passed)."""
    deadline = time.time() + timeout_s
    while True:
        state = page.evaluate(PLOTS, True)
        if state["sized"] == state["plots"] or time.time() > deadline:
            return state
        time.sleep(pause_s)


def loaded_page_problems(page, events, plot_timeout):
    """After a page has loaded: waits for MathJax and (up to plot_timeout s) for its plots; returns the plot state
    and the problems every page is checked for (blocked requests and script errors in events, math errors,
    formulas left raw, plots not drawn, plotly.js missing)."""
    page.evaluate(MATHJAX_DONE)
    deadline = time.time() + plot_timeout
    while True:
        plots = page.evaluate(PLOTS, False)
        if plots["drawn"] == plots["plots"] or time.time() > deadline:
            break
        time.sleep(0.3)
    problems = [f"{kind}: {detail}" for kind, detail in events]
    errors = page.evaluate(MATH_ERRORS)
    if errors:
        problems.append(f"{errors} formulas with a Math Processing Error")
    raw = page.evaluate(UNRENDERED)
    if raw:
        problems.append(f"{len(raw)} unrendered formulas, e.g. {raw[0]!r}")
    if plots["drawn"] < plots["plots"]:
        problems.append(f"{plots['plots'] - plots['drawn']} of {plots['plots']} plots not drawn")
    if plots["missing"]:
        problems.append("a plot says plotly.js is not loaded")
    return plots, problems


def open_and_check(page, url, what, check, events, plot_timeout=60):
    """Loads one page and checks requests, script errors, formulas and plots."""
    events.clear()
    started = time.perf_counter()
    page.goto(url, wait_until="load", timeout=120_000)
    plots, problems = loaded_page_problems(page, events, plot_timeout)
    for rule, count, example in axe_violations(page):
        problems.append(f"accessibility (axe-core, WCAG 2.1 AA): {rule} on {count} elements, e.g. {example}")
    formulas = page.evaluate("() => document.querySelectorAll('mjx-container').length")
    summary = (f"{what}: {formulas} formulas, {plots['drawn']}/{plots['plots']} plots, no WCAG 2.1 AA violation found "
               f"by axe-core ({time.perf_counter() - started:.1f} s)") if not problems else \
        f"{what}: {formulas} formulas, {plots['drawn']}/{plots['plots']} plots ({time.perf_counter() - started:.1f} s)"
    if problems:
        check.fail(summary + " — " + "; ".join(problems[:4]) + (f" (+{len(problems) - 4} more)" if len(problems) > 4 else ""))
    else:
        check.ok(summary)


def check_deck_print_view(page, deck, site, check, events, plot_timeout=60):
    """A deck with every slide laid out (reveal.js's print view): requests, script errors, formulas and plots as
    for any page, and axe-core once over all slides, each violation named with its slides. A probe (an image
    without a text alternative on the last slide) must be reported, on that slide: axe saw every slide."""
    events.clear()
    started = time.perf_counter()
    what = str(deck.relative_to(site))
    page.goto(deck.as_uri() + DECK_PRINT_QUERY, wait_until="load", timeout=120_000)
    page.wait_for_function("() => window.Reveal && Reveal.isReady && Reveal.isReady() && Reveal.getSlides().length > 0"
                           " && document.querySelectorAll('.reveal .slides > .pdf-page').length"
                           " >= Reveal.getSlides().length", timeout=60_000)
    plots, problems = loaded_page_problems(page, events, plot_timeout)
    slides = page.evaluate("() => Reveal.getSlides().length")
    last = page.evaluate(AXE_PROBE)
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE_JS))
    probe_seen = False
    for v in page.evaluate(AXE_RUN_SLIDES):
        ours = [n for n in v["nodes"] if not n["probe"]]
        probe_seen = probe_seen or any(n["probe"] and n["slide"] == last for n in v["nodes"])
        if ours:
            on = sorted({n["slide"] for n in ours if n["slide"]})
            where = ", ".join(f"{k}/{slides}" for k in on[:6]) + (f" and {len(on) - 6} more" if len(on) > 6 else "")
            problems.append(f"accessibility (axe-core, WCAG 2.1 AA): {v['id']} on {len(ours)} elements on slide"
                            f"{'s' if len(on) != 1 else ''} {where or '(outside the slides)'}, e.g. {ours[0]['example']}")
    if not probe_seen:
        problems.append(f"axe-core did not report the probe on the last slide ({last}/{slides}): it did not see every slide")
    formulas = page.evaluate("() => document.querySelectorAll('mjx-container').length")
    took = f"{time.perf_counter() - started:.1f} s"
    summary = f"{what}: {slides} slides (print view), {formulas} formulas, {plots['drawn']}/{plots['plots']} plots"
    if problems:
        check.fail(f"{summary} ({took}) — " + "; ".join(problems[:4]) + (f" (+{len(problems) - 4} more)" if len(problems) > 4 else ""))
    else:
        check.ok(f"{summary}, no WCAG 2.1 AA violation found by axe-core on any slide ({took})")


# the deck's chrome: the home link, the slide number and reveal's arrows, each inside the window and apart
CHROME = """() => {
  const box = sel => { const e = document.querySelector(sel); if (!e) return null;
    const r = e.getBoundingClientRect(); return r.width ? {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom} : null; };
  const arrowBoxes = Array.from(document.querySelectorAll('.reveal .controls button')).map(e => e.getBoundingClientRect())
    .filter(r => r.width > 0);
  const arrows = arrowBoxes.length ? {x0: Math.min(...arrowBoxes.map(r => r.left)), y0: Math.min(...arrowBoxes.map(r => r.top)),
    x1: Math.max(...arrowBoxes.map(r => r.right)), y1: Math.max(...arrowBoxes.map(r => r.bottom))} : null;
  const parts = {home: box('.course-deck-home'), number: box('.reveal .slide-number'), arrows: arrows};
  const problems = [];
  for (const [name, r] of Object.entries(parts)) {
    if (!r) { problems.push(name + ' missing'); continue; }
    // (reveal's own down-arrow button reaches below the window by design: the arrows are only checked for overlap)
    if (name !== 'arrows' && (r.x0 < 0 || r.y0 < 0 || r.x1 > innerWidth || r.y1 > innerHeight))
      problems.push(name + ' outside the window');
  }
  const names = Object.keys(parts).filter(n => parts[n]);
  for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) {
    const a = parts[names[i]], b = parts[names[j]];
    if (Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1)
      problems.push(names[i] + ' overlaps ' + names[j]);
  }
  return problems;
}"""


NARROW_LECTURES = ("03-gradient-descent", "11-optimizer-race", "16-tensors")   # issue 35's worst cases
NARROW_WIDTHS = (390, 768)   # a phone, a tablet
OFF_SCREEN = """() => {
  const out = [], w = document.documentElement.clientWidth;
  document.querySelectorAll('.dl-plot').forEach((el, i) => {
    const parts = [['figure', el], ['its title', el.querySelector('.gtitle')],
                   ...Array.from(el.querySelectorAll('.slider-container, .updatemenu-container')).map(c => ['its control', c])];
    for (const [what, part] of parts) {
      if (!part) continue;
      const r = part.getBoundingClientRect();
      if (r.width && (r.left < -1 || r.right > w + 1)) out.push(`figure ${i + 1}: ${what} spans ${Math.round(r.left)}..${Math.round(r.right)} px`);
    }
  });
  return out;
}"""


def check_narrow_screens(page, site, check, events):
    """Three lectures on a phone and a tablet: every figure, its title and its controls inside the screen."""
    for width in NARROW_WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for name in NARROW_LECTURES:
            f = site / "lectures" / f"{name}.html"
            if not f.is_file():
                continue
            events.clear()
            page.goto(f.as_uri(), wait_until="load", timeout=120_000)
            wait_plots_drawn(page, 60)
            time.sleep(1.5)   # the page's fitting script redraws wide figures at the screen's width
            out = page.evaluate(OFF_SCREEN)
            page.screenshot(path=str(SHOTS / f"narrow-{width}-{name}.png"))
            what = f"{name} at {width} px"
            if out:
                check.fail(f"{what}: {len(out)} parts outside the screen, e.g. " + "; ".join(out[:3]))
            else:
                n = page.evaluate("() => document.querySelectorAll('.dl-plot').length")
                check.ok(f"{what}: all {n} figures, their titles and controls inside the screen")


def wait_plots_drawn(page, timeout_s):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        plots = page.evaluate(PLOTS, False)
        if plots["drawn"] == plots["plots"]:
            return
        time.sleep(0.3)


def step_through_deck(page, deck, check, events):
    """Every slide and fragment of one deck: content shown, plots drawn at a visible size; a screenshot per slide."""
    events.clear()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.goto(deck.as_uri(), wait_until="load", timeout=120_000)
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
    page.evaluate(MATHJAX_DONE)
    total = page.evaluate("() => Reveal.getTotalSlides()")
    seen, empty, undrawn, inaccessible, steps = [], [], [], [], 0
    overflowing = {}  # slide -> what lies outside the slide box
    while steps < 2000:
        steps += 1
        idx = page.evaluate("() => Reveal.getIndices()")
        key = (idx["h"], idx.get("v") or 0)
        state = wait_plots_sized(page, 20, 0.2)
        content = page.evaluate("""() => { const s = Reveal.getCurrentSlide();
            const shown = Array.from(s.querySelectorAll('.jp-Cell')).filter(c => !c.closest('.notes')
                && (!c.closest('.fragment') || c.closest('.fragment').classList.contains('visible')));
            return {cells: shown.length, text: shown.map(c => c.innerText).join(' ').trim().length,
                    visuals: s.querySelectorAll('svg, img, canvas').length}; }""")
        if content["cells"] == 0 or (content["text"] == 0 and content["visuals"] == 0):
            empty.append(f"{key}")
        if state["sized"] < state["plots"]:
            undrawn.append(f"slide {key}: {state['plots'] - state['sized']} of {state['plots']} plots")
        if key not in overflowing:
            wait_fitted(page)
            out = page.evaluate(OVERFLOW)
            if out:
                overflowing[key] = out
        if key not in seen:
            if not seen:   # the chrome in the deck's own view (every slide's content: check_deck_print_view)
                for rule, count, example in axe_violations(page):
                    inaccessible.append(f"slide {key}: {rule} on {count} elements, e.g. {example}")
            seen.append(key)
            time.sleep(0.15)
            page.screenshot(path=str(SHOTS / f"{deck.stem}-slide-{len(seen):02d}-h{key[0]}-v{key[1]}.png"))
        at_end = page.evaluate("() => Reveal.isLastSlide() && !Reveal.availableFragments().next")
        if at_end:
            break
        page.evaluate("() => Reveal.next()")
    problems = [f"{k}: {d}" for k, d in events]
    problems += [f"deck chrome: {p}" for p in page.evaluate(CHROME)]
    problems += [f"accessibility (axe-core, WCAG 2.1 AA): {p}" for p in inaccessible[:3]]
    if len(seen) != total:
        problems.append(f"visited {len(seen)} of {total} slides")
    if empty:
        problems.append(f"{len(empty)} slides without content: {', '.join(empty[:5])}")
    if undrawn:
        problems.append("plots not drawn: " + "; ".join(undrawn[:3]))
    problems += overflow_problems(overflowing, total)
    summary = (f"deck {deck.name}: stepped through {len(seen)} slides in {steps} steps (fragments included), "
               f"screenshots in {SHOTS.relative_to(ROOT)}/")
    if problems:
        check.fail(summary + " — " + "; ".join(problems[:4]))
    else:
        check.ok(summary)


# the type sizes a room can read on the 1280 x 720 slide (issue 25), in the slide's own pixels (reveal.js's
# scale and any zoom of the deck's fit step taken out): prose, code and printed output, text in plots
FLOORS = {"prose": 24, "code": 16, "plot": 14}
# the smallest text of each kind on the current slide, in slide pixels, with where it is
TYPE_SIZES = r"""() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale ? Reveal.getScale() : 1;
  const out = {};
  const note = (kind, px, what) => {
    if (!out[kind] || px < out[kind].px) { out[kind] = {px: Math.round(px * 10) / 10, what: what}; }
  };
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && !el.closest('.notes, aside'); };
  const onScreen = el => el.offsetWidth ? el.getBoundingClientRect().width / el.offsetWidth : scale;
  const kinds = [['prose', '.jp-RenderedMarkdown p, .jp-RenderedMarkdown li'],
                 ['code', '.jp-InputArea-editor pre, .jp-OutputArea-output pre']];
  for (const [kind, sel] of kinds) {
    for (const el of slide.querySelectorAll(sel)) {
      if (!shown(el) || !el.textContent.trim()) { continue; }
      note(kind, parseFloat(getComputedStyle(el).fontSize) * onScreen(el) / scale,
           el.textContent.trim().slice(0, 40));
    }
  }
  for (const plot of slide.querySelectorAll('.dl-plot')) {
    if (!shown(plot)) { continue; }
    const own = onScreen(plot) / scale;
    for (const t of plot.querySelectorAll('svg text')) {
      if (!t.textContent.trim() || !shown(t)) { continue; }
      const size = parseFloat(t.style.fontSize || getComputedStyle(t).fontSize);
      note('plot', size * own, t.textContent.trim().slice(0, 30));
    }
  }
  return out;
}"""


def floor_problems(sizes):
    """The kinds of text on a slide that are smaller than FLOORS: ['code 13.2 px (…)', …]."""
    return [f"{kind} {s['px']} px < {FLOORS[kind]} ('{s['what']}')" for kind, s in sizes.items()
            if s["px"] < FLOORS[kind] - 0.05]


def wait_fitted(page, timeout_s=10):
    deadline = time.time() + timeout_s
    while not page.evaluate(FITTED) and time.time() < deadline:
        time.sleep(0.1)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def overflow_problems(overflowing, total):
    if not overflowing:
        return []
    worst = "; ".join(f"slide {k}: {', '.join(v[:2])}" for k, v in list(overflowing.items())[:3])
    return [f"{len(overflowing)} of {total} slides overflow the slide box ({worst})"]


def check_deck_fit(page, deck, check, events):
    """Every slide of a deck, fragments shown: no code, output, plot, image or text outside the slide box."""
    events.clear()
    started = time.perf_counter()
    page.goto(deck.as_uri(), wait_until="load", timeout=120_000)
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=60_000)
    page.evaluate(MATHJAX_DONE)
    slides = page.evaluate("""() => Reveal.getSlides().map(s => { const i = Reveal.getIndices(s);
        return [i.h, i.v || 0]; })""")
    overflowing, too_small = {}, {}
    for h, v in slides:
        page.evaluate(f"() => Reveal.slide({h}, {v}, 1000)")  # every fragment shown
        state = wait_plots_sized(page, 10, 0.1)
        wait_fitted(page)
        out = page.evaluate(OVERFLOW)
        if out:
            overflowing[(h, v)] = out
        small = floor_problems(page.evaluate(TYPE_SIZES))
        if small:
            too_small[(h, v)] = small
    problems = [f"{k}: {d}" for k, d in events] + overflow_problems(overflowing, len(slides))
    if too_small:
        worst = "; ".join(f"slide {k}: {', '.join(v[:2])}" for k, v in list(too_small.items())[:3])
        problems.append(f"{len(too_small)} of {len(slides)} slides have text below the floors "
                        f"(prose {FLOORS['prose']}, code {FLOORS['code']}, plots {FLOORS['plot']} px) ({worst})")
    size = f"{DECK_VIEWPORT['width']}x{DECK_VIEWPORT['height']}"
    took = f"({time.perf_counter() - started:.1f} s)"
    if problems:
        check.fail(f"deck {deck.name}: {len(slides)} slides at {size} {took} — " + "; ".join(problems[:3]))
    else:
        check.ok(f"deck {deck.name}: all {len(slides)} slides fit the {size} slide box {took}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--deck", default=DEFAULT_DECK,
                        help="the lecture(s) whose deck is stepped through, comma-separated (default %(default)s)")
    parser.add_argument("--build", action="store_true", help="build the site first (tools/course_site.py)")
    parser.add_argument("--decks-only", action="store_true",
                        help="only the decks: every slide fits, one deck stepped through (skips links and pages)")
    args = parser.parse_args()
    site = args.site.resolve()
    if args.build:
        sys.path.insert(0, str(ROOT / "tools"))
        import course_site
        course_site.build(course_site.EXECUTED, site)
    if not (site / "index.html").is_file():
        sys.exit(f"{site}/index.html not found: run ./course site (tools/course_site.py) first")
    check = Check()
    started = time.perf_counter()

    # 1. links
    pages = sorted(p for p in site.rglob("*.html") if "api" not in p.relative_to(site).parts)
    broken_total = 0
    for page_file in ([] if args.decks_only else pages):
        broken = broken_links(page_file, site)
        broken_total += len(broken)
        if broken:
            check.fail(f"{page_file.relative_to(site)}: {len(broken)} broken internal links, e.g. {broken[:3]}")
    linked_api = sorted({(p.parent / unquote(urlparse(ref).path)).resolve()
                         for p in pages for ref in re.findall(r'href="([^"#]*api/[^"#]*\.html)"', p.read_text(encoding="utf-8"))})
    linked_api = [p for p in linked_api if p.is_file()]
    # the title check must see nbconvert's default title: a fixture first
    with tempfile.TemporaryDirectory() as tmp:
        fixture = Path(tmp) / "slides" / "04-x.html"
        fixture.parent.mkdir()
        fixture.write_text("<html><head><title>Notebook slides</title></head></html>", encoding="utf-8")
        if title_problem(fixture, Path(tmp)) is None:
            check.fail("page-title check: a deck titled 'Notebook slides' passed it")
    titled = [title_problem(f, site) for f in ([] if args.decks_only else pages)]
    for problem in filter(None, titled):
        check.fail(problem)
    if titled and not any(titled):
        check.ok(f"page titles: every lecture, exercise and deck page is titled by its heading")
    # the Korean edition (ko/): every lecture, exercise and deck page, in both languages, links its twin (the links
    # resolve: check 1)
    twins = [f for f in pages if f.relative_to(site).parts[-2:-1] in (("lectures",), ("exercises",), ("slides",))]
    lonely = [str(f.relative_to(site)) for f in twins if 'class="course-lang"' not in f.read_text(encoding="utf-8")]
    korean = [f for f in twins if f.relative_to(site).parts[0] == "ko"]
    if not args.decks_only:
        if lonely or not korean or len(korean) * 2 != len(twins):
            check.fail(f"Korean edition: {len(korean)} Korean pages of {len(twins)} lecture, exercise and deck pages; "
                       f"without a link to the other language: {lonely[:4]}")
        else:
            check.ok(f"Korean edition: {len(korean)} Korean lecture, exercise and deck pages, each linked to its "
                     f"English twin and back")
    if broken_total == 0 and not args.decks_only:
        check.ok(f"internal links: every link and asset of {len(pages)} pages resolves "
                 f"({len(linked_api)} javadoc pages linked)")

    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = launch_browser(p)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        events = []
        offline(context, lambda url: events.append(("blocked request to another host", url[:120])))

        page = context.new_page()
        page.on("pageerror", lambda e: events.append(("script error", str(e)[:160])))
        page.on("requestfailed", lambda r: None if urlparse(r.url).hostname not in LOCAL_HOSTS else
                events.append(("missing local file", r.url[-120:])))
        page.on("response", lambda r: events.append(("missing local file", r.url[-120:]))
                if r.status >= 400 else None)

        # 2. every page
        order = ([site / "index.html", site / "glossary.html"] + sorted((site / "lectures").glob("*.html"))
                 + sorted((site / "exercises").glob("*.html")) + sorted((site / "slides").glob("*.html")))
        # javadoc pages are all alike: the index and a few linked class pages (all linked ones exist: check 1)
        api_pages = ([site / "api" / "index.html"] + linked_api[::max(1, len(linked_api) // 4)][:4]
                     if (site / "api" / "index.html").is_file() else [])
        if args.decks_only:
            order, api_pages = [], []
        # the Korean edition: its home page, and the stepped deck's lecture page and deck (the other Korean pages
        # are the English ones with translated prose: their links and titles are checked in 1)
        first = args.deck.split(",")[0].strip()
        order += [f for f in (site / "ko" / "index.html", site / "ko" / "lectures" / f"{first}.html",
                              site / "ko" / "slides" / f"{first}.html") if f.is_file() and not args.decks_only]
        for f in order:
            if f.parent.name == "slides":
                check_deck_print_view(page, f, site, check, events)
            else:
                open_and_check(page, f.as_uri(), str(f.relative_to(site)), check, events)
        for f in api_pages:
            # javadoc: only requests (and script errors) matter
            events.clear()
            page.goto(f.as_uri(), wait_until="load", timeout=60_000)
            if events:
                check.fail(f"{f.relative_to(site)}: " + "; ".join(f"{k}: {d}" for k, d in events[:3]))
        if api_pages and not any(f"api/" in m for m in check.failed):
            check.ok(f"javadoc: {len(api_pages)} pages (index + linked class pages) open offline")

        # 3. every deck fits the projector's slide box; one deck slide by slide
        page.set_viewport_size(DECK_VIEWPORT)
        for f in sorted((site / "slides").glob("*.html")) + sorted((site / "ko" / "slides").glob(f"{first}.html")):
            check_deck_fit(page, f, check, events)
        if SHOTS.exists():
            shutil.rmtree(SHOTS)
        for name in args.deck.split(","):
            deck = site / "slides" / f"{name.strip()}.html"
            if deck.is_file():
                step_through_deck(page, deck, check, events)
            else:
                check.fail(f"deck {deck.relative_to(site)} not found")

        # 4b. phones and tablets
        if not args.decks_only:
            check_narrow_screens(page, site, check, events)
            page.set_viewport_size(DECK_VIEWPORT)

        # 5. the same pages from a static HTTP server
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for rel in [] if args.decks_only else ["index.html", f"lectures/{args.deck.split(',')[0]}.html"]:
            open_and_check(page, base + rel, f"http: {rel}", check, events)
        server.shutdown()
        browser.close()

    print(f"site test took {time.perf_counter() - started:.0f} s")
    return check.summary("site test")


if __name__ == "__main__":
    sys.exit(main())
