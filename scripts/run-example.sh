#!/usr/bin/env bash
# Set-up, a Release build of the program alone (not the tests: scripts/test.sh
# builds those), then the main job on the bundled example: scores of an NDJSON
# batch of gtb-12 responses, as a table. ccache is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
source scripts/build-options.sh
configure_options build/release
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release "${configure[@]}" >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)" --target alliance >/dev/null
build/release/src/alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table
