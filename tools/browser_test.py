"""Browser test: headless Chromium, with every non-local request blocked, must find drawn Plotly
plots (an `svg.main-svg` with data traces) in

1. the nbconvert HTML export of an executed notebook, and
2. JupyterLab itself, showing the executed (hence untrusted) notebook.

Then the keyboard test of an animated figure's controls (lecture 11, KEYBOARD_NOTEBOOK): in the HTML export and in
JupyterLab (a signed copy of the executed notebook: the controls are built by a script, which JupyterLab runs only in
a trusted notebook, as it is when a student runs it), the Tab key reaches ▶ Play, Space plays and changes the
figure's frame, Enter pauses, Tab reaches the frame slider and ArrowRight shows the next frame; the focus ring shows;
with prefers-reduced-motion, Play shows one frame and nothing plays by itself (the export).

Screenshots are kept in build/screenshots/. Then, in the same JupyterLab, it runs the figure test
(tools/figure_test.py): every figure of every executed notebook, in the HTML export and in
JupyterLab, with PNGs and an index page in build/figures/. Needs Debian's chromium (or CHROMIUM=/path).

    python tools/browser_test.py [--notebooks 03,10] [--no-figures] [NOTEBOOK_NAME]
"""
import argparse
import json
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
import testkit  # noqa: E402
from testkit import LOCAL_HOSTS, chromium_path, launch_browser  # noqa: E402,F401  (figure, hub, RISE tests import them here)

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SHOTS = BUILD / "screenshots"
DEFAULT_NOTEBOOK = "00-working-in-a-java-notebook.ipynb"
COUNT_TRACES = """() => Array.from(document.querySelectorAll('svg.main-svg'))
    .map(svg => svg.querySelectorAll('g.trace').length).reduce((a, b) => a + b, 0)"""


def offline(context, blocked):
    """Aborts every request that would leave this machine, and remembers it in the list `blocked`."""
    testkit.offline(context, blocked.append)


def wait_for_traces(page, what, timeout_s=60):
    deadline = time.time() + timeout_s
    traces = 0
    while time.time() < deadline:
        traces = page.evaluate(COUNT_TRACES)
        if traces > 0:
            return traces
        time.sleep(0.5)
    raise AssertionError(f"{what}: no drawn Plotly plot (svg.main-svg with g.trace) after {timeout_s} s")


KEYBOARD_NOTEBOOK = "11-optimizer-race.ipynb"
# the first animation's controls (dl.plot.Animation.controlsHtml) and the state of the figure they drive
KEY_STATE = """() => {
  const root = document.querySelector('.dl-anim'), a = document.activeElement;
  if (!root) return null;
  const gd = Array.from(document.querySelectorAll('.js-plotly-plot')).find(g => g.dlControls === root);
  const range = root.querySelector('input[type=range]'), button = root.querySelector('button');
  const path = gd && gd.querySelector('g.scatterlayer g.trace path.js-line');
  const style = getComputedStyle(a);
  return {wired: !!gd, focus: a === button ? 'play' : a === range ? 'range' : a.tagName.toLowerCase(),
          button: button.textContent.trim(), range: Number(range.value), valuetext: range.getAttribute('aria-valuetext'),
          label: range.labels.length ? range.labels[0].textContent : '',
          title: gd ? (gd.querySelector('.gtitle') || {}).textContent : '', path: path ? path.getAttribute('d') : '',
          plotlyPlay: gd && gd._fullLayout.updatemenus.length ? gd._fullLayout.updatemenus[0].visible : null,
          ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
}"""


def key_state(page):
    return page.evaluate(KEY_STATE)


def wait_state(page, test, timeout_s):
    deadline = time.time() + timeout_s
    while True:
        s = key_state(page)
        if test(s) or time.time() > deadline:
            return s
        time.sleep(0.1)


def tab_to_play(page, presses=80):
    """Presses Tab until the first animation's ▶ Play has the focus; the number of presses, or None."""
    for n in range(1, presses + 1):
        page.keyboard.press("Tab")
        if key_state(page)["focus"] == "play":
            return n
    return None


def keyboard_check(page, what, start, shot):
    """Drives the first animated figure of the page from the keyboard alone (the page shows it; `start` puts the
    focus somewhere before its controls); a list of failures, empty when all worked."""
    s = wait_state(page, lambda s: s and s["wired"], 30)
    if not s or not s["wired"]:
        return [f"{what}: no keyboard controls wired to an animated figure (.dl-anim) within 30 s"]
    start()
    presses = tab_to_play(page)
    if presses is None:
        return [f"{what}: the Tab key never reaches ▶ Play (focus stays on {key_state(page)['focus']})"]
    failures = []
    before = key_state(page)
    if not before["ring"]:
        failures.append(f"{what}: ▶ Play has the focus but no visible focus ring (outline under 2 px)")
    page.keyboard.press("Space")
    played = wait_state(page, lambda s: s["range"] > before["range"] + 1 and s["title"] != before["title"], 4)
    box = page.locator(".dl-anim").first.bounding_box()   # with the focus ring, which lies outside the box
    page.screenshot(path=str(shot), clip={"x": max(0, box["x"] - 8), "y": max(0, box["y"] - 8),
                                          "width": box["width"] + 16, "height": box["height"] + 16})
    if not (played["range"] > before["range"] + 1 and played["title"] != before["title"] and played["path"] != before["path"]):
        failures.append(f"{what}: Space on ▶ Play did not play the frames (slider {before['range']} -> {played['range']}, "
                        f"title {before['title']!r} -> {played['title']!r})")
    if played["button"] != "❚❚ Pause":
        failures.append(f"{what}: while playing the button reads {played['button']!r}, not '❚❚ Pause'")
    page.keyboard.press("Enter")
    paused = wait_state(page, lambda s: s["button"] == "▶ Play", 2)
    time.sleep(0.5)
    later = key_state(page)
    if paused["button"] != "▶ Play" or later["range"] != paused["range"]:
        failures.append(f"{what}: Enter on ❚❚ Pause did not stop the animation (button {paused['button']!r}, "
                        f"slider {paused['range']} -> {later['range']} after 0.5 s)")
    page.keyboard.press("Tab")
    at_range = key_state(page)
    if at_range["focus"] != "range":
        failures.append(f"{what}: Tab after ▶ Play goes to {at_range['focus']}, not the frame slider")
    else:
        page.keyboard.press("ArrowRight")
        step = wait_state(page, lambda s: s["range"] == at_range["range"] + 1 and s["title"] != at_range["title"], 2)
        if step["range"] != at_range["range"] + 1 or step["title"] == at_range["title"] or step["path"] == at_range["path"]:
            failures.append(f"{what}: ArrowRight on the slider did not show the next frame (slider "
                            f"{at_range['range']} -> {step['range']}, title {step['title']!r})")
        elif not step["label"] or not step["valuetext"]:
            failures.append(f"{what}: the frame slider has no label or no aria-valuetext ({step})")
    if not failures:
        print(f"ok   {what}: Tab reaches ▶ Play ({presses} presses), Space plays (slider {before['range']} -> "
              f"{played['range']}, '{played['title'][:40]}…'), Enter pauses, ArrowRight on the slider '{step['label']}' "
              f"shows the next frame ('{step['valuetext']}'); focus ring shown (screenshot {shot.relative_to(ROOT)})")
        failures += reduced_motion_check(page, what)
    return failures


def reduced_motion_check(page, what):
    """With prefers-reduced-motion switched on (the controls follow the setting as it changes), from the frame
    slider: Shift+Tab back to the button, which reads 'Next step'; Enter shows one frame and nothing plays by
    itself; Plotly's own ▶ Play (which would) is hidden. Then the setting is switched off again."""
    page.emulate_media(reduced_motion="reduce")
    try:
        s = wait_state(page, lambda x: x["button"] == "▶ Next step" and x["plotlyPlay"] is False, 2)
        page.keyboard.press("Shift+Tab")
        s = key_state(page)
        problems = []
        if s["button"] != "▶ Next step" or s["plotlyPlay"] is not False:
            problems.append(f"the button reads {s['button']!r} and Plotly's own Play is "
                            f"{'hidden' if s['plotlyPlay'] is False else 'shown'}")
        if s["focus"] != "play":
            problems.append(f"Shift+Tab from the slider goes to {s['focus']}, not the button")
        page.keyboard.press("Enter")
        one = wait_state(page, lambda x: x["range"] == s["range"] + 1 and x["title"] != s["title"], 2)
        time.sleep(0.5)
        later = key_state(page)
        if one["range"] != s["range"] + 1 or later["range"] != one["range"] or one["title"] == s["title"]:
            problems.append(f"Enter moved the slider {s['range']} -> {one['range']} -> {later['range']} after 0.5 s "
                            f"(one frame expected)")
        if problems:
            return [f"{what}, reduced motion: " + "; ".join(problems)]
        print(f"ok   {what}, prefers-reduced-motion: '{s['button']}' shows one frame ({s['range']} -> {later['range']}), "
              f"nothing plays by itself, Plotly's own Play hidden")
        return []
    finally:
        page.emulate_media(reduced_motion="no-preference")


def signed_copy(executed, dest):
    """A trusted copy of an executed notebook for JupyterLab (signed with this machine's Jupyter secret, as
    JupyterLab signs a notebook a student ran); its metadata differs, so the executed notebook itself stays
    untrusted (a signature is a hash of the content)."""
    import nbformat
    from nbformat.sign import NotebookNotary
    nb = nbformat.read(executed, as_version=4)
    nb.metadata["dl_keyboard_test"] = "a signed copy for tools/browser_test.py"
    dest.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dest)
    NotebookNotary().sign(nb)
    return dest


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def new_context(browser, viewport, blocked):
    context = browser.new_context(viewport=viewport)
    offline(context, blocked)
    return context


def start_lab(root_dir, port, token, quiet=False, extra=()):
    """Starts JupyterLab through the README's own lab script (tools/lab.sh, what `./course lab` runs),
    with the course's Lab settings (tools/lab/overrides.json: no news feed, no update check) and an empty
    workspace, not the settings of whoever runs the test; `extra`: more server options."""
    log = open(BUILD / "browser-test-jupyterlab.log", "w")
    state = Path(tempfile.mkdtemp(prefix="browser-test-lab-"))
    proc = subprocess.Popen(
        ["bash", str(ROOT / "tools" / "lab.sh"), "--no-browser", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}",
         "--ServerApp.port_retries=0", f"--LabApp.user_settings_dir={state / 'settings'}",
         f"--LabApp.workspaces_dir={state / 'workspaces'}", *extra],
        stdout=log, stderr=subprocess.STDOUT)
    proc.state_dir = state
    url = f"http://127.0.0.1:{port}/api/kernelspecs?token={token}"
    for _ in range(120):
        if proc.poll() is not None:
            raise RuntimeError(f"JupyterLab exited early; see {log.name}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                specs = json.load(response)["kernelspecs"]
            if "java" not in specs:
                proc.terminate()
                raise RuntimeError(f"JupyterLab does not list the java kernel, only {sorted(specs)}")
            if not quiet:
                print(f"ok   ./course lab serves JupyterLab on 127.0.0.1:{port} (token required) listing the kernel "
                      f"'java' ({specs['java']['spec']['display_name']})")
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"JupyterLab did not answer on port {port}; see {log.name}")


OVERLAY_JS = """() => [...document.querySelectorAll('.jp-Dialog, .Toastify__toast, .jp-toast-container > *, [role=alertdialog]')]
    .filter(e => e.getBoundingClientRect().width > 0).map(e => (e.innerText || e.className).trim().slice(0, 80))"""


def overlays(page):
    """Dialogs, toasts and pop-ups shown over JupyterLab (e.g. its news-feed or update prompt): their texts."""
    time.sleep(2)  # the news and update prompts come a moment after the page is ready
    return page.evaluate(OVERLAY_JS)


def stop_lab(proc):
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(proc.state_dir, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebook", nargs="?", default=DEFAULT_NOTEBOOK,
                        help=f"notebook for the plot-drawn checks (default {DEFAULT_NOTEBOOK})")
    parser.add_argument("--notebooks", help="figure test: comma-separated names or prefixes (default: all)")
    parser.add_argument("--no-figures", action="store_true", help="skip the figure test")
    args = parser.parse_args()
    name = args.notebook
    executed = BUILD / "notebooks" / "executed" / name
    html = (BUILD / "notebooks" / "html" / name).with_suffix(".html")
    for f in (executed, html):
        if not f.is_file():
            sys.exit(f"{f} not found: run the notebooks first (tools/run_notebooks.py)")
    import figure_test
    figure_notebooks = None if args.no_figures else figure_test.select_notebooks(args.notebooks)
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    blocked = []
    figure_results, figure_checks = [], {}
    with sync_playwright() as p:
        browser = launch_browser(p)
        page = new_context(browser, {"width": 1280, "height": 1600}, blocked).new_page()

        # 0. the pop-up check sees a pop-up: a fixture page with a JupyterLab-style dialog and toast
        page.set_content('<div class="jp-Dialog">Would you like to receive official Jupyter news?</div>'
                         '<div class="jp-toast-container"><div class="Toastify__toast">A newer version is available'
                         '</div></div>')
        found = overlays(page)
        if len(found) == 2:
            print("ok   the pop-up check finds a fixture's dialog and toast")
        else:
            failures.append(f"the pop-up check found {found} on a fixture with a dialog and a toast")

        # 1. the HTML export, opened from disk
        try:
            page.goto(html.as_uri(), wait_until="load", timeout=120_000)
            traces = wait_for_traces(page, f"HTML export {html.name}")
            page.locator("svg.main-svg").first.scroll_into_view_if_needed()
            page.screenshot(path=str(SHOTS / "html-export.png"))
            print(f"ok   HTML export {html.name}: {traces} drawn traces (screenshot build/screenshots/html-export.png)")
        except Exception as e:  # noqa: BLE001 - report and go on to the next check
            failures.append(f"HTML export: {e}")
            page.screenshot(path=str(SHOTS / "html-export-failed.png"))

        # 1b. the keyboard test of an animated figure in the HTML export: Tab from the top of the page
        key_html = (BUILD / "notebooks" / "html" / KEYBOARD_NOTEBOOK).with_suffix(".html")
        key_executed = BUILD / "notebooks" / "executed" / KEYBOARD_NOTEBOOK
        started = time.perf_counter()
        try:
            if not key_html.is_file() or not key_executed.is_file():
                raise AssertionError(f"{key_html.name} or {key_executed.name} not found: run the notebooks first")
            page.goto(key_html.as_uri(), wait_until="load", timeout=120_000)
            failures += keyboard_check(page, f"keyboard, HTML export {key_html.name}",
                                       lambda: page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }"),
                                       SHOTS / "keyboard-html-export.png")
        except Exception as e:  # noqa: BLE001
            failures.append(f"keyboard, HTML export: {e}")
            page.screenshot(path=str(SHOTS / "keyboard-html-export-failed.png"))
        key_seconds = time.perf_counter() - started

        # 2. JupyterLab showing the executed notebook (not signed here, so untrusted); root dir build/
        port, token = free_port(), secrets.token_hex(16)
        # the figures are saved outputs: opening a notebook starts no kernel (a JVM per notebook saved), and the
        # figure test opens each notebook in the loaded Lab through its commands (window.jupyterapp)
        lab = start_lab(BUILD, port, token, extra=["--LabServerApp.notebook_starts_kernel=False",
                                                   "--LabApp.expose_app_in_browser=True"])
        base = f"http://127.0.0.1:{port}"
        try:
            try:
                urllib.request.urlopen(f"{base}/api/kernelspecs", timeout=5)
                failures.append("JupyterLab answered an API request without the token")
            except urllib.error.HTTPError as e:
                if e.code != 403:
                    failures.append(f"JupyterLab without token: expected HTTP 403, got {e.code}")
            try:
                page.goto(f"{base}/lab/tree/notebooks/executed/{name}?token={token}", timeout=120_000)
                traces = wait_for_traces(page, f"JupyterLab {name}", timeout_s=120)
                page.locator(".jp-RenderedPlotly").first.scroll_into_view_if_needed()
                time.sleep(1)
                page.screenshot(path=str(SHOTS / "jupyterlab.png"))
                outputs = page.evaluate("() => document.querySelectorAll('.jp-RenderedPlotly').length")
                covering = overlays(page)
                if covering:
                    failures.append(f"JupyterLab: something covers the notebook: {covering}")
                else:
                    print("ok   JupyterLab: no dialog, toast or pop-up over the notebook")
                print(f"ok   JupyterLab {name}: {traces} drawn traces in {outputs} Plotly outputs of the untrusted "
                      f"notebook (screenshot build/screenshots/jupyterlab.png)")
            except Exception as e:  # noqa: BLE001
                failures.append(f"JupyterLab: {e}")
                page.screenshot(path=str(SHOTS / "jupyterlab-failed.png"))
            # 2b. the keyboard test in JupyterLab, on a signed copy of lecture 11 opened in the loaded Lab: the
            # focus starts at the cell (a click beside the controls), then Tab
            started = time.perf_counter()
            try:
                if not key_executed.is_file():
                    raise AssertionError(f"{key_executed} not found: run the notebooks first")
                copy = signed_copy(key_executed, BUILD / "notebooks" / "keyboard" / KEYBOARD_NOTEBOOK)
                if not figure_test.open_in_loaded_lab(page, base, str(copy.relative_to(BUILD))):
                    page.goto(f"{base}/lab/tree/{copy.relative_to(BUILD)}?token={token}", timeout=120_000)
                panel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
                page.wait_for_selector(f"{panel} .dl-anim", state="attached", timeout=60_000)
                page.locator(f"{panel} .dl-anim").first.scroll_into_view_if_needed()

                def click_beside_controls():
                    out = page.locator(f"{panel} .jp-OutputArea-child:has(.dl-anim) .jp-OutputArea-output").first
                    box = out.bounding_box()
                    page.mouse.click(box["x"] + box["width"] - 4, box["y"] + box["height"] / 2)
                failures += keyboard_check(page, f"keyboard, JupyterLab {KEYBOARD_NOTEBOOK} (trusted copy)",
                                           click_beside_controls, SHOTS / "keyboard-jupyterlab.png")
                page.evaluate("() => window.jupyterapp && window.jupyterapp.commands.execute('application:close-all')")
            except Exception as e:  # noqa: BLE001
                failures.append(f"keyboard, JupyterLab: {e}")
                page.screenshot(path=str(SHOTS / "keyboard-jupyterlab-failed.png"))
            key_seconds += time.perf_counter() - started
            print(f"     (the keyboard tests took {key_seconds:.1f} s)")
            figure_test.shutdown_sessions(base, token)

            # 3. the figure test, in the same JupyterLab, at a projector's 1280 px
            if figure_notebooks is not None:
                fig_page = new_context(browser, figure_test.LAB_VIEWPORT, blocked).new_page()
                fig_page.goto(f"{base}/lab?token={token}", timeout=120_000)
                figure_results, figure_checks = figure_test.run(fig_page, base, token, figure_notebooks)
        finally:
            stop_lab(lab)
        browser.close()

    external = sorted(set(blocked))
    print(f"requests to other hosts blocked: {len(external)}" + "".join(f"\n     {u}" for u in external[:10]))
    for f in failures:
        print(f"FAIL {f}")
    fig_failed = 0
    if figure_notebooks is not None:
        fig_failed = figure_test.summary(figure_results, figure_checks, [])
    print(f"browser test: {5 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or fig_failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
