#!/usr/bin/env bash
# Regenerates the PDF versions of the bundled samples (samples/office-devices/pdf/): each
# plain-text draft laid out as a GB/T draft is published (scripts/pdf_samples.py: cover, Roman
# page numbers in the front matter, running header with the standard number, table of contents
# with leaders and real page numbers), converted by LibreOffice, with the bytes that change
# from run to run fixed, and its table of contents checked against the pages. Needs a built
# redline (the argument, default build/cli/redline); installs LibreOffice, poppler-utils and
# the Noto CJK fonts through scripts/setup.sh. The results are committed: nothing else needs
# this script. Same LibreOffice and fonts (Debian 12's) → byte-identical PDFs.
set -euo pipefail
cd "$(dirname "$0")/.."
redline=${1:-build/cli/redline}
scripts/setup.sh libreoffice-writer-nogui poppler-utils fonts-noto-cjk
out=samples/office-devices/pdf
mkdir -p $out
for draft in 2023-05-draft.zh 2023-08-draft-for-comments.zh 2023-05-draft.en 2023-08-draft-for-comments.en; do
  python3 scripts/pdf_samples.py "$redline" samples/office-devices/$draft.txt $out
done
