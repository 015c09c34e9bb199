"""End-to-end test of the class hub (./course hub, docs/teaching.md), in headless Chromium with every
non-local request blocked, as a class would use it:

  the hub refuses a bad roster (naming the line) and a port in use; the instructor logs in; three
  students sign up, one person not on the roster cannot, a student waits for approval, the instructor
  approves them; the instructor generates and releases a1-calculus in the formgrader; the students
  fetch it in JupyterLab's assignment list, answer it (alice with the source's solutions, bob wrongly,
  carol not at all) and submit it; the instructor collects, autogrades every submission (in the grading
  sandbox), checks the scores in the formgrader, generates and releases feedback; every student fetches
  their own feedback and sees their own score and no one else's; a student gets no instructor page,
  no other user's server, no formgrader, and (from a terminal in their own server) no other home, no
  submissions in the exchange and none of the hub's files.

    python tools/hub_test.py [--port 18300] [--keep]      # prints "hub test: N passed, N failed"
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from browser_test import launch_browser, offline  # noqa: E402

ASSIGNMENT = "a1-calculus"
SOURCE = ROOT / "exercises" / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
STUDENTS = {"alice": "correct", "bob": "wrong", "carol": "empty"}
EXPECTED = {"alice": 9.0, "bob": 2.0, "carol": 0.0}  # a1 has 9 points; bob's gradF (2 points) is right
INSTRUCTOR = "kim"
PASSWORD = "class-pass-{}-2026"
COMMENT = "Well done: the factor 2 of the inner function is there."
ROSTER = "username,name,role\nkim,Kim Jiwoo,instructor\nalice,Alice Park,student\nbob,Bob Lee,student\n" \
         "carol,Carol Choi,student\n"

results = {"passed": 0, "failed": 0}
STARTED = time.time()


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'ok  ' if ok else 'FAIL'} [{time.time() - STARTED:5.1f} s] {name}"
          + (f": {detail}" if detail and not ok else ""), flush=True)
    return ok


def free_port_range(start, count=3):
    """The first port >= start with count free ports after it (the hub uses N, N+1, N+2)."""
    for base in range(start, 18999 - count):
        try:
            socks = []
            for p in range(base, base + count):
                s = socket.socket()
                s.bind(("127.0.0.1", p))
                socks.append(s)
            for s in socks:
                s.close()
            return base
        except OSError:
            for s in socks:
                s.close()
    raise RuntimeError("no free ports")


def hub_cmd(port, state, roster, *extra):
    return [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "tools" / "hub" / "hub.py"), "--port", str(port),
            "--state", str(state), "--roster", str(roster), "--cull-idle", "0", *extra]


def refusals(tmp, port):
    """The hub's clear refusals: a bad roster (line and problem), a port in use."""
    bad = tmp / "bad-roster.csv"
    bad.write_text(ROSTER + "Dave,Dave Kang,student\n")
    p = subprocess.run(hub_cmd(port, tmp / "never", bad), capture_output=True, text=True, timeout=60)
    check("a bad roster is refused, naming the line and the problem", p.returncode == 2 and
          f"{bad}:6:" in p.stderr and "'Dave' is not a valid username" in p.stderr, p.stderr.strip())
    bad.write_text(ROSTER + "erin,Erin Yoon,teacher\n")
    p = subprocess.run(hub_cmd(port, tmp / "never", bad), capture_output=True, text=True, timeout=60)
    check("a roster with an unknown role is refused", p.returncode == 2 and f"{bad}:6:" in p.stderr and
          "role 'teacher'" in p.stderr, p.stderr.strip())
    with socket.socket() as s:
        s.bind(("127.0.0.1", port + 1))
        s.listen()
        good = tmp / "roster.csv"
        p = subprocess.run(hub_cmd(port, tmp / "never", good), capture_output=True, text=True, timeout=60)
    check("a port in use is refused with a clear message", p.returncode == 2 and
          f"port {port + 1} (the hub's API) is already in use" in p.stderr and "--port N" in p.stderr,
          p.stderr.strip())
    check("a refused start leaves no state behind", not (tmp / "never").exists())


def start_hub(tmp, port):
    log = open(tmp / "hub.out", "w")
    proc = subprocess.Popen(hub_cmd(port, tmp / "state", tmp / "roster.csv"), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        text = (tmp / "hub.out").read_text()
        if "the class hub is up" in text:
            return proc, text
        if proc.poll() is not None:
            raise RuntimeError(f"the hub did not start:\n{text}")
        time.sleep(0.3)
    raise RuntimeError("the hub did not start within 120 s")


def stop_hub(proc):
    if proc.poll() is None:
        os.killpg(proc.pid, 15)
        try:
            proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)


# ---------------------------------------------------------------------------------------- pages

def login(page, base, name, password):
    page.goto(f"{base}/hub/login")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    submit(page, "#login_submit")


def submit(page, button):
    """Click a form's submit button (or a link) and wait for the answer page (reading the page before it
    arrives reads the form again: under load the answer can take seconds)."""
    with page.expect_navigation(timeout=60_000):
        page.click(button)


def wait_lab(page, name, timeout=120_000):
    page.wait_for_url(re.compile(f"/user/{name}/lab"), timeout=timeout)
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").wait_for(timeout=timeout)


def xsrf_fetch(page, method, url, body=None):
    """A same-origin request from the page, with the server's XSRF cookie, as Lab itself sends it."""
    return page.evaluate("""async ([method, url, body]) => {
        const m = document.cookie.match(/(?:^|; )_xsrf=([^;]*)/);
        const headers = {'Content-Type': 'application/json'};
        if (m) headers['X-XSRFToken'] = decodeURIComponent(m[1]);
        const r = await fetch(url, {method, headers, body: body === null ? undefined : JSON.stringify(body),
                                    credentials: 'same-origin'});
        return {status: r.status, text: await r.text()};
    }""", [method, url, body])


def open_assignment_list(page):
    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.locator(".lm-Menu-itemLabel", has_text="Assignment List").click()
    page.locator("#released_assignments_list, #fetched_assignments_list").first.wait_for(timeout=30_000)


def list_row(page, list_id, timeout=60_000):
    row = page.locator(f"#{list_id} .list_item", has_text=ASSIGNMENT).first
    row.wait_for(timeout=timeout)
    return row


def answered(nb, how, source):
    """The fetched notebook with the answer cells filled in: `correct` from the source's solutions,
    `wrong` with a typical mistake (the inner derivative forgotten) and gradF right, `empty` as fetched."""
    solutions = {c["metadata"]["nbgrader"]["grade_id"]: "".join(c["source"]) for c in source["cells"]
                 if c["metadata"].get("nbgrader", {}).get("solution")}
    for cell in nb["cells"]:
        grade_id = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if not cell["metadata"].get("nbgrader", {}).get("solution") or cell["cell_type"] != "code":
            continue
        if how == "correct":
            cell["source"] = solutions[grade_id]
        elif how == "wrong" and grade_id == "dcube":
            cell["source"] = "double dCube(double x) {\n    return 3 * Math.pow(2 * x - 1, 2);\n}"
        elif how == "wrong" and grade_id == "gradf":
            cell["source"] = solutions[grade_id]
    return nb


def formgrader_action(page, cell, what, timeout=120_000):
    """Clicks the link in a formgrader table cell and returns (ok, text) of the modal it shows."""
    cell.locator("a").first.click()
    modal = page.locator("#success-modal, #error-modal").first
    modal.wait_for(state="visible", timeout=timeout)
    ok, text = modal.get_attribute("id") == "success-modal", modal.inner_text()
    page.evaluate("() => { $('.modal').modal('hide'); $('.modal, .modal-backdrop').remove();"
                  " $('body').removeClass('modal-open'); }")
    return check(f"formgrader: {what}", ok, text[-800:])


def assignment_row(page):
    row = page.locator("#main-table tr", has_text=ASSIGNMENT).first
    row.wait_for(timeout=30_000)
    return row


def terminal_run(page, name, script, timeout=30):
    """Runs a shell script (saved in the user's home) in a new terminal of the user's own server, through
    Jupyter's terminal websocket; returns what it printed. The script's last line prints 42-DONE (the
    terminal echoes the command, `bash probe.sh`, never the script's lines)."""
    xsrf_fetch(page, "PUT", f"/user/{name}/api/contents/probe.sh",
               {"type": "file", "format": "text", "content": script + "\necho $((6 * 7))-DONE\n"})
    created = xsrf_fetch(page, "POST", f"/user/{name}/api/terminals", {})
    term = json.loads(created["text"])["name"]
    return page.evaluate("""([name, term, timeout]) => new Promise((resolve) => {
        const ws = new WebSocket(`ws://${location.host}/user/${name}/terminals/websocket/${term}`);
        let out = '';
        const done = () => { try { ws.close(); } catch (e) {} resolve(out); };
        ws.onopen = () => setTimeout(() => ws.send(JSON.stringify(['stdin', 'bash probe.sh\\r'])), 300);
        ws.onmessage = (e) => { const m = JSON.parse(e.data);
            if (m[0] === 'stdout') { out += m[1]; if (out.includes('42-DONE')) done(); } };
        setTimeout(done, timeout * 1000);
    })""", [name, term, timeout])


# ----------------------------------------------------------------------------------------- the test

def run(base, tmp, state, browser, blocked):
    source = json.loads(SOURCE.read_text())
    ctx = {}

    def page_of(name):
        if name not in ctx:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            offline(context, blocked)
            ctx[name] = context.new_page()
        return ctx[name]

    # ---- the instructor logs in (account made at the first start, password in STATE/passwords)
    kim = page_of(INSTRUCTOR)
    t0 = time.time()
    login(kim, base, INSTRUCTOR, (state / "passwords" / INSTRUCTOR).read_text().strip())
    wait_lab(kim, INSTRUCTOR)
    check(f"instructor logs in; the server starts and JupyterLab shows the Nbgrader menu "
          f"({time.time() - t0:.1f} s)", True)

    # ---- sign-ups: the roster's students can, a stranger cannot, nobody gets in before approval
    carol = page_of("carol")
    login(carol, base, "carol", PASSWORD.format("carol"))
    check("a student on the roster without an account is told to sign up first",
          "has no account yet: sign up first" in carol.inner_text("body"), carol.inner_text("body")[:300])
    for name in STUDENTS:
        page = page_of(name)
        page.goto(f"{base}/hub/signup")
        page.fill("#username_input", name)
        page.fill("#password_input", PASSWORD.format(name))
        page.fill("#password_confirmation_input", PASSWORD.format(name))
        submit(page, "#signup_submit")
        check(f"{name} signs up and waits for approval", "sent to the admin" in page.inner_text(".alert"),
              page.inner_text("body")[:300])
    stranger = page_of("mallory")
    stranger.goto(f"{base}/hub/signup")
    stranger.fill("#username_input", "mallory")
    stranger.fill("#password_input", "mallory-pass-2026")
    stranger.fill("#password_confirmation_input", "mallory-pass-2026")
    submit(stranger, "#signup_submit")
    check("someone not on the roster cannot sign up, and is told why",
          "not on this class's roster" in stranger.inner_text(".alert"), stranger.inner_text("body")[:300])
    login(stranger, base, "mallory", "mallory-pass-2026")
    check("...nor log in", "not on this class's roster" in stranger.inner_text("body"),
          stranger.inner_text("body")[:300])
    alice = page_of("alice")
    login(alice, base, "alice", PASSWORD.format("alice"))
    check("a student who is not approved yet is told so at login",
          "waiting for your instructor's approval" in alice.inner_text("body"), alice.inner_text("body")[:300])

    kim.goto(f"{base}/hub/authorize")
    for name in STUDENTS:
        submit(kim, f"tr:has-text('{name}') a:has-text('Authorize')")
    body = kim.inner_text("body")
    check("the instructor approves the three students on the Authorize page",
          body.count("Unauthorize") >= 3, body[:500])

    # ---- release: generate the student version and release it in the formgrader
    kim.goto(f"{base}/user/{INSTRUCTOR}/formgrader/manage_assignments")
    formgrader_action(kim, assignment_row(kim).locator("td.assign"), f"generate the student version of {ASSIGNMENT}")
    formgrader_action(kim, assignment_row(kim).locator("td.release"), f"release {ASSIGNMENT}")
    released = state / "exchange" / "dl-java" / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    check("the released notebook is in the exchange, without solutions",
          released.exists() and "BEGIN SOLUTION" not in released.read_text())

    # ---- the students log in, fetch, answer, submit
    for name in STUDENTS:
        page = page_of(name)
        login(page, base, name, PASSWORD.format(name))
    for name, how in STUDENTS.items():
        page = page_of(name)
        t0 = time.time()
        wait_lab(page, name)
        check(f"{name}'s server starts ({time.time() - t0:.1f} s after the last login)", True)
        open_assignment_list(page)
        row = list_row(page, "released_assignments_list")
        row.locator("button", has_text="Fetch").click()
        list_row(page, "fetched_assignments_list")
        got = xsrf_fetch(page, "GET", f"/user/{name}/api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb?content=1")
        ok = check(f"{name} fetches {ASSIGNMENT} in the assignment list", got["status"] == 200, got["text"][:200])
        if not ok:
            continue
        nb = json.loads(got["text"])["content"]
        if how != "empty":
            put = xsrf_fetch(page, "PUT", f"/user/{name}/api/contents/{ASSIGNMENT}/{ASSIGNMENT}.ipynb",
                             {"type": "notebook", "format": "json", "content": answered(nb, how, source)})
            check(f"{name} saves a {how} answer", put["status"] == 200, put["text"][:200])
        list_row(page, "fetched_assignments_list").locator("button", has_text="Submit").click()
        list_row(page, "submitted_assignments_list", timeout=60_000)
        check(f"{name} submits", True)

    # ---- the instructor collects, autogrades, checks the scores, releases feedback
    kim.goto(f"{base}/user/{INSTRUCTOR}/formgrader/manage_assignments")
    formgrader_action(kim, assignment_row(kim).locator("td.collect"), f"collect the submissions of {ASSIGNMENT}")
    kim.goto(f"{base}/user/{INSTRUCTOR}/formgrader/manage_submissions/{ASSIGNMENT}")
    for name in STUDENTS:
        row = kim.locator("#main-table tr", has_text=name).first
        row.wait_for(timeout=30_000)
        t0 = time.time()
        formgrader_action(kim, row.locator("td.autograde"), f"autograde {name}'s submission "
                                                              f"(in the grading sandbox)")
        print(f"     ({time.time() - t0:.1f} s)")
    kim.reload()
    for name, expected in EXPECTED.items():
        row = kim.locator("#main-table tr", has_text=name).first
        row.wait_for(timeout=30_000)
        score = row.locator("td.score").inner_text().strip()
        check(f"formgrader shows {name}'s score {expected:g} / 9", re.match(rf"^{expected:g}(\.0+)? / 9(\.0+)?$", score)
              is not None, f"shows '{score}'")
    # a1 has no manually graded part: the instructor grades in the formgrader by commenting on an answer
    kim.goto(f"{base}/user/{INSTRUCTOR}/formgrader/gradebook/{ASSIGNMENT}/{ASSIGNMENT}")
    full = kim.locator("#main-table tr").filter(has=kim.locator("td.score", has_text=re.compile(r"^\s*9(\.0+)? / 9")))
    full.locator("td.name a").first.click()
    comment = kim.locator("#dcube-comment")
    comment.wait_for(timeout=30_000)
    shows_answer = "return 3 * Math.pow(2 * x - 1, 2) * 2;" in kim.inner_text("body")
    status = None
    for attempt in range(8):  # the formgrader binds its inputs once it has loaded the grades and comments
        try:
            with kim.expect_response(lambda r: "/formgrader/api/comment/" in r.url and r.request.method == "PUT",
                                     timeout=4000) as saved:
                comment.fill(COMMENT + " " * attempt)
                comment.evaluate("e => e.blur()")
            status = saved.value.status
            break
        except PlaywrightTimeout:
            continue
    check("the instructor opens alice's (anonymous) submission in the formgrader and comments on an answer",
          shows_answer and status == 200, f"answer shown: {shows_answer}, save: {status}")
    kim.goto(f"{base}/user/{INSTRUCTOR}/formgrader/manage_assignments")
    formgrader_action(kim, assignment_row(kim).locator("td.generate-feedback"), "generate feedback")
    formgrader_action(kim, assignment_row(kim).locator("td.release-feedback"), "release feedback")

    # ---- every student fetches their own feedback
    for name, expected in EXPECTED.items():
        page = page_of(name)
        page.locator("#refresh_assignments_list").click()
        page.locator("#submitted_assignments_list button", has_text="Fetch Feedback").first.click()
        page.locator("#submitted_assignments_list", has_text="view feedback").wait_for(timeout=60_000)
        listing = xsrf_fetch(page, "GET", f"/user/{name}/api/contents/{ASSIGNMENT}/feedback")
        stamps = [item["name"] for item in json.loads(listing["text"]).get("content", [])]
        if not check(f"{name} fetches feedback", listing["status"] == 200 and len(stamps) == 1, listing["text"][:200]):
            continue
        page.goto(f"{base}/user/{name}/files/{ASSIGNMENT}/feedback/{stamps[0]}/{ASSIGNMENT}.html")
        text = page.inner_text("body")
        score = re.search(r"Score:\s*([\d.]+)\s*/\s*([\d.]+)", text)
        check(f"{name}'s feedback shows {name}'s score {expected:g} / 9",
              score is not None and float(score.group(1)) == expected and float(score.group(2)) == 9.0,
              score.group(0) if score else text[:300])
        others = [o for o in STUDENTS if o != name and re.search(rf"\b{o}\b", text)]
        check(f"{name}'s feedback names no other student", not others, str(others))
        check(f"{name}'s feedback {'has' if name == 'alice' else 'does not have'} the instructor's comment on alice's answer",
              (COMMENT in text) == (name == "alice"))
        check(f"{name}'s feedback shows no hidden test", "BEGIN HIDDEN TESTS" not in text and
              "new double[] {-1.3, 0.25, 0.5, 7.0}" not in text)

    # ---- what a student cannot do
    bob = page_of("bob")
    for url, what in ((f"/user/{INSTRUCTOR}/lab", "the instructor's JupyterLab"),
                      (f"/user/{INSTRUCTOR}/formgrader/manage_assignments", "the instructor's formgrader"),
                      ("/user/alice/files/a1-calculus/a1-calculus.ipynb", "another student's file"),
                      ("/user/alice/api/contents/a1-calculus", "another student's folder (REST API)"),
                      ("/hub/authorize", "the Authorize page"), ("/hub/admin", "the hub's admin page")):
        response = bob.goto(base + url)
        check(f"bob cannot open {what}", response.status in (403, 404) or "/hub/login" in bob.url and
              "bob" not in bob.url, f"status {response.status} at {bob.url}")
        bob.wait_for_timeout(100)
    response = bob.goto(f"{base}/user/bob/formgrader/manage_assignments")
    check("bob's own server has no formgrader", response.status == 404, f"status {response.status}")
    bob.goto(f"{base}/user/bob/lab")
    wait_lab(bob, "bob")
    bob.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    items = bob.locator(".lm-Menu-itemLabel").all_inner_texts()
    bob.keyboard.press("Escape")
    check("bob's Nbgrader menu has the assignment list and no formgrader, course list or create-assignment",
          "Assignment List" in items and not any(i.startswith(("Formgrader", "Course List")) for i in items),
          str(items))
    homes = state / "homes"
    probe = "\n".join(
        f"if ls {p} >/dev/null 2>&1; then echo OPEN:{p}; else echo CLOSED:{p}; fi"
        for p in [homes / "bob" / ASSIGNMENT, homes / "alice", homes / "alice" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb",
                  homes / INSTRUCTOR, homes / INSTRUCTOR / "dl-java" / "gradebook.db", state / "jupyterhub.sqlite",
                  state / "passwords", ROOT / "exercises" / "source" / ASSIGNMENT])
    probe += f"\nls {state / 'exchange' / 'dl-java' / 'inbound'} >/dev/null 2>&1 && echo LISTED-INBOUND"
    out = terminal_run(bob, "bob", probe)
    opened = sorted(set(re.findall(r"OPEN:(\S+)", out)))
    closed = set(re.findall(r"CLOSED:(\S+)", out))
    check("from a terminal in bob's server, bob's own files are there (the probe works)",
          str(homes / "bob" / ASSIGNMENT) in opened, out[-600:])
    check("...and no other home, no gradebook, none of the hub's files, no solutions",
          opened == [str(homes / "bob" / ASSIGNMENT)] and len(closed) == 7, out[-900:])
    check("...and the exchange's submissions cannot be listed", "42-DONE" in out and "LISTED-INBOUND" not in out,
          out[-300:])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=18300, help="first port to try (the hub uses three)")
    parser.add_argument("--keep", action="store_true", help="keep the class folder (printed) for a look")
    args = parser.parse_args()
    started = time.time()
    tmp = Path(tempfile.mkdtemp(prefix="hub-test-"))
    tmp.chmod(0o755)
    (tmp / "roster.csv").write_text(ROSTER)
    port = free_port_range(args.port)
    hub = None
    try:
        refusals(tmp, port)
        hub, text = start_hub(tmp, port)
        up = re.search(r"up at \S+ after ([\d.]+) s", text)
        check(f"./course hub starts the hub ({up.group(1) if up else '?'} s)", up is not None, text)
        blocked = []
        with sync_playwright() as p:
            browser = launch_browser(p)
            try:
                run(f"http://127.0.0.1:{port}", tmp, tmp / "state", browser, blocked)
            except Exception as e:  # noqa: BLE001 (a step that could not go on fails the test)
                check("the class's steps run to the end", False, f"{type(e).__name__}: {e}"[:1500])
                shots = ROOT / "build" / "screenshots"
                shots.mkdir(parents=True, exist_ok=True)
                for context in browser.contexts:
                    for k, page in enumerate(context.pages):
                        who = page.url.split("/")[4] if "/user/" in page.url else k
                        page.screenshot(path=str(shots / f"hub-test-failure-{who}.png"))
                print(f"     screenshots of every open page: {shots}/hub-test-failure-*.png")
            finally:
                browser.close()
        # nbgrader's formgrade and feedback pages load MathJax 2 from a CDN (its templates name the URL): the
        # request is blocked here, and the math on those pages shows as TeX (docs/teaching.md)
        mathjax = [u for u in blocked if "/mathjax/2.7.7/" in u]
        others = [u for u in blocked if u not in mathjax]
        check("no request left this machine" + (f" (blocked: nbgrader's MathJax script, {len(mathjax)} times)"
                                                if mathjax else ""), not others, str(others[:5]))
    finally:
        if hub is not None:
            t0 = time.time()
            stop_hub(hub)
            print(f"(the hub and its servers stopped in {time.time() - t0:.1f} s)")
        if args.keep:
            print(f"class folder kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"({time.time() - started:.0f} s)")
    print(f"hub test: {results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


if __name__ == "__main__":
    main()
