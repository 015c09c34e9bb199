"""Measures what sizes a student's server (docs/teaching.md, deploy/k8s/values.yaml): starts a class hub
(tools/hub/hub.py, one instructor, one student), starts the student's server through the hub's REST API
(start time: from the request to the server answering), then runs a lecture notebook cell by cell on the
Java kernel of that server, through the server's own kernel API, and samples the resident memory (RSS)
of every process of the student (the single-user server, the kernel's launcher and JVM) every 0.2 s.

    python tools/hub/measure_server.py [--notebook notebooks/12-training-an-mlp.ipynb] [--port 18500]

Needs the hub running as root (the student's processes are told apart by their own uid).
"""
import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import requests
from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

ROOT = Path(__file__).resolve().parent.parent.parent
STUDENT, PASSWORD = "alice", "measure-pass-2026"


def rss_of_uid(uid):
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        if re.search(rf"^Uid:\s+{uid}\s", status, re.M):
            m = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            total += int(m.group(1)) * 1024 if m else 0
    return total


class Sampler(threading.Thread):
    def __init__(self, uid):
        super().__init__(daemon=True)
        self.uid, self.peak, self.samples, self.running = uid, 0, [], True

    def run(self):
        while self.running:
            rss = rss_of_uid(self.uid)
            self.samples.append(rss)
            self.peak = max(self.peak, rss)
            time.sleep(0.2)


async def run_notebook(base, token, notebook, uid, timeout=600):
    """Every code cell of the notebook on a new java kernel of the student's server; returns
    (seconds, cells, errors, RSS of the student's processes after the last cell, the kernel still running)."""
    headers = {"Authorization": f"token {token}"}
    kernel = requests.post(f"{base}/user/{STUDENT}/api/kernels", headers=headers, json={"name": "java"}).json()
    ws_url = f"{base.replace('http', 'ws')}/user/{STUDENT}/api/kernels/{kernel['id']}/channels"
    ws = await websocket_connect(HTTPRequest(ws_url, headers=headers), max_message_size=1 << 28)
    cells = [c for c in json.loads(Path(notebook).read_text())["cells"] if c["cell_type"] == "code"]
    errors, started = [], time.monotonic()
    for k, cell in enumerate(cells):
        msg_id = uuid.uuid4().hex
        await ws.write_message(json.dumps({
            "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": STUDENT, "session": "measure",
                       "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": "".join(cell["source"]), "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False}}))
        while True:
            raw = await asyncio.wait_for(ws.read_message(), timeout)
            if raw is None:
                raise RuntimeError("the kernel's websocket closed")
            msg = json.loads(raw)
            if msg.get("parent_header", {}).get("msg_id") == msg_id and msg["msg_type"] == "execute_reply":
                if msg["content"]["status"] != "ok":
                    errors.append((k, msg["content"].get("ename"), msg["content"].get("evalue")))
                break
    seconds = time.monotonic() - started
    at_end = rss_of_uid(uid)
    ws.close()
    requests.delete(f"{base}/user/{STUDENT}/api/kernels/{kernel['id']}", headers=headers)
    return seconds, len(cells), errors, at_end


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notebook", default=str(ROOT / "notebooks" / "12-training-an-mlp.ipynb"))
    parser.add_argument("--port", type=int, default=18500)
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("run as root: the student's processes are counted by the student's own uid")
    tmp = Path(tempfile.mkdtemp(prefix="hub-measure-"))
    tmp.chmod(0o755)
    (tmp / "roster.csv").write_text(f"username,name,role\nkim,Kim,instructor\n{STUDENT},Alice,student\n")
    base = f"http://127.0.0.1:{args.port}"
    hub = subprocess.Popen([sys.executable, str(ROOT / "tools" / "hub" / "hub.py"), "--port", str(args.port),
                            "--state", str(tmp / "state"), "--roster", str(tmp / "roster.csv"), "--cull-idle", "0"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    try:
        line = hub.stdout.readline()
        if "is up" not in line:
            sys.exit(f"the hub did not start: {line}{hub.stdout.read()}")
        print(line.strip())
        kim = requests.Session()
        kim.get(f"{base}/hub/login")
        kim.post(f"{base}/hub/login", data={"username": "kim", "_xsrf": kim.cookies.get("_xsrf"),
                                             "password": (tmp / "state" / "passwords" / "kim").read_text().strip()})
        s = requests.Session()
        s.get(f"{base}/hub/signup")
        s.post(f"{base}/hub/signup", data={"username": STUDENT, "signup_password": PASSWORD,
                                            "signup_password_confirmation": PASSWORD, "_xsrf": s.cookies.get("_xsrf")})
        kim.get(f"{base}/hub/authorize/{STUDENT}")
        s.get(f"{base}/hub/login")
        s.post(f"{base}/hub/login", data={"username": STUDENT, "password": PASSWORD, "_xsrf": s.cookies.get("_xsrf")},
               allow_redirects=False)
        s.get(f"{base}/hub/token")
        xsrf = [c.value for c in s.cookies if c.name == "_xsrf"][-1]
        r = s.post(f"{base}/hub/api/users/{STUDENT}/tokens", headers={"X-XSRFToken": xsrf},
                   json={"note": "measure", "expires_in": 3600})
        if r.status_code != 201:
            sys.exit(f"no API token for {STUDENT}: {r.status_code} {r.text}")
        token = r.json()["token"]
        auth = {"Authorization": f"token {token}"}
        started = time.monotonic()
        r = requests.post(f"{base}/hub/api/users/{STUDENT}/server", headers=auth)
        if r.status_code not in (201, 202):
            sys.exit(f"server start refused: {r.status_code} {r.text}")
        while requests.get(f"{base}/user/{STUDENT}/api/status", headers=auth).status_code != 200:
            time.sleep(0.1)
        start_s = time.monotonic() - started
        uid = json.loads((tmp / "state" / "uids.json").read_text())[STUDENT]
        time.sleep(3)
        idle = rss_of_uid(uid)
        sampler = Sampler(uid)
        sampler.start()
        seconds, cells, errors, after = asyncio.run(run_notebook(base, token, args.notebook, uid))
        sampler.running = False
        sampler.join()
        mib = 1 << 20
        print(f"server start (REST request to the server answering): {start_s:.1f} s")
        print(f"idle server RSS: {idle / mib:.0f} MiB")
        print(f"{Path(args.notebook).name}: {cells} code cells in {seconds:.0f} s, errors: {errors or 'none'}")
        print(f"peak RSS of the student's processes (server + Java kernel): {sampler.peak / mib:.0f} MiB; "
              f"after the last cell (kernel running): {after / mib:.0f} MiB")
    finally:
        os.killpg(hub.pid, signal.SIGTERM)
        try:
            hub.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
