"""RISE test: "Render as slideshow" in JupyterLab, with the Java kernel live, in headless Chromium, offline.

1. JupyterLab starts through tools/lab.sh (tools/browser_test.py's helpers) on a scratch copy of one lecture
   (build/rise/, so the committed notebook never gets outputs) and lists the jupyterlab-rise extension;
2. the lecture opens and every cell runs on the Java kernel (toolbar: restart the kernel and run all cells):
   no error output;
3. the notebook toolbar's RISE button ("Render as Reveal Slideshow", jupyterlab-rise) opens the slideshow
   beside the notebook: reveal.js runs in it on the same kernel session;
4. the slideshow itself (its /rise/<notebook> page, at a projector's 1280 x 720) is stepped through slide
   by slide: each slide must show content, and a slide whose cells have a Plotly output must show the plot
   drawn; a code cell is run from the slideshow (Ctrl+Enter) and must get a new execution count (the
   kernel is live). A screenshot per slide goes to build/screenshots/rise/.
Every request to another host is blocked and fails the test, as does a script error on the pages.

    python tools/rise_test.py [--notebook 02-calculus-warm-up] [--slides 10]
"""
import argparse
import json
import re
import secrets
import shutil
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import browser_test  # noqa: E402  (launch_browser, new_context, start_lab, stop_lab, free_port)
from testkit import Check  # noqa: E402  (ok/fail counters, as every test prints them)

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
WORK = BUILD / "rise"
SHOTS = BUILD / "screenshots" / "rise"
DEFAULT_NOTEBOOK = "02-calculus-warm-up"
VIEWPORT = {"width": 1280, "height": 720}

# the current slide of the RISE slideshow: what it shows, and its Plotly outputs drawn or not
SLIDE_STATE = """() => {
  const s = document.querySelector('.reveal .slides section.present section.present')
      || document.querySelector('.reveal .slides section.present');
  if (!s) { return null; }
  const shown = Array.from(s.querySelectorAll('.jp-Cell')).filter(c => !c.closest('aside, .notes')
      && !c.classList.contains('reveal-skip')
      && (!c.closest('.fragment') || c.closest('.fragment').classList.contains('visible')));
  const plots = Array.from(new Set(Array.from(s.querySelectorAll(
      '.jp-OutputArea-output[data-mime-type="application/vnd.plotly.v1+json"], .jp-RenderedPlotly'))
      .map(o => o.closest('.jp-OutputArea-child') || o))).filter(o => !o.closest('aside, .notes'));
  const drawn = plots.filter(o => o.querySelector('svg.main-svg')
      && (o.querySelectorAll('g.trace, g.contourlayer path, g.hm image').length > 0)
      && o.getBoundingClientRect().height > 50);
  // JupyterLab's Plotly renderer shows the picture it saved of a figure (img.plot-img) until the mouse enters
  // it, then draws the live figure: where to point for each such figure
  const pending = plots.filter(o => !drawn.includes(o)).map(o => o.querySelector('img.plot-img'))
      .filter(img => img && img.style.display !== 'none' && img.naturalWidth > 0)
      .map(img => { const r = img.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; });
  return {id: s.id, cells: shown.length, text: shown.map(c => c.innerText).join(' ').trim().length, pending,
          visuals: s.querySelectorAll('svg, img, canvas').length, plots: plots.length, drawn: drawn.length,
          errors: s.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length};
}"""

# the current slide's type, on screen: the smallest body text and code (px, the slide's scale applied) and any
# heading drawn in capitals that it is not written in
SLIDE_TYPE = """() => {
  const s = document.querySelector('.reveal .slides section.present section.present')
      || document.querySelector('.reveal .slides section.present');
  if (!s) { return null; }
  const slides = document.querySelector('.reveal .slides');
  const scale = slides.getBoundingClientRect().width / slides.offsetWidth || 1;
  const px = e => parseFloat(getComputedStyle(e).fontSize) * scale;
  const shown = e => e.getClientRects().length > 0 && !e.closest('aside, .notes, .reveal-skip');
  const body = [...s.querySelectorAll('.jp-RenderedMarkdown p, .jp-RenderedMarkdown li')].filter(shown);
  const code = [...s.querySelectorAll('.jp-InputArea-editor .cm-line, .jp-OutputArea-output pre')].filter(shown);
  const caps = [...s.querySelectorAll('h1, h2, h3, h4')].filter(shown)
      .filter(h => getComputedStyle(h).textTransform === 'uppercase').map(h => h.innerText.slice(0, 40));
  const min = xs => xs.length ? Math.min(...xs.map(px)) : null;
  return {body: min(body), code: min(code), caps: caps};
}"""
BODY_PX, CODE_PX = 24, 16  # the floors for a room: body text and code on a 1280 x 720 slide

# brings the current slide's plots into view, one after the other (a tall slide scrolls)
SCROLL_TO_PLOTS = """() => {
  const s = document.querySelector('.reveal .slides section.present section.present')
      || document.querySelector('.reveal .slides section.present');
  if (!s) { return 0; }
  const plots = s.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.plotly.v1+json"], .jp-RenderedPlotly');
  plots.forEach(p => p.scrollIntoView({block: 'center'}));
  return plots.length;
}"""

# cells of the notebook in Lab: how many ran, how many are still running, error outputs
RUN_STATE = """() => {
  const prompts = Array.from(document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt'))
      .map(p => p.textContent.trim());
  return {code: prompts.length, done: prompts.filter(t => /\\[\\d+\\]/.test(t)).length,
          running: prompts.filter(t => t.includes('*')).length,
          errors: document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) '
              + '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]').length};
}"""


def lab_extensions():
    """`jupyter labextension list` of the project's .venv: name -> the line (with OK or X)."""
    import subprocess
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "jupyter"), "labextension", "list"],
                         capture_output=True, text=True)
    lines = {}
    text = re.sub(r"\x1b\[[0-9;]*m", "", out.stdout + out.stderr)  # no colours
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1].startswith("v"):
            lines[parts[0]] = line.strip()
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebook", default=DEFAULT_NOTEBOOK, help="lecture to present (default %(default)s)")
    parser.add_argument("--slides", type=int, default=10, help="slides to step through (default %(default)s)")
    args = parser.parse_args()
    source = next(iter(sorted((ROOT / "notebooks").glob(f"{args.notebook}*.ipynb"))), None)
    if source is None:
        sys.exit(f"notebooks/{args.notebook}*.ipynb not found")
    started = time.perf_counter()
    check = Check()

    # 0. the extension, as JupyterLab sees it
    ext = lab_extensions()
    rise = ext.get("jupyterlab-rise", "")
    if " OK" in rise or rise.endswith("OK"):
        check.ok(f"jupyter labextension list: {rise.split('(')[0].strip()}")
    else:
        check.fail(f"jupyterlab-rise not listed as enabled and OK by `jupyter labextension list`: {rise or 'missing'}")
    # jupyterlab-rise 0.43.1 requires jupyterlab-mathjax3, whose every release (4.2.0 ... 4.3.0) is a
    # JupyterLab 3 extension (@jupyterlab/application < 4): JupyterLab 4 flags it "X". JupyterLab 4 typesets
    # with its own MathJax 3 (@jupyterlab/mathjax-extension), so the set-up disables the old one
    # (`jupyter labextension disable @jupyterlab/mathjax3-extension`); an enabled incompatible one fails here.
    incompatible = [line for line in ext.values()
                    if re.search(r"\benabled\b", line) and re.search(r"\sX\b", line.split("(")[0])]
    if incompatible:
        check.fail("enabled labextensions JupyterLab flags as incompatible (X): " + "; ".join(incompatible))
    else:
        check.ok("no enabled labextension is flagged incompatible (X) by JupyterLab")

    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir(parents=True)
    if SHOTS.exists():
        shutil.rmtree(SHOTS)
    SHOTS.mkdir(parents=True)
    nb_name = source.name
    shutil.copy2(source, WORK / nb_name)
    shutil.copy2(source.parent / "rise.css", WORK / "rise.css")  # the slideshow's type sizes (notebooks/rise.css)
    expected_plots = sum(1 for c in json.loads(source.read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code" and "Chart" in "".join(c["source"]))

    from playwright.sync_api import sync_playwright
    blocked, script_errors = [], []
    port, token = browser_test.free_port(), secrets.token_hex(16)
    lab = browser_test.start_lab(WORK, port, token)
    # every cell in the page (no windowed notebook), so that the test sees all prompts and outputs
    tracker = lab.state_dir / "settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}\n')
    base = f"http://127.0.0.1:{port}"
    try:
        with sync_playwright() as p:
            browser = browser_test.launch_browser(p)
            context = browser_test.new_context(browser, {"width": 1600, "height": 900}, blocked)
            page = context.new_page()
            page.on("pageerror", lambda e: script_errors.append(str(e)[:200]))

            # 2. open the lecture and run every cell
            t = time.perf_counter()
            page.goto(f"{base}/lab/tree/{nb_name}?token={token}", timeout=120_000)
            page.wait_for_selector(".jp-NotebookPanel .jp-CodeCell", timeout=120_000)
            page.wait_for_function("""() => { const s = document.querySelector('.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator');
                return s && s.getAttribute('data-status') === 'idle'; }""", timeout=120_000)
            wait_kernel_idle(base, token, nb_name, page)
            run_all(page)
            deadline = time.time() + 240
            retried = False
            state = page.evaluate(RUN_STATE)
            while time.time() < deadline:
                if accept_kernel_dialog(page):  # the kernel was not ready: pick it
                    time.sleep(2)
                state = page.evaluate(RUN_STATE)
                if not retried and state["done"] == 0 and not state["running"] and time.time() > deadline - 200:
                    retried = True  # nothing ran in 40 s (the click came before the kernel was ready): again
                    run_all(page)
                if state["code"] and state["done"] == state["code"] and not state["running"]:
                    break
                time.sleep(0.5)
            page.screenshot(path=str(SHOTS / "lab-after-run-all.png"))
            if state["done"] == state["code"] and not state["errors"]:
                check.ok(f"JupyterLab ran all {state['code']} code cells of {nb_name} on the Java kernel, "
                         f"no error output ({time.perf_counter() - t:.0f} s)")
            else:
                check.fail(f"run all cells of {nb_name}: {state}")

            # 3. the RISE button of the notebook toolbar: the slideshow beside the notebook
            first = page.locator(".jp-NotebookPanel .jp-Cell .jp-InputPrompt").first
            first.scroll_into_view_if_needed()
            first.click()  # the slideshow starts at the selected cell
            page.locator(".jp-NotebookPanel-toolbar [data-command='RISE:preview']").first.click()
            frame_el = page.wait_for_selector("iframe[src*='/rise/']", timeout=60_000)
            frame = frame_el.content_frame()
            frame.wait_for_selector(".reveal .slides section.present", timeout=120_000)
            src = frame_el.get_attribute("src")
            time.sleep(1)
            page.screenshot(path=str(SHOTS / "lab-render-as-slideshow.png"))
            sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10))
            kernels = {s["kernel"]["name"] for s in sessions if s["path"].endswith(nb_name)}
            if kernels == {"java"}:
                check.ok(f"RISE button: the slideshow opens beside the notebook ({urlparse(src).path}), "
                         f"same session on the java kernel")
            else:
                check.fail(f"RISE slideshow: sessions for {nb_name} run {sorted(kernels) or 'no kernel'}, not java")

            # 4. the slideshow page itself, at 1280 x 720, slide by slide
            show = context.new_page()  # the same context: JupyterLab's login cookie
            show.set_viewport_size(VIEWPORT)
            show.on("pageerror", lambda e: script_errors.append(str(e)[:200]))
            show.goto(urllib.parse.urljoin(base, src), timeout=120_000)
            show.wait_for_selector(".reveal .slides section.present", timeout=120_000)
            show.wait_for_function("() => document.body.classList.contains('rise-enabled')", timeout=60_000)
            time.sleep(1.5)
            show.keyboard.press("Home")
            empty, undrawn, seen, plots_seen, ran = [], [], [], 0, None
            small, sizes = [], []
            for step in range(args.slides * 4):
                deadline = time.time() + 15
                scrolled = False
                pointed = set()
                while True:
                    s = show.evaluate(SLIDE_STATE)
                    if s and s["drawn"] == s["plots"] or time.time() > deadline:
                        break
                    if s and s["pending"]:
                        # as the lecturer's mouse does: the saved picture becomes the live figure; a picture below
                        # the fold is scrolled to first (RISE scrolls a tall slide), then pointed at where it is
                        if any(not 0 < y < VIEWPORT["height"] for _, y in s["pending"]) and not scrolled:
                            show.evaluate(SCROLL_TO_PLOTS)
                            scrolled = True
                            continue
                        for x, y in s["pending"]:
                            if 0 < y < VIEWPORT["height"] and (round(x), round(y)) not in pointed:
                                show.mouse.move(2, 2)
                                show.mouse.move(x, y, steps=4)
                                pointed.add((round(x), round(y)))
                                time.sleep(0.2)
                    if s and not scrolled and time.time() > deadline - 10:
                        # a slide taller than the screen scrolls (RISE's scroll setting): JupyterLab draws an
                        # output below the fold when it comes into view, as it does for the lecturer scrolling
                        show.evaluate(SCROLL_TO_PLOTS)
                        scrolled = True
                    time.sleep(0.3)
                if s is None:
                    empty.append(f"step {step}: no present slide")
                    break
                if s["id"] not in seen:
                    seen.append(s["id"])
                    show.mouse.move(2, 2)   # no hover state in the picture (Plotly's mode bar, a legend item)
                    time.sleep(0.3)
                    show.screenshot(path=str(SHOTS / f"{args.notebook}-rise-{len(seen):02d}-{s['id']}.png"))
                    if s["cells"] == 0 or (s["text"] == 0 and s["visuals"] == 0):
                        empty.append(s["id"])
                    if s["drawn"] < s["plots"]:
                        undrawn.append(f"{s['id']}: {s['plots'] - s['drawn']} of {s['plots']} plots")
                    plots_seen += s["drawn"]
                    ty = show.evaluate(SLIDE_TYPE) or {}
                    if ty.get("body") is not None and ty["body"] < BODY_PX - 0.5:
                        small.append(f"{s['id']}: body text {ty['body']:.0f} px")
                    if ty.get("code") is not None and ty["code"] < CODE_PX - 0.5:
                        small.append(f"{s['id']}: code {ty['code']:.0f} px")
                    small.extend(f"{s['id']}: heading in capitals {h!r}" for h in ty.get("caps", []))
                    sizes.extend(v for v in (ty.get("body"), ty.get("code")) if v is not None)
                    if ran is None and show.evaluate("""() => !!document.querySelector(
                            '.reveal section.present section.present .jp-CodeCell:not(.reveal-skip) .jp-InputArea-editor')"""):
                        ran = run_in_slideshow(show)
                    if len(seen) >= args.slides:
                        break
                show.keyboard.press("Space")
                time.sleep(0.4)
            problems = []
            if len(seen) < args.slides:
                problems.append(f"only {len(seen)} slides reached")
            if empty:
                problems.append(f"slides without content: {empty[:5]}")
            if undrawn:
                problems.append("plots not drawn: " + "; ".join(undrawn[:3]))
            if small:
                problems.append(f"type below {BODY_PX} px body / {CODE_PX} px code, or capitalised headings: "
                                + "; ".join(small[:5]))
            if not sizes:
                problems.append("no body text or code measured on any slide")
            if expected_plots and plots_seen == 0:
                problems.append("no drawn plot on any of the slides stepped through")
            type_note = f", smallest type {min(sizes):.0f} px" if sizes else ""
            summary = (f"slideshow {nb_name}: {len(seen)} slides stepped through, {plots_seen} plots drawn{type_note}, "
                       f"screenshots in {SHOTS.relative_to(ROOT)}/")
            check.fail(summary + " — " + "; ".join(problems)) if problems else check.ok(summary)
            if ran is None:
                check.fail("no code cell reached in the slideshow to run")
            elif ran[0]:
                check.ok(f"kernel live in the slideshow: Ctrl+Enter ran a code cell ({ran[1]})")
            else:
                check.fail(f"Ctrl+Enter in the slideshow: {ran[1]}")
            browser.close()
    finally:
        browser_test.stop_lab(lab)

    external = sorted(set(blocked))
    if external:
        check.fail(f"{len(external)} requests to other hosts blocked: " + ", ".join(u[:100] for u in external[:5]))
    else:
        check.ok("no request to another host")
    if script_errors:
        check.fail(f"{len(script_errors)} script errors, e.g. {script_errors[0]}")
    print(f"rise test took {time.perf_counter() - started:.0f} s")
    print(f"rise test: {check.passed} passed, {len(check.failed)} failed")
    return 1 if check.failed else 0


def wait_kernel_idle(base, token, nb_name, page, timeout_s=180):
    """Until the notebook's session has a java kernel that is idle (JupyterLab's REST API)."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        accept_kernel_dialog(page)
        sessions = json.load(urllib.request.urlopen(f"{base}/api/sessions?token={token}", timeout=10))
        if any(s["path"].endswith(nb_name) and s["kernel"]["name"] == "java"
               and s["kernel"]["execution_state"] == "idle" for s in sessions):
            time.sleep(1)
            return True
        time.sleep(0.5)
    return False


def run_all(page):
    """The notebook toolbar's "Restart the kernel and run all cells" button, confirmed."""
    page.locator(".jp-NotebookPanel-toolbar [data-command='notebook:restart-run-all']").first.click()
    page.locator(".jp-Dialog .jp-mod-accept").first.click(timeout=30_000)


def accept_kernel_dialog(page):
    """JupyterLab's "Select Kernel" dialog (the notebook's kernel, java, is preselected): accept it."""
    dialog = page.locator(".jp-Dialog:has-text('Select Kernel') .jp-mod-accept")
    if dialog.count():
        dialog.first.click()
        time.sleep(1)
        return True
    return False


def run_in_slideshow(show):
    """Ctrl+Enter on the first code cell of the current slide; (True, what) if its execution count grew."""
    prompt = show.locator(".reveal section.present section.present .jp-CodeCell:not(.reveal-skip) .jp-InputPrompt").first
    before = prompt.inner_text().strip()
    show.locator(".reveal section.present section.present .jp-CodeCell:not(.reveal-skip) .jp-InputArea-editor").first.click(force=True)
    show.keyboard.press("Control+Enter")  # run in place (Shift+Enter would move the slideshow on)
    deadline = time.time() + 60
    after = before
    while time.time() < deadline:
        after = prompt.inner_text().strip()
        if after != before and "*" not in after:
            break
        time.sleep(0.3)
    show.keyboard.press("Escape")
    grew = after != before and "*" not in after
    return grew, f"prompt {before} → {after}"


if __name__ == "__main__":
    sys.exit(main())
