#!/usr/bin/env bash
# Reading an SPSS .sav file against the CSV of the same answers: `alliance score wai-sr`
# on 1M rows of bench/gen_data.py's data, as CSV and as .sav (written from that CSV by
# R's haven, the way SPSS users of R make one), and writing the scores to .sav against CSV.
#
#   bench/stat_files.sh [DATA_DIR]     # data default /tmp/alliance-bench-repo; RUNS=5
#   ALLIANCE=path/to/alliance bench/stat_files.sh   # a binary already built
#
# Needs Rscript with haven (scripts/setup.sh installs r-cran-haven) to make the .sav once;
# without it, says SKIPPED. Prints the median wall time of RUNS runs (bash EPOCHREALTIME)
# and the peak RSS of one more run (/usr/bin/time -f %M), and the ratios .sav / CSV.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-/tmp/alliance-bench-repo}
runs=${RUNS:-5}
rows=1000000
mkdir -p "$data"
if ! Rscript -e 'library(haven)' >/dev/null 2>&1; then
  echo "SKIPPED: R's haven is not installed (scripts/setup.sh installs r-cran-haven)" >&2
  exit 77
fi
if [[ -z ${ALLIANCE:-} ]]; then
  cmake -S "$repo" -B "$repo/build/bench" -DCMAKE_BUILD_TYPE=Release -DALLIANCE_BUILD_TESTS=OFF >/dev/null
  cmake --build "$repo/build/bench" -j2 >/dev/null
  ALLIANCE=$repo/build/bench/src/alliance
fi
csv=$data/wai-$rows.csv
sav=$data/wai-$rows.sav
[[ -f $csv ]] || python3 "$repo/bench/gen_data.py" "$rows" "$csv"
[[ -f $sav ]] || Rscript -e "d <- read.csv('$csv', colClasses = c('character', rep('numeric', 12)));
  haven::write_sav(d, '$sav')"

now() { echo "${EPOCHREALTIME/./}"; }  # microseconds
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# CASE NAME, then the command; prints "name median_s peak_MB".
measure() {
  local name=$1
  shift
  "$@" >/dev/null 2>&1 || true  # warm-up (exit 1 is a batch with invalid rows)
  local times=() start
  for ((i = 0; i < runs; i++)); do
    start=$(now)
    "$@" >/dev/null 2>&1 || true
    times+=($(($(now) - start)))
  done
  local med kb
  med=$(printf '%s\n' "${times[@]}" | median)
  /usr/bin/time -f %M -o "$out/rss" "$@" >/dev/null 2>&1 || true
  kb=$(tail -n 1 "$out/rss")
  printf '%s %s %s\n' "$name" "$(awk -v u="$med" 'BEGIN {printf "%.3f", u / 1e6}')" \
    "$(awk -v k="$kb" 'BEGIN {printf "%.1f", k / 1024}')"
}

results=$out/results
{
  # Reading: two columns to standard output (a pipe, /dev/null), so that the reading is most of the work.
  measure "read-csv" "$ALLIANCE" score wai-sr "$csv" --output-columns respondent,total
  measure "read-sav" "$ALLIANCE" score wai-sr "$sav" --output-columns respondent,total
  # Writing: every column to a file with -o (kept in memory, then written atomically).
  measure "write-csv" "$ALLIANCE" score wai-sr "$csv" -o "$out/c.csv"
  measure "write-sav" "$ALLIANCE" score wai-sr "$csv" -o "$out/d.sav"
} >"$results"
echo "1M rows, $runs runs: $(du -h "$csv" | cut -f1) CSV, $(du -h "$sav" | cut -f1) .sav; binary $ALLIANCE"
echo "| case | median s | peak RSS MB |"
echo "|---|---|---|"
awk '{printf "| %s | %s | %s |\n", $1, $2, $3}' "$results"
awk '{t[$1] = $2; m[$1] = $3}
  END {printf "read .sav / CSV: time x%.2f, memory x%.2f; write .sav / CSV: time x%.2f, memory x%.2f\n",
       t["read-sav"] / t["read-csv"], m["read-sav"] / m["read-csv"],
       t["write-sav"] / t["write-csv"], m["write-sav"] / m["write-csv"]}' "$results"
