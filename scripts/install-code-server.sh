#!/usr/bin/env bash
# Installs a real VS Code (code-server, which embeds VS Code's server and web
# workbench) plus playwright-core into <repo>/.tools/code-server, for the e2e
# launcher test/e2e/run-in-code-server.mjs. See test/e2e/README.md.
#
# Works offline apart from the npm registry and Debian's apt repositories.
# Idempotent: exits early when the tool folder already holds the pinned
# versions built for the current Node ABI. Run as root (or with sudo available)
# when Debian packages are missing.
#
# Environment overrides:
#   ISMS_CODE_SERVER_DIR   install folder (default: <repo>/.tools/code-server)
#   ISMS_E2E_FORCE=1       reinstall even when the stamp matches
set -euo pipefail

CODE_SERVER_VERSION=4.100.3      # embeds VS Code 1.100.3; >4.100 needs Node 22+
PLAYWRIGHT_CORE_VERSION=1.65.1   # drives Debian's /usr/bin/chromium over CDP

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
TOOL_DIR="${ISMS_CODE_SERVER_DIR:-$REPO_ROOT/.tools/code-server}"
STAMP_FILE="$TOOL_DIR/.install-stamp"

log() { printf '[install-code-server] %s\n' "$*"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# step NAME CMD...: run CMD, print how long it took, and a line every 15 s while it runs (npm
# installs print nothing for minutes otherwise).
step() {
  local name="$1"; shift
  local t0; t0="$(now)"
  log "$name ..."
  ( while sleep 15; do log "  … still on: $name ($(elapsed "$t0")s)"; done ) &
  local ticker=$!
  local rc=0
  "$@" || rc=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then log "$name failed (exit $rc) after $(elapsed "$t0")s"; return "$rc"; fi
  log "$name done in $(elapsed "$t0")s"
}

# Processes that hold (or are about to take) the apt/dpkg lock: another apt-get, apt, dpkg,
# unattended-upgrades or packagekit, as "PID NAME" lines (zombies, which hold nothing, left out).
apt_lock_holders() {
  ps -eo pid=,stat=,comm= 2>/dev/null | awk '$2 !~ /^Z/ && $3 ~ /^(apt|apt-get|aptitude|dpkg|unattended-upgr|packagekitd)$/ { print $1, $3 }' || true
}

# Waits (up to ISMS_APT_WAIT seconds, default 600) while another package manager runs, saying
# which; fails with what to do when it does not finish.
wait_for_apt() {
  local waited=0 limit="${ISMS_APT_WAIT:-600}" holders
  holders="$(apt_lock_holders)"
  while [ -n "$holders" ]; do
    if [ "$waited" -ge "$limit" ]; then
      log "another package manager still holds the apt lock after ${limit}s: $(echo "$holders" | tr '\n' ' ')"
      log "let it finish (or stop it), then run npm start again; ISMS_APT_WAIT=<seconds> waits longer"
      return 1
    fi
    [ $((waited % 15)) -eq 0 ] && log "waiting for the apt lock: held by $(echo "$holders" | tr '\n' ' ')(${waited}s; it is usually unattended-upgrades, which finishes by itself)"
    sleep 1
    waited=$((waited + 1))
    holders="$(apt_lock_holders)"
  done
}

T_START="$(now)"

command -v node >/dev/null || { log "node is required (Node 20)"; exit 1; }
command -v npm >/dev/null || { log "npm is required"; exit 1; }
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
NODE_ABI="$(node -p 'process.versions.modules')"
if [ "$NODE_MAJOR" -lt 20 ]; then
  log "Node >= 20 is required (found $(node --version))"; exit 1
fi
if [ "$NODE_MAJOR" -ne 20 ]; then
  log "warning: code-server@$CODE_SERVER_VERSION declares engines.node=20; found $(node --version)"
fi
STAMP="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION node-abi=$NODE_ABI"

# ---------------------------------------------------------------- apt packages
need_pkgs=()
for p in libkrb5-dev ripgrep chromium; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    need_pkgs+=("$p")
  fi
done
# native modules are compiled by node-gyp: make, a C++ compiler and python3
command -v make >/dev/null || need_pkgs+=(make)
command -v g++ >/dev/null || need_pkgs+=(g++)
command -v python3 >/dev/null || need_pkgs+=(python3)

apt_install() {
  local SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo"; else
      log "need root (or sudo) to apt-get install: ${need_pkgs[*]}"; exit 1
    fi
  fi
  wait_for_apt
  # DPkg::Lock::Timeout: should another apt start between the wait and here, wait for it too.
  $SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq || {
    log "apt-get update failed: if it says the lock is held, another package manager is running; wait for it and run npm start again"
    return 1
  }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null || {
    log "apt-get install ${need_pkgs[*]} failed: if it says the lock is held, another package manager is running; wait for it and run npm start again"
    return 1
  }
}
if [ "${#need_pkgs[@]}" -gt 0 ]; then
  step "apt-get install ${need_pkgs[*]}" apt_install
else
  log "Debian packages already installed (libkrb5-dev ripgrep chromium)"
fi

# ------------------------------------------------------------- idempotence check
CS_DIR="$TOOL_DIR/node_modules/code-server"
VS_DIR="$CS_DIR/lib/vscode"
if [ "${ISMS_E2E_FORCE:-0}" != "1" ] && [ -f "$STAMP_FILE" ] \
   && [ "$(cat "$STAMP_FILE")" = "$STAMP" ] \
   && [ -f "$CS_DIR/out/node/entry.js" ] \
   && [ -f "$TOOL_DIR/node_modules/playwright-core/package.json" ]; then
  log "already installed: $STAMP in $TOOL_DIR (set ISMS_E2E_FORCE=1 to reinstall)"
  log "total $(elapsed "$T_START")s"
  exit 0
fi

# node-gyp must not download Node headers (no internet): point it at the local ones
CUR_NODEDIR="${npm_config_nodedir:-$(npm config get nodedir 2>/dev/null || true)}"
if [ -z "$CUR_NODEDIR" ] || [ "$CUR_NODEDIR" = "undefined" ] || [ "$CUR_NODEDIR" = "null" ]; then
  NODE_PREFIX="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
    export npm_config_nodedir="$NODE_PREFIX"
    log "using Node headers from $NODE_PREFIX/include/node"
  fi
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

log "installing into $TOOL_DIR"
rm -rf "$TOOL_DIR"
mkdir -p "$TOOL_DIR"
cat > "$TOOL_DIR/package.json" <<EOF
{
  "name": "isms-e2e-tools",
  "private": true,
  "description": "code-server + playwright-core for the e2e launcher; installed by scripts/install-code-server.sh"
}
EOF

# 1. code-server and playwright-core; code-server's postinstall downloads things, so skip it
step "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION" \
  bash -c "cd '$TOOL_DIR' && npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
    --save-exact code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_CORE_VERSION"

# 2. VS Code server's own dependencies
step "npm install in lib/vscode" \
  bash -c "cd '$VS_DIR' && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error"

# 3. native modules, compiled against this Node
step "npm rebuild native modules in lib/vscode" \
  bash -c "cd '$VS_DIR' && npm_config_yes=true npm rebuild --loglevel=error \
    @parcel/watcher @vscode/spdlog @vscode/deviceid kerberos native-watchdog node-pty"

# 4. ripgrep from Debian instead of the downloaded binary
mkdir -p "$VS_DIR/node_modules/@vscode/ripgrep/bin"
cp /usr/bin/rg "$VS_DIR/node_modules/@vscode/ripgrep/bin/rg"
chmod 755 "$VS_DIR/node_modules/@vscode/ripgrep/bin/rg"

# 5. the server looks for node_modules.asar
rm -rf "$VS_DIR/node_modules.asar"
ln -s node_modules "$VS_DIR/node_modules.asar"

# 6. built-in extensions' dependencies
step "npm install in lib/vscode/extensions" \
  bash -c "cd '$VS_DIR/extensions' && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error"

# 7. code-server's password hashing module (loaded even with --auth none)
step "npm rebuild argon2" \
  bash -c "cd '$TOOL_DIR' && npm rebuild --loglevel=error argon2"

# smoke check: the entry point runs
# (own XDG dirs so that it writes no config/logs into $HOME)
step "code-server --version" env XDG_CONFIG_HOME="$TOOL_DIR/.xdg/config" XDG_DATA_HOME="$TOOL_DIR/.xdg/data" \
  node "$CS_DIR/out/node/entry.js" --version

printf '%s' "$STAMP" > "$STAMP_FILE"
log "installed: $STAMP"
log "total $(elapsed "$T_START")s"
