#!/usr/bin/env bash
# Regenerates the DOCX versions of the bundled samples (samples/office-devices/docx/): the
# plain-text drafts written as FODT the way a drafting template makes them
# (scripts/docx_samples.py), then converted by LibreOffice. Needs a built redline and
# libreoffice-writer-nogui; the results are committed, so nothing else needs this script.
set -euo pipefail
cd "$(dirname "$0")/.."
out=samples/office-devices/docx
for draft in 2023-05-draft.zh 2023-08-draft-for-comments.zh; do
  python3 scripts/docx_samples.py build/cli/redline samples/office-devices/$draft.txt $out/$draft.fodt
done
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# A private profile: a LibreOffice already running for the user does not take the job.
timeout 300 soffice -env:UserInstallation=file://$profile --headless --convert-to docx --outdir $out $out/*.fodt
