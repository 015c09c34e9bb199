"""Browser test: headless Chromium, with every non-local request blocked, must find drawn Plotly
plots (an `svg.main-svg` with data traces) in

1. the nbconvert HTML export of an executed notebook, and
2. JupyterLab itself, showing the executed (hence untrusted) notebook.

Screenshots are kept in build/screenshots/. Then, in the same JupyterLab, it runs the figure test
(tools/figure_test.py): every figure of every executed notebook, in the HTML export and in
JupyterLab, with PNGs and an index page in build/figures/. Needs Debian's chromium (or CHROMIUM=/path).

    python tools/browser_test.py [--notebooks 03,10] [--no-figures] [NOTEBOOK_NAME]
"""
import argparse
import json
import os
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
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
SHOTS = BUILD / "screenshots"
DEFAULT_NOTEBOOK = "00-working-in-a-java-notebook.ipynb"
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}
COUNT_TRACES = """() => Array.from(document.querySelectorAll('svg.main-svg'))
    .map(svg => svg.querySelectorAll('g.trace').length).reduce((a, b) => a + b, 0)"""


def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        sys.exit("chromium not found: apt-get install chromium, or set CHROMIUM=/path/to/chrome")
    return path


def offline(context, blocked):
    """Aborts every request that would leave this machine, and remembers it."""
    def handle(route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("file", "data", "blob") or parsed.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()
    context.route("**/*", handle)


def wait_for_traces(page, what, timeout_s=60):
    deadline = time.time() + timeout_s
    traces = 0
    while time.time() < deadline:
        traces = page.evaluate(COUNT_TRACES)
        if traces > 0:
            return traces
        time.sleep(0.5)
    raise AssertionError(f"{what}: no drawn Plotly plot (svg.main-svg with g.trace) after {timeout_s} s")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch_browser(p):
    """Debian's chromium, headless; WebGL (3-D plots) through SwiftShader, as there is no GPU."""
    return p.chromium.launch(
        executable_path=chromium_path(), headless=True,
        args=["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"])


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
    print(f"browser test: {3 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures or fig_failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
