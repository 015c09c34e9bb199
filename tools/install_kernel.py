"""Installs the course's Java kernel: JJava (from the `jjava` PyPI package) with the course library
on its class path and the course's JVM options.

    python tools/install_kernel.py --data-dir .venv/share/jupyter   # ./course setup
    python tools/install_kernel.py --user                            # Binder (binder/postBuild)

Why JJAVA_CLASSPATH in the kernelspec: the library reaches every notebook with no line in the
notebook, and the same kernelspec is used by JupyterLab, by the test run and on Binder.
"""
import argparse
import json
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KERNEL_NAME = "java"


def jvm_options():
    # -ea: Java `assert` statements work in notebooks; the heap fits a 2-core, 4+ GB laptop.
    # --add-modules jdk.incubator.vector: the library's fast matrix products (dl.fast.MatMul); the JVM's
    # start-up warning about it goes to the kernel's log, not into cells.
    return "-Xmx3g -ea -XX:+UseParallelGC -Dfile.encoding=UTF-8 " + VECTOR_MODULE


VECTOR_MODULE = "--add-modules jdk.incubator.vector"


def kernel_env():
    plotly_js = Path(__import__("plotly").__file__).parent / "package_data" / "plotly.min.js"
    if not plotly_js.is_file():
        sys.exit(f"plotly.js not found at {plotly_js}: is the `plotly` package installed?")
    lib_target = ROOT / "lib" / "target"
    return {
        "JJAVA_CLASSPATH": os.pathsep.join([
            str(lib_target / "dl-lib-1.0-SNAPSHOT.jar"),
            str(lib_target / "kernel-classpath" / "*"),
        ]),
        "JJAVA_STARTUP_SCRIPTS_PATH": str(ROOT / "lib" / "kernel" / "startup.jsh"),
        "JJAVA_JVM_OPTS": jvm_options(),
        "JJAVA_COMPILER_OPTS": VECTOR_MODULE,
        "DL_PLOTLY_JS": str(plotly_js),
        "DL_DATA_DIR": str(ROOT / "data"),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data-dir", help="Jupyter data directory to install into (kernels/java under it)")
    where.add_argument("--user", action="store_true", help="install into the user's Jupyter data directory")
    args = parser.parse_args()

    if args.user:
        from jupyter_core.paths import jupyter_data_dir
        data_dir = Path(jupyter_data_dir())
    else:
        data_dir = Path(args.data_dir).resolve()

    source = Path(sys.prefix) / "share" / "jupyter" / "kernels" / KERNEL_NAME
    if not (source / "jjava.jar").is_file():
        sys.exit(f"JJava not found in {source}: install the `jjava` package (pip install -r requirements.txt)")
    target = data_dir / "kernels" / KERNEL_NAME
    target.mkdir(parents=True, exist_ok=True)
    if source.resolve() != target.resolve():
        for jar in ("jjava.jar", "jjava-launcher.jar"):
            shutil.copy2(source / jar, target / jar)

    java = shutil.which("java")
    if java is None:
        sys.exit("java not found on PATH: install a JDK 17 or newer")
    spec = {
        "argv": [java, "-jar", "{resource_dir}/jjava-launcher.jar", "{resource_dir}/jjava.jar",
                 "{connection_file}"],
        "display_name": "Java (course)",
        "language": "java",
        "interrupt_mode": "message",
        "env": kernel_env(),
        "metadata": {"debugger": False},
    }
    text = json.dumps(spec, indent=2) + "\n"
    spec_file = target / "kernel.json"
    if not spec_file.exists() or spec_file.read_text() != text:
        spec_file.write_text(text)
        print(f"[setup] Java kernel '{KERNEL_NAME}' installed in {target}")
    else:
        print(f"[setup] Java kernel '{KERNEL_NAME}' is up to date ({target})")


if __name__ == "__main__":
    main()
