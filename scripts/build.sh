#!/usr/bin/env bash
# Configures and builds one build tree. Usage: scripts/build.sh BUILD_DIR [cmake -D options…]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/build.sh BUILD_DIR [cmake options]}
shift
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
# Reuse an existing tree only when it was made with the same generator.
if [ -f "$dir/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=${generator[1]:-Unix Makefiles}" "$dir/CMakeCache.txt"; then
  rm -rf "$dir"
fi
cmake -S . -B "$dir" "${generator[@]}" "$@" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
