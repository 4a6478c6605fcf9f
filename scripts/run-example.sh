#!/usr/bin/env bash
# Set-up, a Release build, then the main job on the bundled example: scores
# of an NDJSON batch of gtb-12 responses, as a table.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release -j "$(nproc 2>/dev/null || echo 2)" >/dev/null
build/release/src/alliance score gtb-12 examples/gtb-12-sessions.ndjson --format table
