#!/usr/bin/env bash
# Idempotent set-up: checks prerequisites, builds lib/, creates .venv with pinned packages and
# installs the course's Java kernel into it. Re-running it does nothing that is up to date.
#   tools/setup.sh          what ./course lab needs
#   tools/setup.sh --test   also the test tools (Playwright, repo2docker), Debian's chromium, a Korean font and the site's npm packages
#   tools/setup.sh --site   also what the site and its PDFs need: the site's npm packages (reveal.js, MathJax:
#                           tools/site/package-lock.json), Playwright, Debian's chromium and a Korean font
#   tools/setup.sh --hub    also JupyterHub (requirements-hub.txt), its proxy (tools/hub/package-lock.json) and
#                           bubblewrap: what ./course hub needs (docs/teaching.md); combines with --test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TEST=0
SITE=0
HUB=0
for arg in "$@"; do
  case "$arg" in
    --test) TEST=1; SITE=1 ;;
    --site) SITE=1 ;;
    --hub) HUB=1 ;;
  esac
done
say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# --- prerequisites -------------------------------------------------------------------------
command -v java >/dev/null || die "java not found: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)"
command -v javac >/dev/null || die "javac not found: a JDK (not only a JRE) 17 or newer is needed"
jv=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = //p')
[ "${jv%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is needed, found Java $jv ($(command -v java))"
command -v mvn >/dev/null || die "mvn not found: install Apache Maven 3.6+ (e.g. apt-get install maven)"
PY="${PYTHON:-python3}"
command -v "$PY" >/dev/null || die "python3 not found: install Python 3.9 or newer"
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' \
  || die "Python 3.9 or newer is needed, found $("$PY" --version 2>&1)"

# --- the library ---------------------------------------------------------------------------
JAR=lib/target/dl-lib-1.0-SNAPSHOT.jar
if [ ! -f "$JAR" ] || [ -n "$(find pom.xml lib/pom.xml lib/src/main -newer "$JAR" -print -quit)" ]; then
  say "building lib/ (mvn package, tests run later by ./course test)"
  mkdir -p "$ROOT/build"
  mvn -q -B -DskipTests package > "$ROOT/build/lib-build.log" 2>&1 || { tail -30 "$ROOT/build/lib-build.log" >&2
    die "lib/ does not build (mvn -B -DskipTests package; the last lines above, all in build/lib-build.log)"; }
  rm -f "$ROOT/build/lib-build.log"
else
  say "lib/ is up to date"
fi

# --- Python environment ----------------------------------------------------------------------
VENV="$ROOT/.venv"
REQ=requirements.txt
[ "$SITE" = 1 ] && REQ=requirements-site.txt
[ "$TEST" = 1 ] && REQ=requirements-test.txt
if [ ! -x "$VENV/bin/python" ]; then
  say "creating $VENV"
  "$PY" -m venv "$VENV" || die "python3 -m venv failed (on Debian/Ubuntu: apt-get install python3-venv)"
fi
REQS=(-r "$REQ")
[ "$HUB" = 1 ] && REQS+=(-r requirements-hub.txt) && REQ="$REQ + requirements-hub.txt"
stamp="$VENV/.installed-$(basename "${REQ%% *}" .txt)$(if [ "$HUB" = 1 ]; then echo -hub; fi)"
want=$(cat requirements*.txt | sha256sum | cut -c1-16)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing Python packages from $REQ"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check "${REQS[@]}"
  echo "$want" > "$stamp"
else
  say "Python packages are up to date ($REQ)"
fi

# jupyterlab-rise pulls in jupyterlab-mathjax3, a JupyterLab 3 extension that JupyterLab 4 cannot load (it has
# MathJax 3 built in): keep it disabled, in the venv, so that Lab lists no broken extension
if ! "$VENV/bin/jupyter" labextension list 2>&1 | grep -q "mathjax3-extension.*disabled"; then
  "$VENV/bin/jupyter" labextension disable --level=sys_prefix @jupyterlab/mathjax3-extension >/dev/null
fi

# the course's Lab never reaches the internet: no news feed, no update check (their pop-ups cover the notebook)
mkdir -p "$VENV/share/jupyter/lab/settings"
cp tools/lab/overrides.json "$VENV/share/jupyter/lab/settings/overrides.json"

# --- the Java kernel ----------------------------------------------------------------------------
"$VENV/bin/python" tools/install_kernel.py --data-dir "$VENV/share/jupyter"

# --- the course site's browser assets: reveal.js, MathJax and axe-core from npm (tools/site/package-lock.json) ---
if [ "$SITE" = 1 ]; then
  if ! command -v npm >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      say "installing Debian's nodejs and npm for the course site's assets"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
    else
      die "npm not found: install Node.js with npm (Debian: apt-get install nodejs npm)"
    fi
  fi
  lock=tools/site/package-lock.json
  site_stamp=tools/site/node_modules/.installed
  if [ "$(cat "$site_stamp" 2>/dev/null)" != "$(sha256sum "$lock" | cut -c1-16)" ]; then
    say "installing the site's npm packages (npm ci: reveal.js, mathjax, axe-core)"
    npm ci --prefix tools/site --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
    sha256sum "$lock" | cut -c1-16 > "$site_stamp"
  else
    say "site npm packages are up to date"
  fi
fi

# --- the class hub's proxy, configurable-http-proxy from npm (tools/hub/package-lock.json), and bubblewrap
if [ "$HUB" = 1 ]; then
  command -v npm >/dev/null || die "npm not found: the hub's proxy needs Node.js with npm (Debian: apt-get install nodejs npm)"
  hub_lock=tools/hub/package-lock.json
  if [ "$(cat tools/hub/node_modules/.installed 2>/dev/null)" != "$(sha256sum "$hub_lock" | cut -c1-16)" ]; then
    say "installing the hub's proxy (npm ci: configurable-http-proxy)"
    npm ci --prefix tools/hub --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
    sha256sum "$hub_lock" | cut -c1-16 > tools/hub/node_modules/.installed
  else
    say "the hub's proxy is up to date"
  fi
fi
# --- browser for the browser tests and the site's PDFs ---------------------------------------------------------------
if [ "$SITE" = 1 ] && ! command -v "${CHROMIUM:-chromium}" >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium (the browser tests; it prints the site's PDFs)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    die "chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM=/path/to/chrome"
  fi
fi
# --- a Korean font, so Hangul in figures draws as glyphs, not tofu (figure test, Binder: binder/apt.txt)
if [ "$SITE" = 1 ] && ! { fc-list :lang=ko 2>/dev/null | grep -q .; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's fonts-noto-cjk (Korean glyphs in figures, the browser tests and the PDFs)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
  else
    die "no font for Korean found (fc-list :lang=ko): install one (Debian: apt-get install fonts-noto-cjk)"
  fi
fi
# --- bubblewrap, the sandbox every submission's kernel is graded in (./course exercises grade, the exercise test)
if { [ "$TEST" = 1 ] || [ "$HUB" = 1 ]; } && ! command -v bwrap >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing Debian's bubblewrap (the grading sandbox, docs/exercises.md)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap >/dev/null
  else
    die "bwrap not found: install bubblewrap (Debian: apt-get install bubblewrap); grading runs every submission in it"
  fi
fi
say "ready"
