#!/usr/bin/env bash
# README command 1: install what is needed, build, and run redline on the bundled samples.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build -DCMAKE_BUILD_TYPE=Release -DREDLINE_TESTS=OFF
old=samples/office-devices/2023-05-draft.zh.txt
new=samples/office-devices/2023-08-draft-for-comments.zh.txt
echo
echo "== redline diff $old $new"
# Exit status 1 means "the drafts differ", which is the expected outcome here.
status=0
build/cli/redline diff --no-pager "$old" "$new" || status=$?
[ "$status" -le 1 ] || exit "$status"
echo
mkdir -p out
build/cli/redline diff --format html -o out/office-devices.redline.html "$old" "$new" || [ $? -le 1 ]
echo "== the redline page: out/office-devices.redline.html (open it in any browser; works offline)"
build/cli/redline brief -o out/office-devices.brief.md "$old" "$new"
build/cli/redline brief -o out/office-devices.brief.docx "$old" "$new"
echo "== the brief (ranked findings): out/office-devices.brief.md and .docx"
old_docx=samples/office-devices/docx/2023-05-draft.zh.docx
new_docx=samples/office-devices/docx/2023-08-draft-for-comments.zh.docx
echo
echo "== the same drafts as Word files (automatic numbering: no clause number is in their text)"
echo "== redline diff $old_docx $new_docx"
status=0
build/cli/redline diff --no-pager "$old_docx" "$new_docx" || status=$?
[ "$status" -le 1 ] || exit "$status"
