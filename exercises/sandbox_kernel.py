"""The grading kernel: the course's Java kernel inside a bubblewrap sandbox (see docs/exercises.md,
"Threat model").

    python sandbox_kernel.py CONFIG.json CONNECTION_FILE     # the grading kernelspec's argv

Outside (this process, started by nbgrader's ExecutePreprocessor in the notebook's folder):
  * copies the regular files of its working directory (the submission's folder) into the sandbox's
    scratch folder /home/student, a size-capped tmpfs that vanishes with the sandbox;
  * starts `bwrap` as an unprivileged user (as root: the uid of the grading worker, so that every
    worker has its own process limit) with every namespace unshared (no network, no other
    processes), read-only /usr (the JDK) and /course (the kernel's jars, the course library, this
    file), nothing of the repository, the course directory, the gradebook or any home folder;
  * relays the kernel's five ZMQ channels: it listens on the TCP ports of the connection file, as a
    kernel would, and forwards each connection to a Unix socket that the inside relay created in
    a folder shared with the sandbox (a path-named Unix socket works across network namespaces;
    the kernel's loopback TCP inside the sandbox does not reach the outside one).
Inside (`--inside`, run by /usr/bin/python3 in the sandbox): listens on those Unix sockets,
forwards every connection to the kernel's port on the sandbox's own loopback, and runs the JJava
launcher with resource limits (address space, processes/threads, CPU time, file size, open files).
The sandbox ends when the kernel ends (the exit code is passed on, so nbclient sees a dead kernel),
when this process is killed (--die-with-parent) or after the configured wall_seconds.
"""
import asyncio
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

SCRATCH = "/home/student"
COURSE = "/course"            # read-only: kernel/, lib/, startup.jsh, sandbox_kernel.py
CHANNELS = "/run/kernel"      # the inside relay's Unix sockets, shared with this process
PORTS = ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")
MAX_FILE_COPIED = 20_000_000  # bytes: larger files of the submission's folder are not copied


# ------------------------------------------------------------------------------------- outside

def sandbox_uid(config):
    """The unprivileged uid the sandbox runs as when the grader is root: the grading worker's own
    (DL_SANDBOX_UID, set by tools/exercises.py), else the configured one."""
    return int(os.environ.get("DL_SANDBOX_UID") or config.get("uid") or 0)


def bwrap_command(config, channels, connection, files):
    """The bwrap command line: the sandbox's file system, user, namespaces and the inside relay."""
    cmd = []
    uid = sandbox_uid(config)
    if os.geteuid() == 0 and uid:
        # never root inside: drop to the worker's own unprivileged uid before bwrap (which then
        # builds its sandbox in a user namespace, as for any ordinary user)
        cmd += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"]
    cmd += [config.get("bwrap", "bwrap"), "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL",
            "--ro-bind", "/usr", "/usr"]
    for name in ("bin", "lib", "lib32", "lib64", "sbin"):
        target = os.path.join("/", name)
        if os.path.islink(target):
            cmd += ["--symlink", os.readlink(target), target]
        elif os.path.isdir(target):
            cmd += ["--ro-bind", target, target]
    for path in config.get("etc", []):  # the JDK's configuration (its conf/ links into /etc), ld.so.cache
        if os.path.exists(path):
            cmd += ["--ro-bind", path, path]
    if config.get("java_home_host"):  # a JDK outside /usr: read-only at a neutral place
        cmd += ["--ro-bind", config["java_home_host"], config["java_home"]]
    cmd += ["--dev", "/dev",  # and no /proc: no other process's memory, file descriptors or command lines
            "--size", str(config["tmp_bytes"]), "--tmpfs", "/tmp",
            "--size", str(config["scratch_bytes"]), "--tmpfs", SCRATCH,
            "--ro-bind", config["staging"], COURSE,
            "--bind", channels, CHANNELS,
            "--file", str(connection), f"{CHANNELS}/connection.json"]
    for fd, rel in files:
        parent = os.path.dirname(rel)
        if parent:
            cmd += ["--dir", f"{SCRATCH}/{parent}"]
        cmd += ["--file", str(fd), f"{SCRATCH}/{rel}"]
    cmd += ["--remount-ro", "/", "--chdir", SCRATCH, "--clearenv"]
    env = {"HOME": SCRATCH, "USER": "student", "LANG": "C.UTF-8", "TMPDIR": "/tmp",
           "PATH": f"{config['java_home']}/bin:/usr/bin:/bin", "JAVA_HOME": config["java_home"],
           "LD_LIBRARY_PATH": f"{config['java_home']}/lib"}
    env.update(config.get("env", {}))
    for key, value in env.items():
        cmd += ["--setenv", key, value]
    cmd += ["/usr/bin/python3", "-I", "-S", f"{COURSE}/sandbox_kernel.py", "--inside", json.dumps(config["limits"]),
            f"{CHANNELS}/connection.json",
            "java", "-jar", f"{COURSE}/kernel/jjava-launcher.jar", f"{COURSE}/kernel/jjava.jar",
            f"{CHANNELS}/connection.json"]
    return cmd


def submission_files(folder):
    """(relative path, open file) of every regular file under folder, symbolic links not followed."""
    found = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(top, d))]
        for name in names:
            path = os.path.join(top, name)
            st = os.lstat(path)
            if stat.S_ISREG(st.st_mode) and st.st_size <= MAX_FILE_COPIED:
                fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
                found.append((os.path.relpath(path, folder), fd))
    return found


async def pipe(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


def open_socket(path):
    """The Unix socket at path, opened without following a link (the sandbox owns the folder, so it
    could put a link to some other socket of the machine there): its /proc/self/fd path, or None."""
    try:
        fd = os.open(path, os.O_PATH | os.O_NOFOLLOW)
    except OSError:
        return None
    if not stat.S_ISSOCK(os.fstat(fd).st_mode):
        os.close(fd)
        return None
    return fd


async def outside_relay(ip, port, socket_path, ready_timeout):
    async def connected(reader, writer):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + ready_timeout
        while True:  # the sandbox's JVM may still be starting
            fd = open_socket(socket_path)
            if fd is not None:
                try:
                    inner_r, inner_w = await asyncio.open_unix_connection(f"/proc/self/fd/{fd}")
                    break
                except OSError:
                    pass
                finally:
                    os.close(fd)
            if loop.time() > deadline:
                writer.close()
                return
            await asyncio.sleep(0.05)
        await asyncio.gather(pipe(reader, inner_w), pipe(inner_r, writer))
    return await asyncio.start_server(connected, ip, port, reuse_address=True)


def quiet_cancel(loop, context):
    """Relayed connections still open when the kernel ends are cancelled: not an error worth a traceback."""
    if not isinstance(context.get("exception"), asyncio.CancelledError):
        loop.default_exception_handler(context)


async def outside(config, connection_file):
    asyncio.get_running_loop().set_exception_handler(quiet_cancel)
    info = json.load(open(connection_file))
    if info.get("transport", "tcp") != "tcp":
        sys.exit("sandbox_kernel: only the tcp transport is supported")
    workdir = tempfile.mkdtemp(prefix="dl-sandbox-")
    os.chmod(workdir, 0o711)  # the sandbox user reaches channels/ (its own), nothing else here
    channels = os.path.join(workdir, "channels")
    os.mkdir(channels, 0o700)
    uid = sandbox_uid(config)
    if os.geteuid() == 0 and uid:
        os.chown(channels, uid, uid)
    inner = dict(info, ip="127.0.0.1", transport="tcp")
    connection = tempfile.TemporaryFile()
    connection.write(json.dumps(inner).encode())
    connection.seek(0)
    files = submission_files(os.getcwd())
    cmd = bwrap_command(config, channels, connection.fileno(), [(fd, rel) for rel, fd in files])
    servers = [await outside_relay(info["ip"], info[p], os.path.join(channels, str(info[p])),
                                   config.get("start_timeout", 180)) for p in PORTS]
    proc = await asyncio.create_subprocess_exec(*cmd, pass_fds=[connection.fileno()] + [fd for _, fd in files],
                                                stdin=subprocess.DEVNULL)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, proc.terminate)
    loop.add_signal_handler(signal.SIGINT, lambda: None)  # interrupts come as messages (interrupt_mode)
    try:
        try:  # a kernel that stopped itself (SIGSTOP) or a notebook of endless timeouts: ended after wall_seconds
            code = await asyncio.wait_for(proc.wait(), config.get("wall_seconds"))
        except asyncio.TimeoutError:
            print(f"sandbox_kernel: the kernel ran {config.get('wall_seconds')} s, the most a notebook may: stopped",
                  file=sys.stderr)
            proc.kill()
            code = await proc.wait()
    finally:
        for server in servers:
            server.close()
        shutil.rmtree(workdir, ignore_errors=True)
    return code


# -------------------------------------------------------------------------------------- inside

def limit(limits):
    import resource
    for name, value in limits.items():
        which = getattr(resource, f"RLIMIT_{name.upper()}")
        resource.setrlimit(which, (int(value), int(value)))


async def inside_relay(port, path, reached):
    async def connected(reader, writer):
        try:
            kr, kw = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            writer.close()
            return
        reached(port)
        await asyncio.gather(pipe(reader, kw), pipe(kr, writer))
    return await asyncio.start_unix_server(connected, path)


async def inside(limits, connection_file, command):
    asyncio.get_running_loop().set_exception_handler(quiet_cancel)
    info = json.load(open(connection_file))
    proc = await asyncio.create_subprocess_exec(*command, preexec_fn=lambda: limit(limits), stdin=subprocess.DEVNULL)
    waiting = {info[p] for p in PORTS}

    def reached(port):
        # the kernel has read the connection file (it listens on every port): the key it holds leaves the
        # file system, so code the submission runs later cannot read it
        waiting.discard(port)
        if not waiting and os.path.exists(connection_file):
            os.unlink(connection_file)
    servers = [await inside_relay(info[p], os.path.join(CHANNELS, str(info[p])), reached) for p in PORTS]
    code = await proc.wait()
    for server in servers:
        server.close()
    return code


def main():
    if sys.argv[1] == "--inside":
        return asyncio.run(inside(json.loads(sys.argv[2]), sys.argv[3], sys.argv[4:]))
    config = json.load(open(sys.argv[1]))
    return asyncio.run(outside(config, sys.argv[2]))


if __name__ == "__main__":
    sys.exit(main())
