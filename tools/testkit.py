"""What the course's test scripts share: one pass/fail counter that prints as they all print, one way to start
headless Chromium, and one router that keeps a browser context offline.

    check = Check()
    check.ok("the page opens")          # prints "ok   the page opens"
    check.fail("no plot drawn")         # prints "FAIL no plot drawn"
    sys.exit(check.summary("site test"))  # prints "site test: 1 passed, 1 failed"; 1 if anything failed

    browser = launch_browser(p)         # p: playwright's sync_playwright() object
    context = browser.new_context(...); offline(context, blocked.append)
"""
import os
import shutil
import sys
from urllib.parse import urlparse

# what counts as this machine: a request to any other host is blocked (the course never asks the network)
LOCAL_HOSTS = {"127.0.0.1", "localhost", ""}


class Check:
    def __init__(self):
        self.passed = 0
        self.failed = []

    def ok(self, message):
        self.passed += 1
        print(f"ok   {message}", flush=True)

    def fail(self, message):
        self.failed.append(message)
        print(f"FAIL {message}", flush=True)

    def summary(self, name):
        """Prints 'name: N passed, N failed'; the exit status: 0 if nothing failed, else 1."""
        print(f"{name}: {self.passed} passed, {len(self.failed)} failed", flush=True)
        return 1 if self.failed else 0


def chromium_path():
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        sys.exit("chromium not found: apt-get install chromium, or set CHROMIUM=/path/to/chrome")
    return path


def launch_browser(p):
    """Debian's chromium, headless; WebGL (3-D plots) through SwiftShader, as there is no GPU; every host name but
    this machine's resolves to nothing."""
    return p.chromium.launch(
        executable_path=chromium_path(), headless=True,
        args=["--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"])


def offline(context, on_blocked):
    """Aborts every request of the context that would leave this machine and calls on_blocked(url) for it
    (file:, data:, blob: and about: URLs and this machine's hosts go through)."""
    def handle(route):
        url = route.request.url
        parsed = urlparse(url)
        if parsed.scheme in ("file", "data", "blob", "about") or parsed.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            on_blocked(url)
            route.abort()
    context.route("**/*", handle)
