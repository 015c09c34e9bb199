"""The course's JupyterHub for one class on one machine (./course hub, docs/teaching.md):

* read_roster: class/roster.csv (username,name,role), checked line by line;
* RosterAuthenticator: NativeAuthenticator (passwords hashed with bcrypt in the hub's database) where
  only the roster's usernames can sign up, a student's sign-up waits for the instructor's approval
  (Authorize page, /hub/authorize), the instructors' accounts are made at the first start with a
  generated password (written to STATE/passwords/NAME, mode 600), and every failed login says why;
* CourseSpawner: each user's JupyterLab (jupyterhub-singleuser from the course's .venv, the course's
  Java kernel) in a home of its own, STATE/homes/NAME, with nbgrader configured for the role. A
  student's server runs in a bubblewrap sandbox that shows only that home, the shared nbgrader
  exchange, the read-only system and the course's .venv, library and data; when the hub runs as root
  it also runs under a uid of its own (no system account needed). See docs/teaching.md, "Isolation".

Settings come from the JSON file named by $DL_HUB_SETTINGS (written by tools/hub/hub.py).
"""
import csv
import json
import os
import re
import secrets
import shutil
import sys
from pathlib import Path

ROLES = ("instructor", "student")
USERNAME = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")
HEADER = ["username", "name", "role"]
FIRST_UID = 62001  # students' uids when the hub runs as root (kept in STATE/uids.json)


class RosterError(Exception):
    pass


def read_roster(path):
    """[(username, name, role)] of a roster CSV; raises RosterError naming the line and the problem."""
    path = Path(path)
    if not path.is_file():
        raise RosterError(f"{path}: no such file (the class roster: a CSV file with the columns "
                          f"{','.join(HEADER)}; see class/roster.csv)")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise RosterError(f"{path}: not UTF-8 text ({e}); save it as UTF-8 CSV")
    rows, seen, header_seen = [], {}, False
    for lineno, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row or not "".join(row).strip() or row[0].lstrip().startswith("#"):
            continue
        row = [cell.strip() for cell in row]
        if not header_seen:
            if [c.lower() for c in row] != HEADER:
                raise RosterError(f"{path}:{lineno}: the first line must be the header "
                                  f"'{','.join(HEADER)}', not '{','.join(row)}'")
            header_seen = True
            continue
        if len(row) != 3:
            raise RosterError(f"{path}:{lineno}: {len(row)} fields ('{','.join(row)}'), but a line has 3: "
                              f"username,name,role (a name with a comma goes in double quotes)")
        username, name, role = row
        if not USERNAME.match(username):
            why = ("upper-case letters" if username.lower() != username and USERNAME.match(username.lower())
                   else "it must start with a letter and have only a-z, 0-9, '-' and '_', at most 32 characters")
            raise RosterError(f"{path}:{lineno}: '{username}' is not a valid username ({why})")
        if role.lower() not in ROLES:
            raise RosterError(f"{path}:{lineno}: role '{role}' of {username} is neither 'instructor' nor 'student'")
        if username in seen:
            raise RosterError(f"{path}:{lineno}: {username} is on the roster twice (also line {seen[username]})")
        seen[username] = lineno
        rows.append((username, name, role.lower()))
    if not header_seen:
        raise RosterError(f"{path}: empty: it needs the header '{','.join(HEADER)}' and one line per person")
    if not any(r[2] == "instructor" for r in rows):
        raise RosterError(f"{path}: no instructor: at least one line needs the role 'instructor'")
    return rows


def settings():
    return json.loads(Path(os.environ["DL_HUB_SETTINGS"]).read_text())


# ------------------------------------------------------------------------------------ the authenticator

from nativeauthenticator import NativeAuthenticator  # noqa: E402
from nativeauthenticator import handlers as native_handlers  # noqa: E402
from nativeauthenticator.orm import UserInfo  # noqa: E402


def _roster_of(authenticator):
    """The roster, read again when the file changed (a student added while the hub runs)."""
    path = Path(authenticator.roster_file)
    mtime = path.stat().st_mtime if path.exists() else None
    if getattr(authenticator, "_roster_mtime", "never") != mtime:
        try:
            authenticator._roster = {u: (n, r) for u, n, r in read_roster(path)}
        except RosterError as e:  # keep the last good roster; the log says what is wrong
            authenticator.log.error("roster not reloaded: %s", e)
        authenticator._roster_mtime = mtime
    return authenticator._roster


class RosterLoginHandler(native_handlers.LoginHandler):
    def _render(self, login_error=None, username=None):
        if login_error and username:
            login_error = self.authenticator.why_not(username) or login_error
        return super()._render(login_error=login_error, username=username)


class RosterSignUpHandler(native_handlers.SignUpHandler):
    async def post(self):
        username = self.authenticator.normalize_username(self.get_body_argument("username", ""))
        if username not in _roster_of(self.authenticator):
            html = await self.render_template(
                "signup.html", ask_email=False, alert="alert-danger",
                result_message=f"'{username}' is not on this class's roster: check the spelling of your username, "
                               f"or ask your instructor to add you to the roster.",
                two_factor_auth=False, two_factor_auth_user=False, two_factor_auth_value="",
                recaptcha_key=None, tos=self.authenticator.tos)
            self.set_status(403)
            return self.finish(html)
        return await super().post()


class RosterAuthenticator(NativeAuthenticator):
    """NativeAuthenticator for a class: the roster says who may sign up; the instructor approves."""

    from traitlets import Unicode
    roster_file = Unicode(config=True, help="the class roster CSV")
    password_dir = Unicode(config=True, help="where the instructors' first passwords are written")
    del Unicode

    def check_allowed(self, username, authentication=None):
        return username in _roster_of(self)

    def validate_username(self, username):
        return username in _roster_of(self) and super().validate_username(username)

    def why_not(self, username):
        """Why a login failed, in words for the person at the login page."""
        username = self.normalize_username(username)
        if username not in _roster_of(self):
            return (f"'{username}' is not on this class's roster: check the spelling, or ask your instructor "
                    f"to add you.")
        info = self.get_user(username)
        if info is None:
            return (f"'{username}' has no account yet: sign up first (Sign up, below), then wait for your "
                    f"instructor to approve it.")
        if not info.is_authorized:
            return (f"The account '{username}' is waiting for your instructor's approval (the instructor "
                    f"approves it on the hub's Authorize page).")
        if self.allowed_failed_logins and self.is_blocked(username):
            return f"Too many failed logins for '{username}': wait {self.seconds_before_next_try} seconds."
        return (f"Wrong password for '{username}'. Forgot it? Your instructor can set a new one "
                f"(Authorize page, Change password).")

    def add_user(self, user):
        """At the first start: an instructor's account, with a generated password in password_dir."""
        super().add_user(user)
        if _roster_of(self).get(user.name, ("", ""))[1] == "instructor" and self.get_user(user.name) is None:
            password = secrets.token_urlsafe(12)
            Path(self.password_dir).mkdir(mode=0o700, parents=True, exist_ok=True)
            target = Path(self.password_dir) / user.name
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(password + "\n")
            import bcrypt
            self.db.add(UserInfo(username=user.name, is_authorized=True,
                                 password=bcrypt.hashpw(password.encode(), bcrypt.gensalt())))
            self.db.commit()
            self.log.info("instructor account %s made; its password is in %s", user.name, target)

    def get_handlers(self, app):
        handlers = dict(super().get_handlers(app))
        handlers[r"/login"] = RosterLoginHandler
        handlers[r"/signup"] = RosterSignUpHandler
        return list(handlers.items())


# ------------------------------------------------------------------------------------------- the spawner

from jupyterhub.spawner import LocalProcessSpawner  # noqa: E402

STUDENT_DISABLED_LAB = ["@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:course-list",
                        "@jupyter/nbgrader:create-assignment"]
STUDENT_DISABLED_SERVER = ["nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list"]


def _ancestors(path):
    parts = Path(path).parts
    return [str(Path(*parts[:i])) for i in range(2, len(parts))]


class CourseSpawner(LocalProcessSpawner):
    """Every user's JupyterLab as a process of this machine, in STATE/homes/NAME, with no system account:
    students' servers in a bubblewrap sandbox (and their own uid when the hub runs as root)."""

    @property
    def conf(self):
        if not hasattr(self, "_conf"):
            self._conf = settings()
        return self._conf

    @property
    def role(self):
        return "instructor" if self.user.admin else "student"

    @property
    def home(self):
        return str(Path(self.conf["state"]) / "homes" / self.user.name)

    def uid(self):
        """The student's own uid (root hub only), fixed at the student's first start."""
        if os.geteuid() != 0 or self.role != "student" or self.conf["isolation"] == "none":
            return None
        table = Path(self.conf["state"]) / "uids.json"
        uids = json.loads(table.read_text()) if table.exists() else {}
        if self.user.name not in uids:
            uids[self.user.name] = max(uids.values(), default=FIRST_UID - 1) + 1
            table.write_text(json.dumps(uids, indent=1))
        return uids[self.user.name]

    def make_preexec_fn(self, name):
        home = self.home

        def preexec():
            os.chdir(home)
        return preexec

    def user_env(self, env):
        env.update(USER=self.user.name, HOME=self.home, SHELL="/bin/bash")
        return env

    def get_env(self):
        env = super().get_env()
        c, home = self.conf, self.home
        jupyter_path = [c["venv"] + "/share/jupyter"]
        if self.role == "instructor" and c.get("grading_data"):
            jupyter_path.insert(0, c["grading_data"])  # the grading sandbox's kernelspec
        env.update({
            "PATH": os.pathsep.join([c["venv"] + "/bin", "/usr/local/bin", "/usr/bin", "/bin"]),
            "JUPYTER_PATH": os.pathsep.join(jupyter_path),
            "JUPYTER_CONFIG_DIR": home + "/.jupyter",
            "JUPYTER_DATA_DIR": home + "/.local/share/jupyter",
            "JUPYTER_RUNTIME_DIR": home + "/.local/share/jupyter/runtime",
            "LANG": os.environ.get("LANG", "C.UTF-8"),
        })
        return env

    # --- the home and its nbgrader set-up, (re)written at every start
    def prepare_home(self):
        c, home = self.conf, Path(self.home)
        first = not home.exists()
        home.mkdir(parents=True, exist_ok=True)
        (home.parent).chmod(0o711)  # STATE/homes: no listing of the class
        jdir = home / ".jupyter"
        (jdir / "labconfig").mkdir(parents=True, exist_ok=True)
        (home / ".local/share/jupyter/runtime").mkdir(parents=True, exist_ok=True)
        lines = ["# written by the course's hub at every start of this server (tools/hub/course_hub.py)",
                 "c = get_config()  # noqa: F821"]
        if self.role == "instructor":
            course = home / c["course_id"]
            if not (course / "source").exists():
                shutil.copytree(Path(c["root"]) / "exercises" / "source", course / "source")
            lines += [f"load_subconfig({str(Path(c['root']) / 'exercises' / 'nbgrader_config.py')!r})  # noqa: F821",
                      f"c.CourseDirectory.root = {str(course)!r}"]
            if c.get("grading_kernel"):
                lines.append(f"c.Execute.kernel_name = {c['grading_kernel']!r}  # autograde in the grading sandbox")
            disabled_lab, disabled_server = [], []
        else:
            disabled_lab, disabled_server = STUDENT_DISABLED_LAB, STUDENT_DISABLED_SERVER
        lines += [f"c.CourseDirectory.course_id = {c['course_id']!r}", f"c.Exchange.root = {c['exchange']!r}",
                  f"c.Exchange.cache = {str(home / '.local/share/jupyter/nbgrader_cache')!r}", ""]
        (jdir / "nbgrader_config.py").write_text("\n".join(lines))
        # no extension manager: the course's .venv is shared (and read-only to students); Lab's default one also
        # asks the npm registry for its settings at every start
        (jdir / "jupyter_server_config.json").write_text(json.dumps(
            {"ServerApp": {"jpserver_extensions": {e: False for e in disabled_server}},
             "LabApp": {"extension_manager": "readonly"}}, indent=1))
        (jdir / "labconfig" / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {e: True for e in disabled_lab}}, indent=1))
        if first:  # the lectures, the student's own copy to run and change
            shutil.copytree(Path(c["root"]) / "notebooks", home / "lectures", ignore=shutil.ignore_patterns(
                "exercises", ".ipynb_checkpoints"))
        uid = self.uid()
        if uid is not None:  # the student's files are the student's own
            for p in [home, *home.rglob("*")]:
                os.lchown(p, uid, uid)
        if self.role == "student":
            home.chmod(0o700)

    def sandbox(self, uid):
        """The bubblewrap command line a student's server runs under (see docs/teaching.md, "Isolation")."""
        c, home = self.conf, self.home
        cmd = [c["bwrap"], "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-ipc",
               "--unshare-uts", "--unshare-cgroup-try",
               "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
               "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin",
               "--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
        if uid is not None:
            cmd += ["--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        made = set()

        def bind(path, how="--ro-bind"):
            nonlocal cmd
            for parent in _ancestors(path):
                if parent not in made and parent not in ("/usr", "/tmp") and not parent.startswith("/usr/"):
                    cmd += ["--perms", "0755", "--dir", parent]
                    made.add(parent)
            cmd += [how, path, path]
            made.add(path)

        for path in [sys.base_prefix, c["venv"], *c["readonly"]]:
            if not path.startswith("/usr/"):
                bind(path)
        bind(c["exchange"], "--bind")
        bind(home, "--bind")
        if uid is not None:  # an account for the uid in the sandbox's /etc (nbgrader asks for the user's name)
            etc = Path(c["state"]) / "etc" / self.user.name
            etc.mkdir(parents=True, exist_ok=True)
            passwd = Path("/etc/passwd").read_text().rstrip("\n")
            (etc / "passwd").write_text(f"{passwd}\n{self.user.name}:x:{uid}:{uid}::{home}:/bin/bash\n")
            group = Path("/etc/group").read_text().rstrip("\n")
            (etc / "group").write_text(f"{group}\n{self.user.name}:x:{uid}:\n")
            cmd += ["--ro-bind", str(etc / "passwd"), "/etc/passwd", "--ro-bind", str(etc / "group"), "/etc/group"]
        cmd += ["--chdir", home]
        if uid is not None:
            cmd += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--"]
        return cmd

    async def start(self):
        self.prepare_home()
        self.notebook_dir = self.home
        self.default_url = "/lab"
        single = [self.conf["venv"] + "/bin/jupyterhub-singleuser"]
        if self.role == "student" and self.conf["isolation"] != "none":
            self.cmd = self.sandbox(self.uid()) + single
        else:
            self.cmd = single
            if os.geteuid() == 0:
                self.args = ["--allow-root"]
        return await super().start()
