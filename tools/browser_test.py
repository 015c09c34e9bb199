"""Browser test: headless Chromium, with every non-local request blocked, must find drawn Plotly
plots (an `svg.main-svg` with data traces) in

1. the nbconvert HTML export of an executed notebook, and
2. JupyterLab itself, showing the executed (hence untrusted) notebook.

Screenshots are kept in build/screenshots/. Needs Debian's chromium (or CHROMIUM=/path).

    python tools/browser_test.py [NOTEBOOK_NAME]
"""
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
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


def start_lab(root_dir, port, token):
    """Starts JupyterLab through the README's own lab script (tools/lab.sh, what `./course lab` runs)."""
    log = open(BUILD / "browser-test-jupyterlab.log", "w")
    proc = subprocess.Popen(
        ["bash", str(ROOT / "tools" / "lab.sh"), "--no-browser", f"--ServerApp.port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root_dir}", "--LabApp.news_url=",
         "--ServerApp.port_retries=0"],
        stdout=log, stderr=subprocess.STDOUT)
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
            print(f"ok   ./course lab serves JupyterLab on 127.0.0.1:{port} (token required) listing the kernel "
                  f"'java' ({specs['java']['spec']['display_name']})")
            return proc
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"JupyterLab did not answer on port {port}; see {log.name}")


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_NOTEBOOK
    executed = BUILD / "notebooks" / "executed" / name
    html = (BUILD / "notebooks" / "html" / name).with_suffix(".html")
    for f in (executed, html):
        if not f.is_file():
            sys.exit(f"{f} not found: run the notebooks first (tools/run_notebooks.py)")
    SHOTS.mkdir(parents=True, exist_ok=True)
    failures = []
    blocked = []
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=chromium_path(), headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"])
        context = browser.new_context(viewport={"width": 1280, "height": 1600})
        offline(context, blocked)
        page = context.new_page()

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

        # 2. JupyterLab showing the executed notebook (not signed here, so untrusted)
        port, token = free_port(), secrets.token_hex(16)
        lab = start_lab(executed.parent, port, token)
        try:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs", timeout=5)
                failures.append("JupyterLab answered an API request without the token")
            except urllib.error.HTTPError as e:
                if e.code != 403:
                    failures.append(f"JupyterLab without token: expected HTTP 403, got {e.code}")
            page.goto(f"http://127.0.0.1:{port}/lab/tree/{name}?token={token}", timeout=120_000)
            traces = wait_for_traces(page, f"JupyterLab {name}", timeout_s=120)
            page.locator(".jp-RenderedPlotly").first.scroll_into_view_if_needed()
            time.sleep(1)
            page.screenshot(path=str(SHOTS / "jupyterlab.png"))
            outputs = page.evaluate("() => document.querySelectorAll('.jp-RenderedPlotly').length")
            print(f"ok   JupyterLab {name}: {traces} drawn traces in {outputs} Plotly outputs of the untrusted "
                  f"notebook (screenshot build/screenshots/jupyterlab.png)")
        except Exception as e:  # noqa: BLE001
            failures.append(f"JupyterLab: {e}")
            page.screenshot(path=str(SHOTS / "jupyterlab-failed.png"))
        finally:
            lab.terminate()
            try:
                lab.wait(timeout=20)
            except subprocess.TimeoutExpired:
                lab.kill()
        browser.close()

    external = sorted(set(blocked))
    print(f"requests to other hosts blocked: {len(external)}" + "".join(f"\n     {u}" for u in external[:10]))
    for f in failures:
        print(f"FAIL {f}")
    print(f"browser test: {3 - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
