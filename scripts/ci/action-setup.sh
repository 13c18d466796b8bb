#!/usr/bin/env bash
# First step of the GitHub Action (action.yml): makes sure the action's own checkout has the built
# `isms` command (dist/cli.js). A checkout of a tag holds no build: install the action's build tools
# and build it (`npm ci` runs the `prepare` script, the same build as `npm pack`).
set -euo pipefail
cd "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run this from action.yml}"
command -v node >/dev/null || { echo "::error title=isms::Node.js 20 or later is needed (actions/setup-node)"; exit 2; }
if [ -f dist/cli.js ]; then
  echo "isms $(node dist/cli.js --version) is built"
  exit 0
fi
echo "Building isms (npm ci in $GITHUB_ACTION_PATH) ..."
npm ci --no-audit --no-fund --loglevel=error
node dist/cli.js --version
