#!/usr/bin/env bash
# Runs the libFuzzer targets (tests/fuzz, docs/fuzzing.md).
#
#   scripts/fuzz.sh [--check] [SECONDS] [TARGET...]
#   scripts/fuzz.sh --build
#
# SECONDS per target (default 600), every target unless some are named. Two
# targets run at a time (one per core, at most two). New inputs that add
# coverage are merged into tests/fuzz/corpus/TARGET (libFuzzer's -merge=1 keeps
# only those, so the corpus stays small); a crash, leak, timeout or
# out-of-memory input is written to tests/fuzz/regressions/TARGET/ — fix it,
# and commit it: the normal test suite replays that folder.
# --check (scripts/test.sh): a short run that changes nothing in the
# repository; findings go to build/fuzz/findings/.
# --build: only build the targets (scripts/test.sh builds them beside its own
# build, then runs --check beside the tests).
# Prints, per target, the time run, the executions and the outcome, and
# exits 1 when a target found something. Needs clang++ and libFuzzer's
# runtime (scripts/setup.sh installs clang and libclang-rt-14-dev).
set -euo pipefail
cd "$(dirname "$0")/.."

check=0 build_only=0
if [[ ${1:-} == --check ]]; then
  check=1
  shift
elif [[ ${1:-} == --build ]]; then
  build_only=1
  shift
fi
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
all=(definition json_response ndjson ndjson_differential csv options stat_file)
targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=("${all[@]}")

# Can this machine build a fuzzer at all? (clang, and libFuzzer's runtime.)
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' >"$probe/p.cpp"
if ! command -v clang++ >/dev/null; then
  echo "SKIPPED: fuzzing: clang++ not found (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 77
fi
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
  echo "SKIPPED: fuzzing: clang++ cannot link a libFuzzer target (is libclang-rt-14-dev installed?):" >&2
  head -n 3 "$probe/err" >&2
  exit 77
fi

source scripts/build-options.sh
configure_options build/fuzz
# -O1 and line tables (-g1), as OSS-Fuzz builds its targets: the crash reports' stack traces need only
# functions, files and lines, and -O1 compiles in about two thirds of -O2's time for a few percent
# fewer executions a second (docs/performance.md, "Build time").
cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALLIANCE_FUZZ=ON \
  -DALLIANCE_BUILD_TESTS=OFF "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG" "${configure[@]}" >/dev/null
jobs=$(nproc 2>/dev/null || echo 2)
cmake --build build/fuzz -j "$jobs" --target fuzzers >/dev/null
((build_only)) && exit 0

parallel=$((jobs < 2 ? 1 : 2))
logs=build/fuzz/logs
rm -rf "$logs"
mkdir -p "$logs"

run_one() {  # TARGET
  local name=$1 fresh=build/fuzz/new/$1 found
  if ((check)); then found=build/fuzz/findings/$1/; else found=tests/fuzz/regressions/$1/; fi
  rm -rf "$fresh"
  mkdir -p "$fresh" "$found"
  local start=$SECONDS status=0
  # New inputs go to $fresh; the committed corpus and regressions are read only.
  build/fuzz/tests/fuzz/fuzz_"$name" "$fresh" tests/fuzz/corpus/"$name" tests/fuzz/regressions/"$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$found" >"$logs/$name.log" 2>&1 || status=$?
  echo "$((SECONDS - start)) $status" >"$logs/$name.result"
  if ((!check && status == 0)); then
    # Only inputs reaching new code (edges, not hit counts): a few dozen files per target.
    build/fuzz/tests/fuzz/fuzz_"$name" -merge=1 -use_counters=0 tests/fuzz/corpus/"$name" "$fresh" \
      >>"$logs/$name.log" 2>&1 || true
  fi
}

started=$SECONDS
running=0
for name in "${targets[@]}"; do
  run_one "$name" &
  running=$((running + 1))
  if ((running >= parallel)); then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=0
printf '%-22s %8s %12s %10s  %s\n' TARGET SECONDS EXECUTIONS EXEC/S RESULT
for name in "${targets[@]}"; do
  read -r took status <"$logs/$name.result"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$name.log" | tail -n 1)
  execs=${execs:-?}
  rate=?
  [[ $execs != ? && $took -gt 0 ]] && rate=$((execs / took))
  result=ok
  if ((status != 0)); then
    failed=1
    result="FOUND SOMETHING (exit $status): see $logs/$name.log"
  fi
  printf '%-22s %8s %12s %10s  %s\n' "$name" "$took" "$execs" "$rate" "$result"
done
echo "total: $((SECONDS - started)) s for ${#targets[@]} targets, $seconds s each, $parallel at a time" >&2
if ((failed)); then
  echo "The inputs are in $(((check)) && echo build/fuzz/findings || echo tests/fuzz/regressions)/TARGET/;" \
    "replay one with build/fuzz/tests/fuzz/fuzz_TARGET FILE" >&2
fi
exit "$failed"
