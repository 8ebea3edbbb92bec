#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ (clang, ASan + UBSan, build-fuzz/) and runs each for
# SECONDS (default 300), one after the other on one core. Usage:
#
#   scripts/fuzz.sh [SECONDS] [TARGET…]        targets: text markdown xml decode docx pdf compare
#
# Exits 1 when any target finds a crash, a sanitizer report, a leak, an input that takes more
# than 10 s or a process above 2 GB; the reproducer is left in fuzz/artifacts/TARGET/ (see
# docs/fuzzing.md to turn it into a regression input). The corpus each target grows is kept
# in fuzz/corpus/TARGET/ (git-ignored) and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
shift $(($# > 0 ? 1 : 0))
all_targets=(text markdown xml decode docx pdf compare)
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")

# Debian's clang, its runtime libraries (libFuzzer, the sanitizers) and llvm-symbolizer for
# the stacks of the reports.
scripts/setup.sh clang libclang-rt-dev llvm

echo "== build (clang, libFuzzer + AddressSanitizer + UndefinedBehaviorSanitizer)"
start=$SECONDS
CC=clang CXX=clang++ scripts/build.sh build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREDLINE_FUZZ=ON \
  -DREDLINE_TESTS=OFF -DREDLINE_BENCH=OFF -DREDLINE_BROWSER_TESTS=OFF
echo "built in $((SECONDS - start)) s"

# Seeds: the drafts of the tests and samples, and the small ones of fuzz/seeds/. The
# comparison's seeds are pairs of revisions joined as fuzz/harness.hpp's PairInput.
seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{text,markdown,xml,decode,docx,pdf,compare}
cp samples/*/*.txt tests/data/text_reader/* fuzz/seeds/text/* "$seeds/text/"
find tests/corpus -name "*.md" ! -name README.md -exec cp {} "$seeds/markdown/" \;
cp fuzz/seeds/markdown/* "$seeds/markdown/"
cp fuzz/seeds/xml/* "$seeds/xml/"
cp fuzz/seeds/decode/* samples/office-devices/2023-05-draft.zh.txt "$seeds/decode/"
cp tests/corpus/docx/*.docx samples/office-devices/docx/*.docx "$seeds/docx/"
cp fuzz/seeds/pdf/* "$seeds/pdf/"
pair() {   # pair NAME OPTIONS OLD NEW [LINES]: the first LINES lines of each draft
  local lines=${5:-100000}
  # shellcheck disable=SC2059  # the format is the options byte, as an escape
  { printf "\\x$(printf %02x "$2")"; head -n "$lines" "$3"; printf '\n\f=== redline-fuzz: new draft ===\f\n'
    head -n "$lines" "$4"; } > "$seeds/compare/$1"
}
# Options: bits 0-1 old format, 2-3 new format (0 auto, 1 .txt, 2 .md, 3 .xml), 4-5 language,
# 6 ignore editorial, 7 the Chinese brief (fuzz/harness.hpp).
pair sample-en 0x05 samples/office-devices/2023-05-draft.en.txt samples/office-devices/2023-08-draft-for-comments.en.txt
pair sample-zh 0xC5 samples/office-devices/2023-05-draft.zh.txt samples/office-devices/2023-08-draft-for-comments.zh.txt
pair xml 0x0F fuzz/seeds/xml/v2.xml fuzz/seeds/xml/v3.xml
pair law 0x0A tests/corpus/cn-legislation-law/legislation-law-2015.md tests/corpus/cn-legislation-law/legislation-law-2023.md 150
pair tls 0x0A tests/corpus/ietf-tls13/draft-ietf-tls-tls13-06.md tests/corpus/ietf-tls13/draft-ietf-tls-tls13-07.md 300
pair law-text 0x25 fuzz/seeds/text/law.txt fuzz/seeds/text/law.txt
pair gbt-md 0x6A fuzz/seeds/markdown/gbt.md fuzz/seeds/markdown/law.md
pair mixed 0x00 fuzz/seeds/markdown/kramdown.md fuzz/seeds/xml/v3.xml

dictionary() {
  case $1 in
    compare) cat fuzz/dict/text.dict fuzz/dict/markdown.dict fuzz/dict/xml.dict | sort -u > build-fuzz/compare.dict
             echo build-fuzz/compare.dict ;;
    *) echo "fuzz/dict/$1.dict" ;;
  esac
}

mkdir -p build-fuzz/logs
failed=()
summary=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t" "fuzz/artifacts/$t"
  # Inputs up to 64 KB (the comparison's: two drafts of up to 32 KB): long enough for real
  # structure, short enough for thousands of runs a minute under the sanitizers.
  max_len=65536
  # A DOCX seed must fit whole: a ZIP container is read from its end.
  [ "$t" = docx ] && max_len=$((128 * 1024))
  # A PDF's cross-reference table is at its end too.
  [ "$t" = pdf ] && max_len=$((128 * 1024))
  log=build-fuzz/logs/$t.log
  echo "== fuzz $t for $seconds s (log: $log)"
  rc=0
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    LSAN_OPTIONS=suppressions=tests/lsan-poppler.supp \
    "build-fuzz/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=$max_len \
    -dict="$(dictionary "$t")" -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 \
    "fuzz/corpus/$t" "$seeds/$t" > "$log" 2>&1 || rc=$?
  # The last status line: "#N DONE cov: C ft: F corp: …"; the executions from the stats.
  status=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$status")
  if ((rc != 0)); then
    failed+=("$t")
    grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written|.*Deadly signal|.*-timeout|.*out-of-memory)' "$log" | head -n 20 || true
    tail -n 40 "$log"
  fi
  summary+=("$(printf '%-9s %10s runs  cov %6s  ft %7s  corpus %6s  %s' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" \
                 "$( ((rc == 0)) && echo ok || echo "FINDING (exit $rc)")")")
done

echo "== fuzzing: $seconds s per target"
printf '%s\n' "${summary[@]}"
echo "fuzzing: $((${#targets[@]} - ${#failed[@]})) passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
  echo "findings in: ${failed[*]} — reproducers in fuzz/artifacts/ (docs/fuzzing.md)"
  exit 1
fi
