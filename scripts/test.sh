#!/usr/bin/env bash
# README command 2: install what is needed, build, and run the whole test suite twice:
# once in a normal build with warnings as errors, once under AddressSanitizer + UBSan; then
# every fuzz target briefly (both suites also replay the fuzz regression inputs).
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser tests load redline pages in Debian's Chromium, driven by playwright-core from
# the npm registry (pinned in tests/browser/package-lock.json); CJK fonts render the Chinese
# pages and their screenshots. LibreOffice and poppler prove the DOCX brief is a real
# document (converted to PDF, its text read back).
scripts/setup.sh chromium fonts-noto-cjk nodejs libreoffice-writer-nogui poppler-utils
command -v npm >/dev/null || scripts/setup.sh npm
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
jobs=$(nproc)

# Line tables (-g1) are enough for the backtraces of a failing test and cost half of what full
# debug information does; the test executables themselves are built at -O0 (measured on
# test_docx_reader.cpp: -O2 -g 21.4 s of CPU, -O0 7.4 s; under ASan 134 s and 21 s).
echo "== build (RelWithDebInfo, warnings are errors)"
scripts/build.sh build-test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDLINE_WERROR=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DREDLINE_TEST_CXX_FLAGS="-O0"
echo "== tests"
ctest --test-dir build-test --output-on-failure --parallel "$jobs"

echo "== build (AddressSanitizer + UndefinedBehaviorSanitizer)"
scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDLINE_SANITIZE=ON -DREDLINE_WERROR=ON -DREDLINE_BENCH=OFF \
  -DREDLINE_BROWSER_TESTS=OFF -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DREDLINE_TEST_CXX_FLAGS="-O0"
echo "== tests under sanitizers"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --parallel "$jobs"

# Every fuzz target for a short while on top of the seeds (docs/fuzzing.md): a build with
# clang and libFuzzer, then 30 s per target; a crash, leak, timeout or memory blow-up fails.
echo "== smoke fuzzing"
scripts/fuzz.sh 30
