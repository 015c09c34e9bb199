"""Builds the course site in build/site/ from the executed notebooks (`./course site`).

    python tools/course_site.py [--executed build/notebooks/executed] [--out build/site] [--no-javadoc]
                                [--no-pdf | --pdf-only]

What it writes (every link relative, so the folder works from file:// and from any static host, and no
page asks another host for anything):

    index.html               home page: the lecture map (English and Korean titles), exercises, links
    ko/                      the Korean edition (한국어판): ko/index.html, ko/lectures/, ko/slides/, ko/exercises/, from
                             the translation catalogues (tools/translate.py), every page linked to its English twin
    lectures/NN-*.html       one page per executed lecture notebook, previous/next navigation
    slides/NN-*.html         one reveal.js deck per lecture (slide metadata from tools/slides.py)
    exercises/aN-*.html      one page per graded exercise, student version (notebooks/exercises/)
    glossary.html            docs/glossary.md (the one list of terms), notebook names linked to their lectures
    pdf/NN-*.pdf             every lecture page printed on A4 (headless Chromium, fonts embedded, Korean too)
    pdf/NN-*-slides.pdf      every deck, one 16:9 page per slide (reveal.js's print view, fragments shown)
    pdf/aN-*.pdf             every exercise page on A4; the pages and the home page link their PDFs
    api/                     the library's javadoc (the JDK's javadoc tool); pages link the classes they use
    assets/                  plotly.js (PyPI plotly), MathJax 3 and reveal.js (npm, tools/site/package.json)

The same page template (tools/site/templates/course) gives tools/run_notebooks.py its HTML exports,
with plotly.js and MathJax inlined so that a single exported file works anywhere, offline.

The PDFs (build_pdfs) need Playwright and Chromium (tools/setup.sh --test) and a Korean font; the build
prints how long they took. tools/pdf_test.py checks them.
"""
import argparse
import functools
import html
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SITE_SRC = ROOT / "tools" / "site"
TEMPLATES = SITE_SRC / "templates"
NODE_MODULES = SITE_SRC / "node_modules"
MATHJAX_JS = NODE_MODULES / "mathjax" / "es5" / "tex-svg-full.js"
REVEAL = NODE_MODULES / "reveal.js"
EXECUTED = ROOT / "build" / "notebooks" / "executed"
OUT = ROOT / "build" / "site"
STUDENT_EXERCISES = ROOT / "notebooks" / "exercises"


def exercise_order(stem):
    """a1, a2, ..., a9, a10 (by number, not as text)."""
    m = re.match(r"a(\d+)", stem)
    return (int(m.group(1)) if m else 10**6, stem)
LIB_SRC = ROOT / "lib" / "src" / "main" / "java"
COURSE_TITLE = "Deep-learning fundamentals in Java"
COURSE_TITLE_KO = "자바로 배우는 딥러닝 기초"
HANGUL = re.compile(r"[\uac00-\ud7a3]")

# MathJax 3: $…$ and $$…$$ as in JupyterLab; SVG output, whose glyphs are inside the script (no font files).
MATHJAX_CONFIG = """<script>window.MathJax = {
  tex: {inlineMath: [['$', '$'], ['\\\\(', '\\\\)']], displayMath: [['$$', '$$'], ['\\\\[', '\\\\]']],
        processEscapes: true, processEnvironments: true},
  options: {skipHtmlTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code']},
  svg: {fontCache: 'global'}
};</script>"""


def plotly_js():
    path = Path(__import__("plotly").__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        sys.exit(f"plotly.js not found at {path}: is the `plotly` package installed (tools/setup.sh)?")
    return path


def require_assets():
    for path in (MATHJAX_JS, REVEAL / "dist" / "reveal.js"):
        if not path.is_file():
            sys.exit(f"{path.relative_to(ROOT)} not found: run `bash tools/setup.sh --test` "
                     f"(it installs the site's npm packages from tools/site/package-lock.json)")


def inline_script(text):
    return "<script>" + text.replace("</script", "<\\/script") + "</script>"


def plotly_tag(src=None):
    """plotly.js as a script: AMD/CommonJS globals hidden so it always defines window.Plotly."""
    if src is not None:
        return f'<script src="{src}"></script>'
    code = plotly_js().read_text(encoding="utf-8")
    return inline_script("if (!window.Plotly) { (function (define, module, exports) {\n" + code
                         + "\n}).call(window, undefined, undefined, undefined); }")


# Colours a reader can read (WCAG 2.1 AA, 4.5 : 1 on the code cells' #f5f5f5 and on white): JupyterLab's light
# theme draws numbers (#080), comments (#408080), operators (#a2f), atoms (#88f), brackets (#997) and the
# In/Out prompts (#307fc1, #bf5b3d; grey at half opacity, #b0b0b0, outside the active cell) below that. The same in the HTML export, the site's pages and the decks.
CONTRAST_CSS = """<style>
html:root {
  --jp-mirror-editor-number-color: #006b00; --jp-mirror-editor-comment-color: #2f6060;
  --jp-mirror-editor-operator-color: #7a1fd6; --jp-mirror-editor-meta-color: #7a1fd6;
  --jp-mirror-editor-atom-color: #4338ca; --jp-mirror-editor-bracket-color: #5c5c2e;
  --jp-mirror-editor-quote-color: #1d6a1d;
  --jp-cell-inprompt-font-color: #1f5f99; --jp-cell-outprompt-font-color: #a3432a;
  --jp-cell-prompt-not-active-font-color: #5f5f5f; --jp-cell-prompt-not-active-opacity: 1;
}
/* a link in running text is told apart by more than its colour (WCAG 1.4.1) */
.jp-RenderedHTMLCommon p a, .jp-RenderedHTMLCommon li a, .jp-RenderedHTMLCommon td a { text-decoration: underline !important; }
</style>"""

# Phones (issue 35): a figure wider than its cell is redrawn at the cell's width, its height scaled with it
# (never below 300 px) and its legend moved below the plot; images (the diagrams) and wide outputs stay inside
# the screen, code and tables scroll inside their own box. Decks keep their own fitting (their slides are
# 1280 px wide). Plots are drawn asynchronously, so new ones are looked for until the page has been idle.
NARROW_SCREENS = """<style>
.jp-RenderedHTMLCommon img, .jp-RenderedMarkdown img { max-width: 100%; height: auto; }
.jp-OutputArea-output { max-width: 100%; overflow-x: auto; }
.jp-OutputArea-output pre, .jp-InputArea-editor pre, .jp-RenderedHTMLCommon table { overflow-x: auto; }
@media (max-width: 640px) {
  body .jp-InputPrompt, body .jp-OutputPrompt { display: none !important; }
  body.jp-Notebook { padding: 4px; }
}
</style>
<script>
(function () {
  function fit(el) {
    if (!window.Plotly || !el._fullLayout || el.closest('.reveal')) { return; }
    var d = el.dataset, avail = Math.floor(el.getBoundingClientRect().width);
    if (!d.fullWidth) {
      d.fullWidth = el._fullLayout.width; d.fullHeight = el._fullLayout.height;
      d.legend = JSON.stringify(el.layout.legend || {});
      d.title = (el.layout.title && el.layout.title.text) || ''; d.margin = JSON.stringify(el.layout.margin || {});
    }
    var full = +d.fullWidth, narrow = avail > 0 && avail < full - 1;
    if (narrow && d.narrowAt !== String(avail)) {
      d.narrowAt = String(avail);
      // plot area about 0.6 of the width tall; room above for a title of two or three lines, below for the axis
      // title and the legend, which starts 75 px under the plot area
      // (a figure of several panels keeps its height: its panels are stacked or side by side in it)
      var panels = Object.keys(el._fullLayout).filter(function (k) { return /^yaxis[0-9]*$/.test(k); }).length;
      var plotH = panels > 1 ? Math.max(200, +d.fullHeight - 100) : Math.max(200, Math.round(avail * 0.6));
      // the box grows with the figure (below): nothing under it is covered
      var title = wrap(d.title, Math.floor(avail / 9)), top = 40 + 26 * title.split('<br>').length;
      el.style.height = (top + plotH + 170) + 'px';
      Plotly.relayout(el, {width: avail, height: top + plotH + 170, 'margin.t': top, 'margin.b': 170, 'title.text': title,
        'legend.orientation': 'h', 'legend.x': 0, 'legend.xanchor': 'left', 'legend.y': -75 / plotH,
        'legend.yanchor': 'top'});
    } else if (!narrow && d.narrowAt) {
      delete d.narrowAt;
      el.style.height = d.fullHeight + 'px';
      Plotly.relayout(el, {width: full, height: +d.fullHeight, legend: JSON.parse(d.legend), 'title.text': d.title,
        margin: JSON.parse(d.margin)});
    }
  }
  function wrap(text, width) {   // a long title in lines of at most `width` characters (Plotly does not wrap)
    var lines = [], line = '';
    text.split(' ').forEach(function (w) {
      if (line && (line + ' ' + w).length > width) { lines.push(line); line = w; } else { line = line ? line + ' ' + w : w; }
    });
    return lines.concat(line ? [line] : []).join('<br>');
  }
  // a block that scrolls sideways is reached by the keyboard too (WCAG 2.1.1; axe: scrollable-region-focusable)
  function focusable() {
    document.querySelectorAll('.jp-InputArea-editor pre, .jp-OutputArea-output pre, .jp-OutputArea-output, '
        + '.jp-RenderedHTMLCommon table').forEach(function (el) {
      var scrolls = el.scrollWidth > el.clientWidth + 1;
      if (scrolls && !el.hasAttribute('tabindex')) {
        var added = ['tabindex'];
        el.setAttribute('tabindex', '0');
        if (el.tagName !== 'TABLE' && !el.hasAttribute('role')) { el.setAttribute('role', 'region'); added.push('role'); }
        if (!el.hasAttribute('aria-label')) {
          el.setAttribute('aria-label', (el.closest('.jp-InputArea') ? 'code' : 'output') + ', scrolls sideways');
          added.push('aria-label');
        }
        el.setAttribute('data-dl-scrolls', added.join(' '));
      } else if (!scrolls && el.hasAttribute('data-dl-scrolls')) {
        el.getAttribute('data-dl-scrolls').split(' ').forEach(function (a) { el.removeAttribute(a); });
        el.removeAttribute('data-dl-scrolls');
      }
    });
  }
  function fitAll() { Array.prototype.forEach.call(document.querySelectorAll('.dl-plot'), fit); focusable(); }
  document.addEventListener('DOMContentLoaded', focusable);
  var polls = 0, timer = setInterval(function () { fitAll(); if (++polls > 40) { clearInterval(timer); } }, 250);
  window.addEventListener('resize', fitAll);
})();
</script>"""


def head_html(prefix=None, plots=True):
    """Script tags for plotly.js and MathJax: inlined (prefix None) or from `prefix`assets/; the contrast
    colours (CONTRAST_CSS) in both cases."""
    require_assets()
    if prefix is None:
        return "\n".join([CONTRAST_CSS, NARROW_SCREENS, plotly_tag(), MATHJAX_CONFIG,
                          inline_script(MATHJAX_JS.read_text(encoding="utf-8"))])
    return "\n".join([CONTRAST_CSS, NARROW_SCREENS, f'<link rel="stylesheet" href="{prefix}assets/site.css">']
                      + ([plotly_tag(f"{prefix}assets/plotly.min.js")] if plots else [])
                      + [MATHJAX_CONFIG, f'<script defer src="{prefix}assets/mathjax/tex-svg-full.js"></script>'])


@functools.lru_cache(maxsize=None)
def page_exporter(lang="en"):
    """One exporter per language for every page (its <html lang>): its template is compiled once."""
    from nbconvert import HTMLExporter
    # embed_images: the lectures' diagrams (notebooks/figures/*.svg) go into the page as data URIs
    return HTMLExporter(template_name="course", extra_template_basedirs=[str(TEMPLATES)], embed_images=True,
                        language_code=lang)


KOREAN_TAIL = re.compile(r"\s*\([^()]*[\uac00-\ud7a3][^()]*\)\s*$")


def lecture_heading(nb):
    """The first heading of the notebook's first markdown cell, without its '#'s: "04 · From the neuron … (뉴런 …)"."""
    first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    line = next((ln for ln in (first.source.splitlines() if first else []) if ln.startswith("#")), "")
    return line.lstrip("#").strip()


def page_title(nb, suffix="", lang="en"):
    """What a browser tab and a screen reader announce: the lecture's heading without its trailing Korean
    gloss, then the course ("04 · From the neuron to the multi-layer network — Deep-learning fundamentals in
    Java", a deck's with suffix ":" before nbconvert's " slides"); nbconvert would otherwise title every page "Notebook" (its file name in memory)."""
    heading = KOREAN_TAIL.sub("", lecture_heading(nb)) or "Lecture"
    return f"{heading} — {COURSE_TITLE_KO if lang == 'ko' else COURSE_TITLE}{suffix}"


def with_title(nb, title, export):
    """Runs export() with nb.metadata.title set (nbconvert's <title>), then restores the metadata."""
    had, old = "title" in nb.metadata, nb.metadata.get("title")
    nb.metadata["title"] = title
    try:
        return export()
    finally:
        if had:
            nb.metadata["title"] = old
        else:
            del nb.metadata["title"]


HANGUL_RUN = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]+(?:[ ·\-]+[\uac00-\ud7a3\u3131-\u318e]+)*")
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w:-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.S)
NO_SPANS_IN = ("script", "style", "svg", "title", "textarea", "math", "mjx-container", "code", "pre")


def mark_korean(page):
    """Every run of Hangul in the page's text becomes <span lang="ko">…</span>, so that a screen reader reads
    경사하강법 with a Korean voice (WCAG 3.1.2). Tags and attributes are copied as they are; nothing inside
    script, style, svg, title, textarea, math, code or pre is touched (spans would break or change them)."""
    low = page.lower()
    out, i = [], 0
    while True:
        m = TAG.search(page, i)
        text = page[i:m.start()] if m else page[i:]
        out.append(HANGUL_RUN.sub(lambda k: f'<span lang="ko">{k.group(0)}</span>', text))
        if not m:
            return "".join(out)
        out.append(m.group(0))
        i = m.end()
        name = (m.group(2) or "").lower()
        if name in NO_SPANS_IN and not m.group(1) and not m.group(0).endswith("/>"):
            end = low.find("</" + name, i)
            end = len(page) if end < 0 else end
            out.append(page[i:end])
            i = end


def figures_metadata():
    """nbconvert's resources["metadata"]: images of a lecture's markdown are found from notebooks/ (where
    figures/ is), wherever the executed copy being exported lives."""
    return {"name": "Notebook", "path": str(ROOT / "notebooks")}


def export_html(nb, head=None, header="", footer="", lang="en"):
    """The page of one notebook with the course template (also used by tools/run_notebooks.py)."""
    resources = {"course": {"head": head if head is not None else head_html(None),
                            "header": header, "footer": footer}, "metadata": figures_metadata()}
    body, _ = with_title(nb, page_title(nb, lang=lang),
                         lambda: page_exporter(lang).from_notebook_node(nb, resources=resources))
    return mark_korean(body)


# --- the notebooks -----------------------------------------------------------------------------------

class Entry:
    """One lecture or exercise: its notebook, titles and where its pages go."""

    def __init__(self, path, kind, nb, korean_titles):
        self.path, self.kind, self.nb = path, kind, nb
        self.stem = path.stem
        first = next((c for c in nb.cells if c.cell_type == "markdown"), None)
        heading = lecture_heading(nb)
        title = heading or self.stem
        m = re.match(r"^(\d+)\s*[·.:-]\s*(.*)$", title)
        self.number = self.stem.split("-")[0]
        # the lecture map has a Korean column: the English title drops a trailing Korean gloss
        self.title = KOREAN_TAIL.sub("", m.group(2) if m else title) or title
        slug = re.sub(r"^\d+-", "", self.stem)
        ko = korean_titles.get(slug)
        if ko is None:
            # the Korean terms the title, or else the first cell, introduces: "… (경사하강법) …"
            terms = re.findall(r"\(([^()]*[\uac00-\ud7a3][^()]*)\)", heading) or \
                re.findall(r"\(([^()]*[\uac00-\ud7a3][^()]*)\)", first.source if first else "")
            ko = " · ".join(dict.fromkeys(t.strip() for t in terms[:3]))
        self.korean = ko
        self.page = f"{'lectures' if kind == 'lecture' else 'exercises'}/{self.stem}.html"
        self.deck = f"slides/{self.stem}.html" if kind == "lecture" else None
        self.has_other = False   # whether the site has this page in the other language (build_korean)


def read_nb(path):
    import nbformat
    return nbformat.read(path, as_version=4)


def ensure_slide_metadata(nb):
    """Decks follow the notebook's slide metadata; cells without it get tools/slides.py's rules."""
    sys.path.insert(0, str(ROOT / "tools"))
    import slides
    cells = [dict(c) for c in nb.cells]
    for cell, t in zip(nb.cells, slides.slide_types(cells)):
        show = cell.metadata.get("slideshow")
        if not isinstance(show, dict) or "slide_type" not in show:
            cell.metadata["slideshow"] = {"slide_type": t}


# --- the library's javadoc and the classes each page uses -----------------------------------------------

def public_classes():
    """Simple name -> fully qualified names of the library's public top-level types."""
    found = {}
    for f in sorted(LIB_SRC.rglob("*.java")):
        text = f.read_text(encoding="utf-8")
        name = f.stem
        if re.search(r"^public\s+(?:(?:final|abstract|sealed|non-sealed|static)\s+)*(?:class|interface|enum|record|@interface)\s+"
                     + re.escape(name) + r"\b", text, re.M):
            fq = ".".join(f.relative_to(LIB_SRC).with_suffix("").parts)
            found.setdefault(name, []).append(fq)
    return found


def classes_used(nb, classes):
    """The library classes a notebook's code names, as sorted fully qualified names."""
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    code = re.sub(r'"(?:\\.|[^"\\])*"', '""', code)  # not the words inside strings
    wildcard = set(re.findall(r"import\s+(dl(?:\.\w+)+)\.\*\s*;", code))
    used = set(re.findall(r"\b(dl(?:\.[a-z]\w*)+\.[A-Z]\w*)", code))
    for name in set(re.findall(r"\b([A-Z]\w+)\b", code)):
        options = classes.get(name, [])
        if len(options) == 1:
            used.add(options[0])
        elif options:
            used.update(fq for fq in options if fq.rsplit(".", 1)[0] in wildcard or re.search(
                r"import\s+" + re.escape(fq) + r"\s*;", code))
    known = {fq for fqs in classes.values() for fq in fqs}
    return sorted(u for u in used if u in known)


def build_javadoc(out):
    """The library's API docs with the JDK's javadoc tool (offline: sources + the jars in lib/target)."""
    started = time.perf_counter()
    cp = ROOT / "lib" / "target" / "kernel-classpath"
    if not cp.is_dir():
        sys.exit("lib/target/kernel-classpath not found: build the library first (tools/setup.sh)")
    cmd = ["javadoc", "-quiet", "-notimestamp", "-Xdoclint:none", "-encoding", "UTF-8", "-docencoding", "UTF-8",
           "-charset", "UTF-8", "--add-modules", "jdk.incubator.vector", "-d", str(out),
           "-sourcepath", str(LIB_SRC), "-subpackages", "dl", "-classpath", str(cp / "*"),
           "-windowtitle", f"{COURSE_TITLE}: library API", "-doctitle", f"{COURSE_TITLE}: the library <code>dl</code>"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    errors = [ln for ln in (run.stdout + run.stderr).splitlines() if ": error" in ln]
    if run.returncode != 0 or not (out / "index.html").is_file():
        sys.exit("javadoc failed:\n" + "\n".join(errors or (run.stdout + run.stderr).splitlines()[-20:]))
    return time.perf_counter() - started


# --- pages ---------------------------------------------------------------------------------------------

def esc(text):
    return html.escape(text, quote=True)


class Lang:
    """One language of the site: where its pages live (the English at the top, the Korean in ko/), the way from
    one of its pages (lectures/x.html) to the site's root, the words of its navigation, and the other language."""

    def __init__(self, code, folder, root, words, other):
        self.code, self.folder, self.root, self.words, self.other = code, folder, root, words, other

    def switch(self, page):
        """The link from this language's `page` (lectures/x.html, or index.html) to the other language's."""
        o = LANGS[self.other]
        to_root = "../" * (page.count("/") + self.folder.count("/"))
        target = f"{to_root}{o.folder}{page}"
        return (f'<a class="course-lang" href="{target}" hreflang="{o.code}" lang="{o.code}">'
                f'{esc(o.words["name"])}</a>')


LANGS = {
    "en": Lang("en", "", "../", {"home": "⌂ Course home", "slides": "▶ Slides", "pdf": "PDF", "slides_pdf": "Slides PDF",
                                "glossary": "Glossary", "api": "Library API", "lecture_page": "⌂ lecture page",
                                "name": "English"}, "ko"),
    "ko": Lang("ko", "ko/", "../../", {"home": "⌂ 강좌 홈", "slides": "▶ 슬라이드", "pdf": "PDF",
                                       "slides_pdf": "슬라이드 PDF", "glossary": "용어집", "api": "라이브러리 API",
                                       "lecture_page": "⌂ 강의 페이지", "name": "한국어"}, "en"),
}


def nav(entry, entries, where, pdfs=False, lang="en"):
    """Home / previous / next / slides / PDF links for one lecture or exercise page (PDF: the page's, and the
    deck's for a lecture, when the site build prints them), the glossary, the API and the page in the other
    language."""
    L = LANGS[lang]
    w = L.words
    same = [e for e in entries if e.kind == entry.kind]
    i = same.index(entry)
    parts = [f'<a href="../index.html">{w["home"]}</a>']
    if i > 0:
        p = same[i - 1]
        parts.append(f'<a rel="prev" href="../{p.page}">← {esc(p.number)} {esc(p.title)}</a>')
    parts.append('<span class="spacer"></span>')
    if entry.deck:
        parts.append(f'<a href="../{entry.deck}">{w["slides"]}</a>')
    if pdfs:
        parts.append(f'<a href="{L.root}{pdf_path(entry)}" type="application/pdf">{w["pdf"]}</a>')
        if entry.deck:
            parts.append(f'<a href="{L.root}{pdf_path(entry, deck=True)}" type="application/pdf">{w["slides_pdf"]}</a>')
    parts.append(f'<a href="{L.root}glossary.html">{w["glossary"]}</a>')
    parts.append(f'<a href="{L.root}api/index.html">{w["api"]}</a>')
    if entry.has_other:
        parts.append(L.switch(entry.page))
    if i + 1 < len(same):
        n = same[i + 1]
        parts.append(f'<a rel="next" href="../{n.page}">{esc(n.number)} {esc(n.title)} →</a>')
    return f'<nav class="course-nav {where}">' + " ".join(parts) + "</nav>"


def classes_html(used, has_api, lang="en"):
    if not used or not has_api:
        return ""
    links = " ".join(f'<a href="{LANGS[lang].root}api/{fq.replace(".", "/")}.html"><code>{esc(fq.rsplit(".", 1)[1])}</code></a>'
                     for fq in used)
    label = "이 강의에서 쓰는 라이브러리 클래스 (javadoc)" if lang == "ko" else "Library classes used here (javadoc)"
    return f'<div class="course-classes">{label}: {links}</div>'


def home_page(entries, pdfs=False, korean=False):
    lectures = [e for e in entries if e.kind == "lecture"]
    exercises = [e for e in entries if e.kind == "exercise"]

    def pdf_cell(e, deck=False, label="PDF"):
        # "PDF" alone would be read out the same for every row: the link names its lecture (WCAG 2.4.4)
        return (f'<td><a href="{pdf_path(e, deck)}" type="application/pdf" '
                f'aria-label="{esc(e.number)} {esc(e.title)} {label}">{label}</a></td>' if pdfs else "")
    rows = "\n".join(
        f'<tr><td>{esc(e.number)}</td><td><a href="{e.page}">{esc(e.title)}</a></td>'
        f'<td class="ko" lang="ko">{esc(e.korean)}</td><td><a href="{e.deck}">slides</a></td>'
        f'{pdf_cell(e)}{pdf_cell(e, True, "slides PDF")}</tr>'
        for e in lectures)
    ex_rows = "\n".join(
        f'<tr><td>{esc(e.number)}</td><td><a href="{e.page}">{esc(e.title)}</a></td>'
        f'<td class="ko" lang="ko">{esc(e.korean)}</td>{pdf_cell(e)}</tr>' for e in exercises)
    pdf_heads = '<th colspan="2">PDF</th>' if pdfs else ""
    pdf_note = (f'<p>Every lecture, deck and exercise is also a PDF (A4 pages; decks one 16:9 page per slide), all in '
                f'the site\'s folder <code>{PDF_DIR}/</code>, for handouts and the LMS.</p>' if pdfs else "")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(COURSE_TITLE)}</title><link rel="stylesheet" href="assets/site.css"></head>
<body class="course-home">
<nav class="course-nav">{LANGS["en"].switch("index.html") if korean else ""}</nav>
<h1>{esc(COURSE_TITLE)} <span lang="ko">· {esc(COURSE_TITLE_KO)}</span></h1>
<p>Derivatives and the chain rule, gradient descent, losses, activations, back-propagation, optimizers,
weight initialisation and regularisation, in Java notebooks that run on the JJava kernel with a small
library you can read line by line. Each lecture is a page with its executed outputs and a slide deck.</p>
{pdf_note}
<h2>Lectures <span lang="ko">· 강의</span></h2>
<table class="lecture-map"><thead><tr><th>#</th><th>Lecture</th><th lang="ko">강의</th><th>Deck</th>{pdf_heads}</tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>Graded exercises <span lang="ko">· 과제</span> (student version)</h2>
<table class="lecture-map"><tbody>
{ex_rows}
</tbody></table>
<h2>Reference</h2>
<ul>
<li><a href="glossary.html">Glossary · 용어집</a></li>
<li><a href="api/index.html">The library's API (javadoc)</a></li>
</ul>
<p>Run the notebooks yourself: <code>./course lab</code> in a clone of the course repository; in JupyterLab,
<em>View → Render as slideshow</em> presents a lecture with the Java kernel live.</p>
</body></html>
"""


def home_page_ko(entries):
    """The Korean edition's home page (ko/index.html): its lectures, decks and exercises, the glossary, the API."""
    lectures = [e for e in entries if e.kind == "lecture"]
    exercises = [e for e in entries if e.kind == "exercise"]
    rows = "\n".join(f'<tr><td>{esc(e.number)}</td><td><a href="{e.page}">{esc(e.title)}</a></td>'
                     f'<td><a href="{e.deck}" aria-label="{esc(e.number)} {esc(e.title)} 슬라이드">슬라이드</a></td></tr>'
                     for e in lectures)
    ex_rows = "\n".join(f'<tr><td>{esc(e.number)}</td><td><a href="{e.page}">{esc(e.title)}</a></td></tr>'
                        for e in exercises)
    return f"""<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(COURSE_TITLE_KO)}</title><link rel="stylesheet" href="../assets/site.css"></head>
<body class="course-home">
<nav class="course-nav">{LANGS["ko"].switch("index.html")}</nav>
<h1>{esc(COURSE_TITLE_KO)} <span lang="en">· {esc(COURSE_TITLE)}</span></h1>
<p>미분과 연쇄 법칙, 경사하강법, 손실 함수, 활성화 함수, 역전파, 옵티마이저, 가중치 초기화와 규제를 Java 노트북으로
배웁니다. 노트북은 JJava 커널에서 실행되고, 한 줄씩 읽을 수 있는 작은 라이브러리를 씁니다. 강의마다 실행 결과가 담긴
페이지와 슬라이드가 있습니다. 코드와 출력은 영어판과 같고, 설명만 한국어입니다.</p>
<h2>강의</h2>
<table class="lecture-map"><thead><tr><th>#</th><th>강의</th><th>슬라이드</th></tr></thead>
<tbody>
{rows}
</tbody></table>
<h2>과제 (학생용)</h2>
<table class="lecture-map"><tbody>
{ex_rows}
</tbody></table>
<h2>참고 자료</h2>
<ul>
<li><a href="../glossary.html">용어집 · Glossary</a></li>
<li><a href="../api/index.html">라이브러리 API (javadoc)</a></li>
</ul>
<p>직접 실행하려면 강좌 저장소를 복제한 폴더에서 <code>./course lab --lang ko</code>를 실행하세요. 한국어 JupyterLab에서
한국어 강의가 열립니다.</p>
</body></html>
"""


def korean_entries(entries):
    """The Korean edition's entries: each lecture and exercise with its markdown cells from its catalogue
    (tools/translate.py; outputs shared with the English), marking both sides as having the other language."""
    sys.path.insert(0, str(ROOT / "tools"))
    import translate
    docs = {d.base.name: d for d in translate.documents()}
    out = []
    for e in entries:
        doc = docs.get(e.path.name)
        if doc is None or not doc.catalogue.is_file():
            continue
        # figures_up=False: the page is exported with the English lecture's folder as its base (figures_metadata)
        nb = translate.korean_notebook(e.nb, translate.load_catalogue(doc), figures_up=False)
        k = Entry(e.path, e.kind, nb, {})
        k.has_other = e.has_other = True
        out.append(k)
    return out


def build_korean(out, entries, javadoc):
    """The Korean edition under out/ko/: lecture, exercise and deck pages and a home page, sharing the English
    site's assets, glossary and API; every page links its English twin and back."""
    started = time.perf_counter()
    ko = out / LANGS["ko"].folder
    for sub in ("lectures", "exercises", "slides"):
        (ko / sub).mkdir(parents=True, exist_ok=True)
    classes = public_classes()
    head = head_html(LANGS["ko"].root)
    for e in entries:
        used = classes_used(e.nb, classes)
        page = export_html(e.nb, head=head, header=nav(e, entries, "top", lang="ko"),
                           footer=classes_html(used, javadoc, "ko") + nav(e, entries, "bottom", lang="ko"), lang="ko")
        (ko / e.page).write_text(page, encoding="utf-8")
        if e.deck:
            (ko / e.deck).write_text(deck_html(e, lang="ko"), encoding="utf-8")
    (ko / "index.html").write_text(home_page_ko(entries), encoding="utf-8")
    return time.perf_counter() - started


def glossary_page(lectures, source):
    """docs/glossary.md, the course's one list of terms (tools/check_glossary.py holds the lectures to it),
    with each notebook name linked to its lecture page."""
    from nbconvert.filters.markdown_mistune import markdown2html_mistune
    if not source.is_file():
        sys.exit(f"{source} is missing: it is the course's glossary (tools/check_glossary.py)")
    pages = {e.stem: e.page for e in lectures}
    body = re.sub(r"<td>(\d\d-[a-z0-9-]+)</td>",
                  lambda m: f'<td><a href="{pages[m.group(1)]}">{m.group(1)}</a></td>' if m.group(1) in pages
                  else m.group(0), markdown2html_mistune(source.read_text(encoding="utf-8")))
    origin = "docs/glossary.md"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Glossary · {esc(COURSE_TITLE)}</title>
{head_html("", plots=False)}
</head>
<body class="course-home">
<nav class="course-nav"><a href="index.html">⌂ Course home</a></nav>
{body}
<p style="color:#595959;font-size:small">Source: {esc(origin)}</p>
</body></html>
"""


OUTPUT_ONLY = "dl-output-only"  # a deck cell that shows only outputs (the rest of a cell with several figures)


@functools.lru_cache(maxsize=None)
def deck_exporter(lang="en"):
    from nbconvert import SlidesExporter
    from traitlets.config import Config
    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_input_tags = {OUTPUT_ONLY}
    return SlidesExporter(config=config, template_name="course-slides", extra_template_basedirs=[str(TEMPLATES)],
                          reveal_url_prefix=f"{LANGS[lang].root}assets/reveal.js", reveal_theme="white",
                          embed_images=True, language_code=lang)


def is_figure(output):
    return "application/vnd.plotly.v1+json" in output.get("data", {})


def split_figure_cells(nb):
    """In a deck, a code cell that draws several figures (a loop over three initialisations, two starts) shows
    its code with the first figure, and each further figure, with the text printed before it, on a sub-slide
    of its own: one slide could not hold them all."""
    cells = []
    for cell in nb.cells:
        outputs = cell.get("outputs", []) if cell.cell_type == "code" else []
        if sum(map(is_figure, outputs)) < 2 or cell.metadata.get("slideshow", {}).get("slide_type") in ("skip", "notes"):
            cells.append(cell)
            continue
        groups, current = [], []
        for o in outputs:
            current.append(o)
            if is_figure(o):
                groups.append(current)
                current = []
        if current:
            groups[-1].extend(current)
        cell.outputs = groups[0]
        cells.append(cell)
        cells += [output_only_cell(group) for group in groups[1:]]
    nb.cells = cells


def is_controls(output):
    """An output that belongs to the figure after it: an animated figure's keyboard controls (dl.plot.Animation) or
    a figure's text alternative (its summary and data table, class dl-figure-text); a deck keeps them on the
    figure's slide."""
    html_text = "".join(output.get("data", {}).get("text/html", ""))
    return 'class="dl-anim"' in html_text or 'class="dl-figure-text"' in html_text


def output_only_cell(outputs):
    """A deck cell that shows only these outputs (its code is on the slide before), on a sub-slide of its own."""
    import nbformat
    rest = nbformat.v4.new_code_cell(source="", outputs=outputs)
    rest.metadata["slideshow"] = {"slide_type": "subslide"}
    rest.metadata["tags"] = [OUTPUT_ONLY]
    return rest


# The deck's slide box for content, in slide pixels (720 less reveal.js's margin and the slide's padding), and
# the deck's type (tools/site/static/site.css): prose 24 px (34 px a line, ~95 characters), code 18 px (23 px a
# line, ~105 characters), printed output 17 px (22 px a line).
SLIDE_ROOM = 550
CODE_LINES_PER_SLIDE = 22   # a longer code cell continues on the next sub-slide
PROSE_LINE, PROSE_CHARS, CODE_LINE, CODE_CHARS, OUTPUT_LINE = 34, 95, 23, 105, 22


def _lines(text, width):
    return sum(max(1, -(-len(line) // width)) for line in text.splitlines())


def markdown_height(text):
    """Rough slide pixels of markdown text at the deck's type."""
    h = 0
    for line in text.splitlines():
        s = line.strip()
        if not s:
            h += 10
        elif s.startswith("#"):
            h += {1: 62, 2: 55}.get(len(s) - len(s.lstrip("#")), 46)
        elif s.startswith("$$"):
            h += 56
        elif s.startswith("|"):
            h += 0 if set(s) <= set("|-: ") else 52 * max(1, -(-len(s) // 90))
        else:
            h += PROSE_LINE * max(1, -(-len(s) // PROSE_CHARS))
    return h + 16


def input_height(cell):
    """Rough slide pixels of a cell's markdown, or of a code cell's code (0 for a cell that shows only outputs)."""
    text = cell.source if isinstance(cell.source, str) else "".join(cell.source)
    if cell.cell_type == "markdown":
        return markdown_height(text)
    if cell.cell_type != "code" or OUTPUT_ONLY in cell.metadata.get("tags", []):
        return 0
    return CODE_LINE * _lines(text, CODE_CHARS) + 14


def output_height(o):
    """Rough slide pixels of one output: a figure at its height, printed text and tables by their lines."""
    if is_figure(o):
        layout = o["data"]["application/vnd.plotly.v1+json"].get("layout", {})
        return int(layout.get("height") or 450) + 10
    data = o.get("data", {})
    if o.get("output_type") == "stream":   # each output its own box, with its padding
        return OUTPUT_LINE * _lines(o.get("text", ""), 120) + 16
    if "text/html" in data:
        html = "".join(data["text/html"])
        if 'class="dl-figure-text"' in html:   # a figure's text alternative: one line, its table folded
            return 34
        svg = sum(int(m) for m in re.findall(r'<svg[^>]*?\sheight="(\d+)', html))   # a diagram
        return svg + 32 * max(2, html.count("<tr")) + 20
    if "text/plain" in data:
        return OUTPUT_LINE * _lines("".join(data["text/plain"]), 120)
    if "image/svg+xml" in data:   # a diagram, at its own height
        m = re.search(r'<svg[^>]*?\sheight="([\d.]+)', "".join(data["image/svg+xml"]))
        return int(float(m.group(1))) + 20 if m else 400
    return 400 if "image/png" in data else 0


def markdown_blocks(text):
    """A markdown cell's blocks (paragraphs, lists, tables, display formulas), split at blank lines."""
    blocks, current, in_math = [], [], False
    for line in text.splitlines():
        if line.strip().startswith("$$") and line.strip().count("$$") == 1:
            in_math = not in_math
        if not line.strip() and not in_math:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


LIST_ITEM = re.compile(r"\s*([-*+]|\d+[.)])\s")


def markdown_units(text):
    """markdown_blocks grouped into what a slide must not cut: a heading with the block after it, a list with its
    further items, a sentence that goes on after a display formula (a block starting in lower case or with
    punctuation) with the block before it."""
    units = []
    for block in markdown_blocks(text):
        first = block.lstrip()[:1]
        goes_on = first.islower() or first in ",.;:)—–" or (
            units and LIST_ITEM.match(block) and LIST_ITEM.match(units[-1].split("\n")[-1]))
        after_heading = units and units[-1].lstrip().startswith("#") and "\n" not in units[-1].strip()
        if units and (goes_on or after_heading):
            units[-1] += "\n\n" + block
        else:
            units.append(block)
    return units


def code_pieces(lines, per_slide):
    """A long code cell's lines in pieces of about per_slide lines, cut only where a top-level statement or block
    ends (brackets closed, the line ends with ; or } or is blank): never inside a statement or a method body.
    One piece if there is no such place."""
    cuts, depth = [], 0
    for i, line in enumerate(lines):
        code = re.sub(r'"(\\.|[^"\\])*"|//.*', "", line)   # strings and line comments do not count
        depth += sum(code.count(c) for c in "([{") - sum(code.count(c) for c in ")]}")
        if depth <= 0 and (not line.strip() or line.rstrip().endswith((";", "}"))):
            cuts.append(i + 1)
    pieces, start = [], 0
    while len(lines) - start > per_slide + 4:
        fitting = [c for c in cuts if start + 5 <= c <= start + per_slide]
        later = [c for c in cuts if c > start + per_slide and len(lines) - c >= 5]
        cut = fitting[-1] if fitting else later[0] if later else None
        if cut is None:
            break
        pieces.append(lines[start:cut])
        start = cut
    pieces.append(lines[start:])
    return [pc for pc in pieces if any(line.strip() for line in pc)] or [lines]


def heading_only(cell):
    """A markdown cell that is only a heading (its slide needs what follows it)."""
    text = (cell.source if isinstance(cell.source, str) else "".join(cell.source)).strip()
    return cell.cell_type == "markdown" and text.startswith("#") and "\n" not in text


def split_tall_slides(nb):
    """Keeps each deck slide inside the slide box at type sizes a room can read (the box is not shrunk):
    a markdown cell taller than a slide is cut at its blank lines into pieces; a cell that would run off the
    bottom of its slide starts a sub-slide of its own; the outputs of a code cell that would not fit under its
    code (a figure, a long printout) go to a sub-slide of their own."""
    import nbformat
    cells = []
    for cell in nb.cells:   # long prose: one piece per slide
        text = cell.source if isinstance(cell.source, str) else "".join(cell.source)
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        if cell.cell_type != "markdown" or kind in ("skip", "notes") or markdown_height(text) <= SLIDE_ROOM:
            cells.append(cell)
            continue
        piece, first = [], True
        for block in markdown_units(text) + [None]:
            if block is None or piece and markdown_height("\n\n".join(piece + [block])) > SLIDE_ROOM:
                part = nbformat.v4.new_markdown_cell("\n\n".join(piece))
                part.metadata["slideshow"] = {"slide_type": kind if first else "subslide"}
                cells.append(part)
                piece, first = [], False
            if block is not None:
                piece.append(block)
    long_code, cells = cells, []
    for cell in long_code:   # long code: CODE_LINES_PER_SLIDE lines a slide, its outputs after the last piece
        kind = cell.metadata.get("slideshow", {}).get("slide_type", "-")
        lines = (cell.source if isinstance(cell.source, str) else "".join(cell.source)).split("\n")
        if cell.cell_type != "code" or kind in ("skip", "notes") or len(lines) <= CODE_LINES_PER_SLIDE + 4:
            cells.append(cell)
            continue
        pieces = code_pieces(lines, CODE_LINES_PER_SLIDE)
        for k, piece in enumerate(pieces):
            part = nbformat.v4.new_code_cell(source="\n".join(piece),
                                             outputs=cell.outputs if k == len(pieces) - 1 else [])
            part.execution_count = cell.get("execution_count")
            part.metadata["slideshow"] = {"slide_type": kind if k == 0 else "subslide"}
            cells.append(part)
    out, used, only_heading = [], 0, False
    for cell in cells:
        show = cell.metadata.setdefault("slideshow", {})
        kind = show.get("slide_type", "-")
        if kind in ("skip", "notes"):
            out.append(cell)
            continue
        in_h = input_height(cell)
        out_h = sum(output_height(o) for o in cell.get("outputs", [])) if cell.cell_type == "code" else 0
        short = out_h < 150 and not any(map(is_figure, cell.get("outputs", [])))   # a few printed lines
        if only_heading and kind in ("slide", "subslide"):
            show["slide_type"] = kind = "-"   # not a slide of its own after a lone heading
        if kind in ("slide", "subslide"):
            used, only_heading = 0, False
        elif only_heading:
            pass   # a heading alone on a slide says nothing: what follows stays with it (the deck's script fits it)
        elif used and used + in_h + out_h > SLIDE_ROOM and (not out_h or short or used + in_h > SLIDE_ROOM * 0.55):
            show["slide_type"] = "subslide"   # it would run off the slide: the next sub-slide
            used = 0
        if out_h and used + in_h and used + in_h + out_h > SLIDE_ROOM and not short and not only_heading:
            # the code here, what it printed or drew on the next sub-slides (as many as its outputs fill)
            groups, h = [[]], 0
            for o in cell.outputs:
                oh = output_height(o)
                if groups[-1] and h + oh > SLIDE_ROOM and not is_controls(groups[-1][-1]):
                    groups.append([])
                    h = 0
                groups[-1].append(o)
                h += oh
            out.append(cell)
            cell.outputs = []
            out += [output_only_cell(group) for group in groups]
            used = h
            continue
        out.append(cell)
        only_heading = used == 0 and heading_only(cell)
        used += in_h + out_h
    nb.cells = out


def deck_html(entry, pdfs=False, lang="en"):
    import copy
    L = LANGS[lang]
    nb = copy.deepcopy(entry.nb)
    ensure_slide_metadata(nb)
    split_figure_cells(nb)
    split_tall_slides(nb)
    exporter = deck_exporter(lang)
    resources = {"course": {"head": head_html(L.root)}, "metadata": figures_metadata()}
    # nbconvert's deck template appends " slides" to the title
    body, _ = with_title(nb, page_title(nb, ":", lang), lambda: exporter.from_notebook_node(nb, resources=resources))
    # outside .reveal: reveal.js scales .reveal's slides with a transform, and a fixed element inside a
    # transformed one is placed relative to it (off-screen), not to the window
    links = [f'<a href="../{entry.page}">{L.words["lecture_page"]}</a>']
    if pdfs:   # the deck as a PDF, one page per slide (build_pdfs)
        links.append(f'<a href="{L.root}{pdf_path(entry, deck=True)}" type="application/pdf">PDF</a>')
    if entry.has_other:
        links.append(L.switch(entry.deck))
    if len(links) > 1:
        back = (f'<nav class="course-deck-home" aria-label="{"강의, PDF, 언어" if lang == "ko" else "Lecture, PDF, language"}">'
                + " · ".join(links) + "</nav>")
    else:
        back = links[0].replace("<a ", '<a class="course-deck-home" ', 1)
    return mark_korean(body.replace("</body>", back + "\n</body>", 1))


# --- PDFs of the lectures, decks and exercises (issue 35) ------------------------------------------------
# Headless Chromium prints the site's own pages (Playwright's page.pdf, fonts embedded as subsets): a lecture or
# an exercise on A4 with the print rules of tools/site/static/site.css (no navigation or prompts, code wrapped,
# no figure, output or code block cut by a page break, every "##" section on a new page), a deck in reveal.js's
# print-pdf view, one 16:9 page per slide, every fragment shown. All go to pdf/ (one folder to upload to an LMS).

PDF_DIR = "pdf"
A4_MARGIN = {"top": "13mm", "bottom": "15mm", "left": "12mm", "right": "12mm"}
# the page is laid out at the width it prints at (A4 less the side margins, in CSS px): plots wider than that
# are redrawn to fit by the page's own script (NARROW_SCREENS), as on a tablet
PRINT_WIDTH = round((210 - 24) / 25.4 * 96)
PRINT_HEIGHT = int((297 - 13 - 15) / 25.4 * 96)   # A4 less the top and bottom margins
PDF_FOOTER = ('<div style="width:100%;margin:0 12mm;font-size:8px;color:#555;'
              'font-family:\'Noto Sans\',\'Noto Sans CJK KR\',\'DejaVu Sans\',sans-serif;display:flex">'
              '<span class="title" style="flex:1"></span><span><span class="pageNumber"></span> / '
              '<span class="totalPages"></span></span></div>')
# reveal.js's print view: one page per slide (never two for a tall one), fragments shown on it, not one page each
DECK_PRINT_QUERY = "?print-pdf&pdfSeparateFragments=false&pdfMaxPagesPerSlide=1"

PLOTS_READY = """() => Array.from(document.querySelectorAll('.dl-plot')).every(el => el._fullLayout
    && el.querySelector('svg.main-svg'))"""
# the page's fitting script has drawn every plot inside its box (a lecture printed at PRINT_WIDTH)
PLOTS_FITTED = """() => Array.from(document.querySelectorAll('.dl-plot')).every(el =>
    el._fullLayout.width <= Math.ceil(el.getBoundingClientRect().width) + 1)"""
MATHJAX_TYPESET = """() => (window.MathJax && MathJax.startup && MathJax.startup.promise)
    ? MathJax.startup.promise.then(() => true) : true"""
# a figure or image taller than a page would be cut by the page break: it is shrunk, as a whole, to the page
SHRINK_TALL = """(room) => {
  let n = 0;
  for (const el of document.querySelectorAll('.dl-plot, .jp-OutputArea-output img, .jp-RenderedMarkdown img')) {
    const h = el.getBoundingClientRect().height;
    if (h > room) { el.style.zoom = room / h; n++; }
  }
  return n;
}"""
# a plot drawn with WebGL (a 3-D surface) would print blank (its canvas is cleared before printing): it is
# replaced by a screenshot of it at the context's device scale (twice its CSS size; Plotly.toImage is 10 times slower)
WEBGL_PLOTS = """() => Array.from(document.querySelectorAll('.dl-plot')).filter(el => el.querySelector('canvas')
    && el.style.display !== 'none').length"""
AS_IMAGE = """(url) => {
  const el = Array.from(document.querySelectorAll('.dl-plot')).filter(el => el.querySelector('canvas')
      && el.style.display !== 'none')[0];
  const r = el.getBoundingClientRect(), img = document.createElement('img');
  img.src = url;
  img.alt = (el._fullLayout.title && el._fullLayout.title.text) || 'figure';
  img.style.cssText = `width: ${r.width}px; height: ${r.height}px; display: block; break-inside: avoid;`;
  el.style.display = 'none';
  el.after(img);
  return img.decode();
}"""


def webgl_to_images(page):
    """Every WebGL plot of the page replaced by an image of it (the plot hidden: the next one is the first again)."""
    import base64
    n = page.evaluate(WEBGL_PLOTS)
    for _ in range(n):
        shot = page.locator(".dl-plot:has(canvas):visible").first.screenshot(animations="disabled")
        page.evaluate(AS_IMAGE, "data:image/png;base64," + base64.b64encode(shot).decode())
    return n


# every slide of a deck in print view fitted by the deck's own script, one after the other; the slides whose
# content still overflows the slide box
FIT_ALL_SLIDES = """async () => {
  const slides = Array.from(document.querySelectorAll('.reveal .slides section:not(.stack)'));
  for (const s of slides) { await window.courseFitSlide(s); }
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  return {slides: slides.length, pages: document.querySelectorAll('.reveal .slides .pdf-page').length,
          overflowing: slides.filter(s => s.scrollHeight > s.clientHeight + 2).length};
}"""


def pdf_path(entry, deck=False):
    """Where the PDF of a lecture page, a deck or an exercise page goes in the site: pdf/03-….pdf,
    pdf/03-…-slides.pdf, pdf/a1-….pdf."""
    return f"{PDF_DIR}/{entry.stem}{'-slides' if deck else ''}.pdf"


def chromium_executable():
    import os
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        sys.exit("chromium not found (it prints the PDFs): apt-get install chromium, or set CHROMIUM=/path/to/chrome; "
                 "--no-pdf builds the site without PDFs")
    return path


def pdf_prerequisites():
    """Stops the build before any page is written when the PDFs cannot be printed: Playwright and Chromium (tools/setup.sh
    --site, which ./course site runs, installs both), and warns when the machine has no Korean font (the glosses would print
    as empty boxes)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        sys.exit("the PDFs are printed with Playwright, which is not installed: run `bash tools/setup.sh --site` "
                 "(as ./course site does: Playwright, Debian's chromium and a Korean font), or build without PDFs: ./course site --no-pdf")
    chromium_executable()
    if shutil.which("fc-list"):
        korean = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout.strip()
        if not korean:
            print("pdf: WARNING no Korean font (fc-list :lang=ko): the Korean glosses will not print; "
                  "install one (Debian: apt-get install fonts-noto-cjk)", file=sys.stderr)


def wait_for(page, script, what, timeout_s, pause_s=0.1):
    deadline = time.time() + timeout_s
    while not page.evaluate(script):
        if time.time() > deadline:
            return f"{what} not ready after {timeout_s} s"
        time.sleep(pause_s)
    return None


def print_page(page, src, dst):
    """One lecture or exercise page to an A4 PDF; the problems met (empty when none)."""
    page.goto(src.as_uri(), wait_until="load", timeout=120_000)
    page.evaluate(MATHJAX_TYPESET)
    problems = [p for p in [wait_for(page, PLOTS_READY, "plots", 60)] if p]
    page.evaluate("() => window.dispatchEvent(new Event('resize'))")   # the fitting script, once more
    problems += [p for p in [wait_for(page, PLOTS_FITTED, "plots fitted to the page width", 20)] if p]
    webgl_to_images(page)
    shrunk = page.evaluate(SHRINK_TALL, PRINT_HEIGHT - 24)
    if shrunk:
        print(f"pdf: {dst.name}: {shrunk} figures taller than a page shrunk to one")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.pdf(path=str(dst), format="A4", margin=A4_MARGIN, print_background=True,
             display_header_footer=True, header_template="<span></span>", footer_template=PDF_FOOTER)
    return problems


def print_deck(page, src, dst):
    """One deck to a PDF of one 16:9 page per slide; (slides, problems)."""
    page.goto(src.as_uri() + DECK_PRINT_QUERY, wait_until="load", timeout=120_000)
    problems = [p for p in [wait_for(page, "() => !!document.querySelector('.reveal .slides > .pdf-page')",
                                     "reveal.js print view", 60)] if p]
    page.evaluate(MATHJAX_TYPESET)
    problems += [p for p in [wait_for(page, PLOTS_READY, "plots", 60)] if p]
    fitted = page.evaluate(FIT_ALL_SLIDES)
    if fitted["pages"] != fitted["slides"]:
        problems.append(f"{fitted['pages']} print pages for {fitted['slides']} slides")
    if fitted["overflowing"]:
        problems.append(f"{fitted['overflowing']} slides overflow the slide box")
    webgl_to_images(page)
    page.pdf(path=str(dst), prefer_css_page_size=True, print_background=True)
    return fitted["slides"], problems


def build_pdfs(out, entries):
    """The PDFs of every lecture page, deck and exercise page of the built site in out/pdf/; prints the time
    each kind took. One browser, two tabs (pages at the print width, decks at the projector's size)."""
    from playwright.sync_api import sync_playwright
    started = time.perf_counter()
    (out / PDF_DIR).mkdir(exist_ok=True)
    times, counts, problems = {"lectures": 0.0, "decks": 0.0, "exercises": 0.0}, {}, []
    slides = 0
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_executable(), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--font-render-hinting=none"])
        # a plot drawn on a canvas prints as an image at twice the CSS resolution; everything else is vector
        context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1000}, device_scale_factor=2)
        errors = []

        def route(r):   # the site asks no other host for anything: a build never waits on the network
            if urlparse(r.request.url).scheme in ("file", "data", "blob", "about"):
                r.continue_()
            else:
                errors.append(f"blocked request to {r.request.url[:100]}")
                r.abort()

        context.route("**/*", route)
        sheet = context.new_page()
        sheet.emulate_media(media="print")   # laid out with the print rules before the plots are fitted
        deck_tab = context.new_page()
        deck_tab.set_viewport_size({"width": 1280, "height": 720})
        for tab in (sheet, deck_tab):
            tab.on("pageerror", lambda e: errors.append(f"script error: {str(e)[:160]}"))
        for e in entries:
            kinds = [("lectures" if e.kind == "lecture" else "exercises", False)] + ([("decks", True)] if e.deck else [])
            for kind, deck in kinds:
                t0 = time.perf_counter()
                errors.clear()
                dst = out / pdf_path(e, deck)
                if deck:
                    n, found = print_deck(deck_tab, out / e.deck, dst)
                    slides += n
                else:
                    found = print_page(sheet, out / e.page, dst)
                found += errors
                if found:
                    problems.append(f"{dst.name}: " + "; ".join(found[:3]))
                times[kind] += time.perf_counter() - t0
                counts[kind] = counts.get(kind, 0) + 1
        browser.close()
    for problem in problems:
        print(f"pdf: PROBLEM {problem}", file=sys.stderr)
    print(f"pdf: {counts.get('lectures', 0)} lectures in {times['lectures']:.0f} s, {counts.get('decks', 0)} decks "
          f"({slides} slides) in {times['decks']:.0f} s, {counts.get('exercises', 0)} exercises in "
          f"{times['exercises']:.0f} s: {time.perf_counter() - started:.0f} s in all -> {out.name}/{PDF_DIR}/")
    if problems:
        sys.exit(f"pdf: {len(problems)} PDFs printed with problems (above)")


def copy_assets(out):
    assets = out / "assets"
    (assets / "mathjax").mkdir(parents=True, exist_ok=True)
    shutil.copy2(plotly_js(), assets / "plotly.min.js")
    shutil.copy2(MATHJAX_JS, assets / "mathjax" / MATHJAX_JS.name)
    shutil.copy2(SITE_SRC / "static" / "site.css", assets / "site.css")
    for part in ("dist", "plugin/notes", "LICENSE"):
        src = REVEAL / part
        dst = assets / "reveal.js" / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
        elif src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    shutil.copy2(NODE_MODULES / "mathjax" / "LICENSE", assets / "mathjax" / "LICENSE")


def site_entries(executed):
    """The lectures (executed notebooks) and the exercises (student versions), in the site's order."""
    lectures = sorted(executed.glob("[0-9][0-9]-*.ipynb"))
    if not lectures:
        sys.exit(f"no executed lecture notebooks in {executed}: run tools/run_notebooks.py first")
    korean = json.loads((SITE_SRC / "lectures.json").read_text(encoding="utf-8"))
    entries = [Entry(p, "lecture", read_nb(p), korean) for p in lectures]
    return entries + [Entry(p, "exercise", read_nb(p), korean)
                      for p in sorted(STUDENT_EXERCISES.glob("*.ipynb"), key=lambda p: exercise_order(p.stem))]


def build(executed, out, javadoc=True, pdfs=True):
    started = time.perf_counter()
    require_assets()
    if pdfs:
        pdf_prerequisites()
    entries = site_entries(executed)
    korean = korean_entries(entries)   # before the English pages: they link their Korean twins
    if out.exists():
        shutil.rmtree(out)
    (out / "lectures").mkdir(parents=True)
    (out / "exercises").mkdir()
    (out / "slides").mkdir()
    copy_assets(out)
    javadoc_s = build_javadoc(out / "api") if javadoc else None
    classes = public_classes()
    head = head_html("../")
    for e in entries:
        used = classes_used(e.nb, classes)
        page = export_html(e.nb, head=head, header=nav(e, entries, "top", pdfs),
                           footer=classes_html(used, javadoc) + nav(e, entries, "bottom", pdfs))
        (out / e.page).write_text(page, encoding="utf-8")
        if e.deck:
            (out / e.deck).write_text(deck_html(e, pdfs), encoding="utf-8")
    glossary_src = ROOT / "docs" / "glossary.md"
    (out / "glossary.html").write_text(mark_korean(glossary_page([e for e in entries if e.kind == "lecture"], glossary_src)),
                                       encoding="utf-8")
    (out / "index.html").write_text(mark_korean(home_page(entries, pdfs, korean=bool(korean))), encoding="utf-8")
    korean_s = build_korean(out, korean, javadoc) if korean else None
    (out / ".nojekyll").write_text("")  # GitHub Pages: serve the folder as it is
    n_lectures = sum(e.kind == "lecture" for e in entries)
    if pdfs:
        build_pdfs(out, entries)
    print(f"site: {n_lectures} lectures, {n_lectures} decks, {len(entries) - n_lectures} exercises, glossary, "
          + (f"the Korean edition ko/ ({len(korean)} pages and their decks, {korean_s:.0f} s), " if korean else "")
          + (f"javadoc ({javadoc_s:.0f} s), " if javadoc else "no javadoc, ")
          + f"in {time.perf_counter() - started:.0f} s -> {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}/index.html")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--executed", type=Path, default=EXECUTED, help="executed notebooks (default build/notebooks/executed)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the site goes (default build/site)")
    parser.add_argument("--no-javadoc", action="store_true", help="skip the javadoc (faster, pages link no classes)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDFs (faster, pages link no PDFs)")
    parser.add_argument("--pdf-only", action="store_true",
                        help="only print the PDFs again, from the site already built in --out (built with PDFs)")
    args = parser.parse_args()
    if args.pdf_only:
        out = args.out.resolve()
        if not (out / "index.html").is_file() or f'{PDF_DIR}/' not in (out / "index.html").read_text(encoding="utf-8"):
            sys.exit(f"{out}/index.html is not a site built with PDFs: build it first (without --no-pdf)")
        pdf_prerequisites()
        build_pdfs(out, site_entries(args.executed.resolve()))
        return 0
    build(args.executed.resolve(), args.out.resolve(), javadoc=not args.no_javadoc, pdfs=not args.no_pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
