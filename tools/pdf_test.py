"""PDF test: the PDFs `./course site` prints (build/site/pdf/, tools/course_site.py, issue 35), opened with pypdf.

For every lecture page, deck and exercise page of the site there must be its PDF, linked from the page (and
from the home page), and:

  * pages: a deck has one page per slide, as many as the deck's slides (its innermost <section>s); a lecture
    or exercise at least one, none empty (no text but the running footer, no image);
  * page size: every page of a deck 16:9 (within 0.5 %);
  * fonts: every font embedded (TrueType, CFF or Type 1 font file; a Type 3 font carries its glyphs itself);
  * Korean: every Korean run of the page's text (the site marks each <span lang="ko">) is in the PDF's text,
    drawn by an embedded CJK font (Noto Sans CJK KR on Debian: fonts-noto-cjk, tools/setup.sh);
  * headings: the text of every h1, h2 and h3 of the page is in the PDF's text (formulas aside: MathJax draws
    them as outlines); for a deck the headings of each slide on that slide's page.

Before the site's PDFs, the checks run on a fixture written here with pypdf (a heading that is not there, a
font not embedded, an empty page, no Korean, three slides expected on two A4 pages): each check must fail on
it, so that none of them passes whatever it is given.

    python tools/pdf_test.py [--site build/site]
"""
import argparse
import html
import re
import sys
import tempfile
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from testkit import Check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "site"
PDF_DIR = "pdf"   # tools/course_site.py's PDF_DIR
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")
# the names of the Korean fonts a page may be printed with (CJK ones first: the print font stack in site.css)
CJK_FONT = re.compile(r"CJK|KR|Korean|Nanum|Malgun|Gothic|Batang|Gulim|Dotum|Un(?:Dotum|Batang)|Baekmuk", re.I)
MATH = re.compile(r"\$\$.+?\$\$|\$[^$]+\$|\\\(.+?\\\)|\\\[.+?\\\]", re.S)
WHITE = re.compile(r"\s+")
# what of a page's content stream is text: the text objects, and the forms (Do) that may hold more; pypdf then
# reads only those, not the thousands of path operators of the plots (half the time)
TEXT_OBJECTS = re.compile(rb"\bBT\b.*?\bET\b|/[^\s/\[\]()<>]+\s+Do\b", re.S)


def squeeze(text):
    """Text without its white space, ligatures spelled out (NFKC: a font's "ﬀ" glyph is "ff")."""
    return WHITE.sub("", unicodedata.normalize("NFKC", text))


class PageText(HTMLParser):
    """From a site page (or a slide of it): its <title>, the text of its h1-h3 headings, its Korean runs
    (<span lang="ko">) and its hrefs; nothing inside speaker notes (aside), scripts, styles, navigation or the
    headings' ¶ anchor links."""

    SKIP = {"script", "style", "aside", "nav", "title", "svg", "math"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.hrefs, self.headings, self.korean = "", [], [], []
        self._skip = self._anchor = 0
        self._heading = self._ko = None
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        self._in_title = self._in_title or tag == "title"
        if tag in self.SKIP:
            self._skip += 1
        elif self._skip:
            return
        elif tag in ("h1", "h2", "h3"):
            self._heading = []
        elif tag == "a" and "anchor-link" in (a.get("class") or ""):
            self._anchor += 1
        elif tag == "span" and a.get("lang") == "ko":
            self._ko = []

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self._skip = max(0, self._skip - 1)
        elif self._skip:
            return
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            text = squeeze(MATH.sub("", "".join(self._heading)))
            if text:
                self.headings.append(text)
            self._heading = None
        elif tag == "a" and self._anchor:
            self._anchor -= 1
        elif tag == "span" and self._ko is not None:
            self.korean.append("".join(self._ko))
            self._ko = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._skip or self._anchor:
            return
        if self._heading is not None:
            self._heading.append(data)
        if self._ko is not None:
            self._ko.append(data)


def read_page(text):
    parser = PageText()
    parser.feed(text)
    parser.close()
    return parser


def deck_slides(page_html):
    """A deck's slides in order, as reveal.js prints them (each innermost <section>): the squeezed text of
    each one's headings."""
    slides, stack, pos = [], [], 0   # stack: [the section's own HTML parts, has a child section]
    for m in re.finditer(r"<(/?)section\b[^>]*>", page_html):
        if stack:
            stack[-1][0].append(page_html[pos:m.start()])
        pos = m.end()
        if m.group(1):
            parts, has_child = stack.pop()
            if not has_child:
                slides.append(read_page("".join(parts)).headings)
        else:
            if stack:
                stack[-1][1] = True
            stack.append([[], False])
    return slides


# --- reading a PDF ---------------------------------------------------------------------------------------

def font_embedded(font):
    """(embedded, name, family) of one PDF font dictionary."""
    sub = font.get("/Subtype")
    desc = font.get("/FontDescriptor")
    if sub == "/Type0":
        kids = font.get("/DescendantFonts") or []
        desc = kids[0].get_object().get("/FontDescriptor") if kids else None
    desc = desc.get_object() if desc is not None else None
    name = str((desc or {}).get("/FontName") or font.get("/BaseFont") or "?").lstrip("/")
    family = str((desc or {}).get("/FontFamily") or "")
    if sub == "/Type3":   # its glyphs are drawn by its own procedures, in the file
        return bool(font.get("/CharProcs")), name, family
    return bool(desc) and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")), name, family


def fonts_of(resources, seen, out):
    """Every font reachable from a resource dictionary: its fonts, its forms' fonts, Type 3 fonts' own ones."""
    if resources is None:
        return
    resources = resources.get_object()
    for ref in (resources.get("/Font") or {}).values():
        font = ref.get_object()
        key = ref.idnum if hasattr(ref, "idnum") else id(font)
        if key in seen:
            continue
        seen.add(key)
        out[key] = font_embedded(font)
        if font.get("/Subtype") == "/Type3":
            fonts_of(font.get("/Resources"), seen, out)
    for ref in (resources.get("/XObject") or {}).values():
        xobj = ref.get_object()
        key = ("x", ref.idnum) if hasattr(ref, "idnum") else id(xobj)
        if xobj.get("/Subtype") == "/Form" and key not in seen:
            seen.add(key)
            fonts_of(xobj.get("/Resources"), seen, out)


class Pdf:
    """One PDF: its pages' sizes, text (and which fonts drew Hangul) and fonts."""

    def __init__(self, path):
        from pypdf import PdfReader
        from pypdf.generic import DecodedStreamObject, NameObject
        reader = PdfReader(path)
        self.sizes, self.texts, self.images, self.fonts = [], [], [], {}
        self.hangul_fonts = set()
        seen = set()
        for page in reader.pages:
            box = page.mediabox
            self.sizes.append((float(box.width), float(box.height)))
            fonts_of(page.get("/Resources"), seen, self.fonts)
            contents = page.get_contents()
            data = contents.get_data() if contents is not None else b""
            self.images.append(b" Do" in data or bool(re.search(rb"\bBI\b", data)))
            only_text = DecodedStreamObject()
            only_text.set_data(b"\n".join(TEXT_OBJECTS.findall(data)))
            page[NameObject("/Contents")] = only_text

            def visit(text, cm, tm, font, size):
                if font is not None and HANGUL.search(text or ""):
                    self.hangul_fonts.add(font_embedded(font.get_object()))
            self.texts.append(page.extract_text(visitor_text=visit))


# --- the checks: each returns [(check, problem)] -------------------------------------------------------------

def check_fonts(pdf):
    missing = sorted({name for ok, name, _ in pdf.fonts.values() if not ok})
    return [("fonts", f"fonts not embedded: {', '.join(missing[:5])}")] if missing else []


def check_korean(pdf, korean):
    """The page's Korean runs are all in the PDF's text, drawn by embedded CJK fonts."""
    if not korean:
        return []
    text = squeeze("".join(pdf.texts))
    lost = [k for k in dict.fromkeys(squeeze(k) for k in korean) if k and k not in text]
    problems = [("korean", f"{len(lost)} of the page's Korean runs not in the PDF's text, e.g. {lost[:3]}")] if lost else []
    cjk = [f for f in pdf.hangul_fonts if CJK_FONT.search(f[1] + " " + f[2])]
    if not pdf.hangul_fonts:
        problems.append(("korean", "no Hangul drawn in any font"))
    elif not cjk or not all(ok for ok, _, _ in pdf.hangul_fonts):
        problems.append(("korean", "Hangul drawn in fonts that are not embedded CJK fonts: "
                         + ", ".join(sorted({n for _, n, _ in pdf.hangul_fonts}))))
    return problems


def check_headings(texts, headings):
    """headings: [[squeezed heading, …] per page] (a deck) or [[…]] against the whole text (a page)."""
    lost = []
    for text, wanted in zip(texts, headings):
        flat = squeeze(text)
        lost += [h for h in wanted if h not in flat]
    return [("headings", f"{len(lost)} headings not in the PDF's text, e.g. {lost[:3]}")] if lost else []


def check_deck(pdf, slides, korean):
    problems = []
    if len(pdf.sizes) != len(slides):
        problems.append(("pages", f"{len(pdf.sizes)} pages for {len(slides)} slides"))
    off = [i + 1 for i, (w, h) in enumerate(pdf.sizes) if abs(w / h / (16 / 9) - 1) > 0.005]
    if off:
        w, h = pdf.sizes[off[0] - 1]
        problems.append(("16:9", f"{len(off)} pages not 16:9, e.g. page {off[0]}: {w:.0f} x {h:.0f} pt"))
    problems += check_headings(pdf.texts, slides) if len(pdf.texts) == len(slides) else \
        check_headings(["".join(pdf.texts)], [[h for s in slides for h in s]])
    return problems + check_fonts(pdf) + check_korean(pdf, korean)


def check_page(pdf, headings, korean, title):
    """A lecture or exercise: pages, none empty (the running footer, title and page number, does not count)."""
    problems = [] if pdf.texts else [("pages", "no pages")]
    footer = squeeze(title)
    empty = []
    for i, text in enumerate(pdf.texts):
        body = squeeze(text).replace(footer, "", 1).replace(f"{i + 1}/{len(pdf.texts)}", "", 1)
        if not body and not pdf.images[i]:
            empty.append(i + 1)
    if empty:
        problems.append(("empty page", f"{len(empty)} empty pages: {empty[:5]}"))
    return (problems + check_headings(["".join(pdf.texts)], [headings]) + check_fonts(pdf)
            + check_korean(pdf, korean))


def write_fixture(path):
    """Two A4 pages: 'Intro' in Helvetica, not embedded, and an empty page; no Korean."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 24 Tf 72 760 Td (Intro) Tj ET")
    page.replace_contents(content)
    writer.add_blank_page(595, 842)
    writer.write(path)


def check_fixture(check):
    """Each check must fail on the fixture, and only for what is wrong with it ('Intro' is there)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fixture.pdf"
        write_fixture(path)
        pdf = Pdf(path)
    page = {c for c, _ in check_page(pdf, ["Intro", "Missingheading"], ["경사하강법"], "")}
    deck = {c for c, _ in check_deck(pdf, [["Intro"], [], ["Missingheading"]], [])}
    lost = check_headings(pdf.texts[:1], [["Intro", "Missingheading"]])
    want_page, want_deck = {"empty page", "headings", "fonts", "korean"}, {"pages", "16:9", "headings", "fonts"}
    if page >= want_page and deck >= want_deck and lost and "'Missingheading'" in lost[0][1] and "1 headings" in lost[0][1]:
        check.ok("fixture (a heading missing, Helvetica not embedded, an empty page, no Korean, 3 slides expected "
                 "on 2 A4 pages): every check fails on it")
    else:
        check.fail(f"fixture: checks that did not fail: page {sorted(want_page - page)}, deck {sorted(want_deck - deck)}"
                   + ("" if lost and "1 headings" in lost[0][1] else f"; heading check said {lost}"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=SITE)
    args = parser.parse_args()
    site = args.site.resolve()
    started = time.perf_counter()
    check = Check()
    check_fixture(check)
    home = (site / "index.html").read_text(encoding="utf-8") if (site / "index.html").is_file() else ""
    if not home:
        sys.exit(f"{site}/index.html not found: run ./course site (tools/course_site.py) first")
    targets = ([(f, "lecture", f"{PDF_DIR}/{f.stem}.pdf") for f in sorted((site / "lectures").glob("*.html"))]
               + [(f, "deck", f"{PDF_DIR}/{f.stem}-slides.pdf") for f in sorted((site / "slides").glob("*.html"))]
               + [(f, "exercise", f"{PDF_DIR}/{f.stem}.pdf") for f in sorted((site / "exercises").glob("*.html"))])
    if not targets:
        check.fail(f"no lecture, deck or exercise pages in {site}")
    fonts, pages = {}, {"lecture": 0, "deck": 0, "exercise": 0}
    for page_file, kind, rel in targets:
        what = f"{rel} ({kind} {page_file.stem})"
        pdf_file = site / rel
        page_html = page_file.read_text(encoding="utf-8")
        text = read_page(page_html)
        if not pdf_file.is_file():
            check.fail(f"{what}: missing")
            continue
        unlinked = [where for where, hrefs, link in
                    (("its page", text.hrefs, f"../{rel}"), ("the home page", None, rel)) if
                    (link not in hrefs if hrefs is not None else f'href="{link}"' not in home)]
        t0 = time.perf_counter()
        try:
            pdf = Pdf(pdf_file)
        except Exception as e:   # pypdf could not read it
            check.fail(f"{what}: pypdf cannot read it: {type(e).__name__}: {e}")
            continue
        if kind == "deck":
            slides = deck_slides(page_html)
            problems = check_deck(pdf, slides, text.korean)
            detail = f"{len(pdf.sizes)} pages = {len(slides)} slides, 16:9"
        else:
            headings = text.headings
            problems = check_page(pdf, headings, text.korean, html.unescape(text.title).strip())
            detail = f"{len(pdf.sizes)} pages, none empty, {len(headings)} headings"
        problems += [("link", f"not linked from {w}") for w in unlinked]
        pages[kind] += len(pdf.sizes)
        for ok, name, family in pdf.fonts.values():
            fonts[re.sub(r"^[A-Z]{6}\+", "", name)] = ok
        ko = f", {len(set(text.korean))} Korean runs in {', '.join(sorted({re.sub(r'^[A-Z]{6}[+]', '', n) for _, n, _ in pdf.hangul_fonts}))}" \
            if text.korean else ""
        took = f"({time.perf_counter() - t0:.1f} s)"
        if problems:
            check.fail(f"{what}: " + "; ".join(p for _, p in problems) + f" {took}")
        else:
            check.ok(f"{what}: {detail}, all headings there, all {len(pdf.fonts)} fonts embedded{ko} {took}")
    print(f"pdf test: {pages['lecture']} lecture pages, {pages['deck']} slide pages, {pages['exercise']} exercise pages; "
          f"fonts: {', '.join(sorted(fonts))}")
    print(f"pdf test took {time.perf_counter() - started:.0f} s")
    print(f"pdf test: {check.passed} passed, {len(check.failed)} failed")
    return 1 if check.failed else 0


if __name__ == "__main__":
    sys.exit(main())
