#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, then ONE build, optimised as
# released (-O2, so the warnings that need the optimiser's analysis are
# there, as errors) and instrumented with AddressSanitizer and
# UndefinedBehaviorSanitizer, in which every test runs; then a short run of
# every fuzz target (scripts/fuzz.sh --check, FUZZ_SECONDS each, default 20),
# or SKIPPED with the reason when clang's libFuzzer is missing. ccache is used
# when installed. Build times: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  # So that ccache can cache the files compiled with the tests' precompiled headers.
  export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}
fi

# -g1: line tables only, which is all the sanitizers' reports need (function, file, line), and a
# fifth less compile time than full debug information.
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALLIANCE_WERROR=ON -DALLIANCE_SANITIZE=ON \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" "${launcher[@]}"
cmake --build build/test -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/test --output-on-failure -j "$jobs"

# Fuzzing: every target for a short while. Exit 77 is "cannot fuzz here",
# said by scripts/fuzz.sh as SKIPPED with the reason.
status=0
scripts/fuzz.sh --check "${FUZZ_SECONDS:-20}" || status=$?
if ((status == 77)); then
  echo "SKIPPED: the fuzz run (see the reason above)" >&2
elif ((status != 0)); then
  exit "$status"
fi
