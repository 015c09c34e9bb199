"""A JupyterHub for a class on this machine (docs/teaching.md, "A class on one machine"):

    ./course hub [--port 8000] [--ip 127.0.0.1] [--roster class/roster.csv] [--state class/hub]

checks the roster and the ports, prepares the class's folder (STATE: the hub's database, one home per
user, the nbgrader exchange, the grading sandbox), starts JupyterHub (tools/hub/jupyterhub_config.py)
with configurable-http-proxy from tools/hub/node_modules, waits until it answers, prints where it is
and who can log in, and runs until Ctrl-C (which stops the hub and every user's server).
"""
import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
from course_hub import RosterError, read_roster  # noqa: E402

COURSE_ID = "dl-java"


def die(message, code=2):
    print(f"[hub] ERROR: {message}", file=sys.stderr)
    sys.exit(code)


def port_problem(ip, port):
    """None if ip:port can be listened on, else why not."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((ip, port))
        except OSError as e:
            return e.strerror or str(e)
    return None


def probe_bwrap(bwrap, as_root):
    cmd = [bwrap, "--die-with-parent", "--unshare-pid", "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin",
           "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--proc", "/proc", "--dev", "/dev"]
    if as_root:
        cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "setpriv", "--reuid=62000", "--regid=62000",
                "--clear-groups", "--"]
    try:
        proc = subprocess.run(cmd + ["/usr/bin/true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as e:
        return str(e)
    return None if proc.returncode == 0 else (proc.stderr.strip() or f"exit code {proc.returncode}")[:300]


def grading_sandbox(state, venv):
    """The nbgrader autograde kernel of the instructor's server: the course's grading sandbox
    (exercises/sandbox_kernel.py, made by tools/exercises.py), as for ./course exercises grade."""
    sys.path.insert(0, str(ROOT / "tools"))
    os.environ["JUPYTER_PATH"] = str(venv / "share" / "jupyter")
    import exercises
    exercises.sandbox_probe(os.environ.get("DL_BWRAP") or shutil.which("bwrap"))
    import tempfile
    work = state / "grading"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    work.chmod(0o755)
    saved, tempfile.tempdir = tempfile.tempdir, str(work)  # the sandbox's /course staging in work/, not /tmp
    try:
        data, _staging = exercises.prepare_sandbox(work)
    finally:
        tempfile.tempdir = saved
    spec = data / "kernels" / exercises.SANDBOX_KERNEL / "sandbox.json"
    config = json.loads(spec.read_text())
    config["uid"] = exercises.SANDBOX_UID  # as root, submissions run under this uid (not the hub's)
    spec.write_text(json.dumps(config, indent=1))
    return str(data), exercises.SANDBOX_KERNEL


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000, help="the hub's address for browsers (default 8000); "
                        "the hub also uses the next two ports, for its API and the proxy's")
    parser.add_argument("--ip", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 for the classroom's network, "
                             "behind a TLS proxy: docs/teaching.md)")
    parser.add_argument("--roster", default=str(ROOT / "class" / "roster.csv"), help="the class roster CSV")
    parser.add_argument("--state", default=str(ROOT / "class" / "hub"),
                        help="the class's folder: hub database, homes, exchange (default class/hub)")
    parser.add_argument("--cull-idle", type=int, default=3600,
                        help="stop a server idle for this many seconds (default 3600; 0: never)")
    parser.add_argument("--no-isolation", action="store_true",
                        help="run students' servers without the bubblewrap sandbox (only where bwrap cannot run)")
    parser.add_argument("--no-grading-sandbox", action="store_true",
                        help="autograde submissions on the plain Java kernel (only for code you trust)")
    args = parser.parse_args()

    try:
        roster = read_roster(args.roster)
    except RosterError as e:
        die(f"bad roster: {e}")
    venv = ROOT / ".venv"
    chp = HERE / "node_modules" / ".bin" / "configurable-http-proxy"
    if not (venv / "bin" / "jupyterhub").exists():
        die("JupyterHub is not installed in .venv: run ./course setup --hub")
    if not chp.exists():
        die("configurable-http-proxy is not installed (tools/hub/node_modules): run ./course setup --hub")
    for port, what in ((args.port, "the hub"), (args.port + 1, "the hub's API"),
                       (args.port + 2, "the proxy's API")):
        problem = port_problem(args.ip if port == args.port else "127.0.0.1", port)
        if problem:
            die(f"port {port} ({what}) is already in use ({problem}): another program, or a hub that is still "
                f"running, listens there. Stop it, or choose other ports with --port N (the hub uses N, N+1, N+2).")

    state = Path(args.state).resolve()
    state.mkdir(parents=True, exist_ok=True)
    state.chmod(0o711)
    exchange = state / "exchange"
    exchange.mkdir(exist_ok=True)
    exchange.chmod(0o1777)  # nbgrader's exchange: everyone writes, the course folders inside set the rules
    as_root = os.geteuid() == 0
    bwrap = os.environ.get("DL_BWRAP") or shutil.which("bwrap")
    if args.no_isolation:
        isolation = "none"
        print("[hub] WARNING: --no-isolation: every student's server (and kernel) can read the other students' "
              "homes and the instructor's files")
    else:
        problem = "bubblewrap (bwrap) is not installed" if bwrap is None else probe_bwrap(bwrap, as_root)
        if problem:
            die(f"students' servers run in a bubblewrap sandbox, which cannot be built here: {problem}. Install "
                f"bubblewrap (Debian: apt-get install bubblewrap) or, knowing that students then see each other's "
                f"files, add --no-isolation.")
        isolation = "uid+bwrap" if as_root else "bwrap"
    grading_data = grading_kernel = None
    if not args.no_grading_sandbox:
        try:
            grading_data, grading_kernel = grading_sandbox(state, venv)
        except Exception as e:  # noqa: BLE001 (NoSandbox, or a tools/exercises.py that changed)
            die(f"the grading sandbox cannot be set up: {e}. Autograding would run every student's code with the "
                f"instructor's rights; add --no-grading-sandbox to do that anyway.")

    settings = {
        "root": str(ROOT), "state": str(state), "venv": str(venv), "roster": str(Path(args.roster).resolve()),
        "ip": args.ip, "port": args.port, "hub_port": args.port + 1, "proxy_api_port": args.port + 2,
        "chp": str(chp), "course_id": COURSE_ID, "exchange": str(exchange), "isolation": isolation,
        "bwrap": bwrap, "readonly": [str(ROOT / "lib" / "target"), str(ROOT / "lib" / "kernel"), str(ROOT / "data")],
        "grading_data": grading_data, "grading_kernel": grading_kernel, "cull_idle": args.cull_idle,
    }
    settings_file = state / "settings.json"
    settings_file.write_text(json.dumps(settings, indent=1))
    env = dict(os.environ, DL_HUB_SETTINGS=str(settings_file),
               PATH=f"{venv / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}")
    log_path = state / "jupyterhub.log"
    log = open(log_path, "a")
    started = time.monotonic()
    hub = subprocess.Popen([str(venv / "bin" / "jupyterhub"), "-f", str(HERE / "jupyterhub_config.py")],
                           cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def stop(*_):
        # (no hub.wait() here: the main loop may be inside one, and a second would wait for its lock)
        if hub.poll() is None:
            # JupyterHub 5.5 stops at once on SIGINT; on SIGTERM it cleans up, then hangs
            hub.send_signal(signal.SIGINT)
            deadline = time.monotonic() + 30
            while hub.poll() is None and time.monotonic() < deadline:
                time.sleep(0.1)
            if hub.poll() is None:
                hub.kill()
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    host = "127.0.0.1" if args.ip in ("0.0.0.0", "") else args.ip
    url = f"http://{host}:{args.port}/hub/"
    for _ in range(240):
        if hub.poll() is not None:
            tail = "".join(log_path.read_text().splitlines(True)[-15:])
            die(f"JupyterHub stopped while starting (exit code {hub.returncode}); the end of {log_path}:\n{tail}", 1)
        try:
            with urllib.request.urlopen(url + "health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.5)
    else:
        hub.kill()
        die(f"JupyterHub did not answer on {url} within 2 minutes: see {log_path}", 1)

    instructors = [u for u, _, role in roster if role == "instructor"]
    students = [u for u, _, role in roster if role == "student"]
    print(f"[hub] the class hub is up at http://{args.ip}:{args.port}/ after {time.monotonic() - started:.1f} s "
          f"(log: {log_path})")
    for name in instructors:
        pw = state / "passwords" / name
        print(f"[hub]   instructor {name}: first password in {pw}" if pw.exists() else
              f"[hub]   instructor {name}")
    print(f"[hub]   {len(students)} students on the roster ({Path(args.roster)}): each signs up at "
          f"/hub/signup with their username; the instructor approves them at /hub/authorize")
    print(f"[hub]   students' servers: {'own uid + ' if isolation == 'uid+bwrap' else ''}"
          f"{'bubblewrap sandbox' if isolation != 'none' else 'NO isolation'}; autograding: "
          f"{'grading sandbox' if grading_kernel else 'plain Java kernel'}; Ctrl-C stops the hub")
    sys.stdout.flush()
    while hub.poll() is None:
        time.sleep(0.5)
    die(f"JupyterHub stopped (exit code {hub.returncode}); see {log_path}", 1)


if __name__ == "__main__":
    main()
