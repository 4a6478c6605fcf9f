#!/usr/bin/env bash
# The whole test suite, as CI runs it: set-up, then ONE build, warnings as
# errors, instrumented with AddressSanitizer and UndefinedBehaviorSanitizer,
# in which every test runs (the tests' own code without the optimiser,
# tests/CMakeLists.txt); beside the tests, a short run
# of every fuzz target (scripts/fuzz.sh --check, FUZZ_SECONDS each, default
# 20), or SKIPPED with the reason when clang's libFuzzer is missing. ccache is
# used when installed. Build times: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)
source scripts/build-options.sh
configure_options build/test
# So that ccache can cache the files compiled with the tests' precompiled headers.
command -v ccache >/dev/null && export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}

# -O1, the level the sanitizers' authors advise, plus value-range propagation (-ftree-vrp, which
# -O2 has): the analysis GCC's -Warray-bounds warnings come from, so they are still errors here.
# -O2 took half as much compile time again under ASan and UBSan (42 s against 27 s for one unity
# file); the few warnings that need -O2's other passes (loop unrolling) are left to the -O2 builds
# (the developer's, the release's). -g1: line tables only, which is all the sanitizers' reports
# need (function, file, line), and a fifth less compile time than full debug information.
# docs/performance.md, "Build time".
cmake -S . -B build/test -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALLIANCE_WERROR=ON -DALLIANCE_SANITIZE=ON \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -ftree-vrp -g1 -DNDEBUG" "${configure[@]}"
# The fuzz targets (scripts/fuzz.sh: clang, in build/fuzz) are built beside this build, then run
# (--check: FUZZ_SECONDS each) beside the tests, with their report printed when both are done:
# each of the four keeps both cores busy where it alone would leave one idle (the test build's
# last files and links, ctest's long tests), so together they take less time than one after the
# other (docs/performance.md, "Build time").
mkdir -p build
fuzz_log=build/fuzz-check.log
scripts/fuzz.sh --build >"$fuzz_log" 2>&1 &
fuzz_pid=$!
built=0
cmake --build build/test -j "$jobs" || built=$?
fuzz=0
wait "$fuzz_pid" || fuzz=$?
if ((built != 0)); then
  exit "$built"
fi
if ((fuzz == 0)); then
  scripts/fuzz.sh --check "${FUZZ_SECONDS:-20}" >>"$fuzz_log" 2>&1 &
  fuzz_pid=$!
fi
tests=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/test --output-on-failure -j "$jobs" || tests=$?

# Exit 77 from the fuzz build or check is "cannot fuzz here", said as SKIPPED with the reason.
if ((fuzz == 0)); then
  wait "$fuzz_pid" || fuzz=$?
fi
cat "$fuzz_log"
if ((tests != 0)); then
  echo "test.sh: some tests failed (above)" >&2
  exit "$tests"
fi
if ((fuzz == 77)); then
  echo "SKIPPED: the fuzz run (see the reason above)" >&2
elif ((fuzz != 0)); then
  echo "test.sh: the fuzz check failed (above)" >&2
  exit "$fuzz"
fi
