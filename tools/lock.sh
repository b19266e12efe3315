#!/usr/bin/env bash
# Update requirements.lock, the exact versions (with hashes) that run.py and .ci/run install, for every
# platform at once (Linux, Windows, macOS; Python 3.11 and newer). Run after changing the dependencies in
# pyproject.toml, then run the whole suite before committing both files:
#     uv pip compile needs uv (pip install uv); add --upgrade to take newer releases on purpose.
set -euo pipefail
cd "$(dirname "$0")/.."
uv pip compile pyproject.toml --extra test --universal --python-version 3.11 --generate-hashes \
   --no-emit-index-url --custom-compile-command "bash tools/lock.sh" -o requirements.lock "$@"
