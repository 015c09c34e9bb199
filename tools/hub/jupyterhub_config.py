# JupyterHub configuration of the course's class hub on one machine (./course hub; docs/teaching.md).
# tools/hub/hub.py writes the settings (ports, roster, state folder) to $DL_HUB_SETTINGS and starts
# `jupyterhub -f` this file; the authenticator and spawner are in tools/hub/course_hub.py.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import course_hub  # noqa: E402

c = get_config()  # noqa: F821
s = course_hub.settings()
roster = course_hub.read_roster(s["roster"])
instructors = {u for u, _, role in roster if role == "instructor"}

c.JupyterHub.ip = s["ip"]
c.JupyterHub.port = s["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = s["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s['proxy_api_port']}"
c.ConfigurableHTTPProxy.command = [s["chp"]]
c.ConfigurableHTTPProxy.should_start = True
c.JupyterHub.db_url = f"sqlite:///{s['state']}/jupyterhub.sqlite"
c.JupyterHub.cookie_secret_file = f"{s['state']}/jupyterhub_cookie_secret"
c.ConfigurableHTTPProxy.pid_file = f"{s['state']}/jupyterhub-proxy.pid"
c.JupyterHub.pid_file = f"{s['state']}/jupyterhub.pid"
c.JupyterHub.cleanup_servers = True

# accounts: the roster's people only; students sign up and the instructor approves (/hub/authorize)
c.JupyterHub.authenticator_class = course_hub.RosterAuthenticator
c.RosterAuthenticator.roster_file = s["roster"]
c.RosterAuthenticator.password_dir = f"{s['state']}/passwords"
c.Authenticator.admin_users = instructors
c.NativeAuthenticator.enable_signup = True
c.NativeAuthenticator.open_signup = False
c.NativeAuthenticator.ask_email_on_signup = False
c.NativeAuthenticator.minimum_password_length = 8
c.NativeAuthenticator.check_common_password = True
c.NativeAuthenticator.allowed_failed_logins = 5
c.NativeAuthenticator.seconds_before_next_try = 60

# servers: JupyterLab with the course's Java kernel, one home per user (course_hub.CourseSpawner)
c.JupyterHub.spawner_class = course_hub.CourseSpawner
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 90
c.JupyterHub.allow_named_servers = False
c.JupyterHub.shutdown_on_logout = False

# stop servers idle for cull_idle seconds (as the Kubernetes set-up does: deploy/k8s/values.yaml)
if s.get("cull_idle"):
    c.JupyterHub.load_roles = [{
        "name": "idle-culler", "services": ["idle-culler"],
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"]}]
    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={s['cull_idle']}",
                    "--cull-every=300"]}]
