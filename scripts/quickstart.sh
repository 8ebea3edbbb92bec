#!/usr/bin/env bash
# README command 1: install what is needed, build, and run redline on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DREDLINE_TESTS=OFF
echo
echo "== redline parse samples/office-devices/2023-08-draft-for-comments.zh.txt"
build/cli/redline parse samples/office-devices/2023-08-draft-for-comments.zh.txt
