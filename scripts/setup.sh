#!/usr/bin/env bash
# Installs the Debian packages Redline needs to build and test. Idempotent and
# non-interactive; runs `apt-get update` once per call, only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3
  libicu-dev              # decoding (GB18030, UTF-16), normalisation, word and sentence breaks
  libpugixml-dev          # XML readers and DOCX writer
  libxml2-dev             # HTML reader, structural checks of generated HTML
  libboost-test-dev       # unit tests
  libdtl-dev              # tests: the engine's O(NP) edit search held against dtl's
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # CommonMark/GFM parsing with source positions
  libyaml-cpp-dev         # kramdown-rfc YAML front matter
  nlohmann-json3-dev      # parsing JSON in the tests
  libcli11-dev            # command-line parsing
  libfmt-dev              # formatting
  libzip-dev              # DOCX packages (the brief's Word output)
  libpoppler-cpp-dev      # PDF reader: words with boxes and fonts (poppler's C++ API)
  poppler-data            # PDF reader: CJK character maps
)
# Extra package groups for later stages (browser tests, DOCX checks) are passed as arguments.
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
