#!/usr/bin/env bash
# alliance trend at scale against alliance score on the same file: SRS sessions of a caseload
# (bench/gen_sessions.py, grouped by client as exports sorted by id are), 1 M and 5 M rows. Prints a
# Markdown table: median wall time of each command (RUNS runs, default 3, run in pairs score then
# trend so that a shared machine's drift cancels in the ratio), trend's time / score's time (the
# median of the per-pair ratios), and each one's peak RSS (one more run under /usr/bin/time). A last
# row: 40 k rows in session order (not grouped by client), which trend holds in memory (--hold).
#
#   bench/trend.sh [ALLIANCE_BIN] [DATA_DIR]   (defaults: build/bench/src/alliance, built Release when
#                                               absent; /tmp/alliance-bench-trend, about 0.5 GB)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-}
data=${2:-/tmp/alliance-bench-trend}
runs=${RUNS:-3}
mkdir -p "$data"
if [[ -z $bin ]]; then
  bin=$repo/build/bench/src/alliance
  if [[ ! -x $bin ]]; then
    echo "Building a Release binary (build/bench)..." >&2
    cmake -S "$repo" -B "$repo/build/bench" -DCMAKE_BUILD_TYPE=Release -DALLIANCE_BUILD_TESTS=OFF >/dev/null
    cmake --build "$repo/build/bench" -j2 >/dev/null
  fi
fi

gen() {  # CLIENTS SESSIONS NAME
  if [[ ! -s $data/$3 ]]; then
    echo "Generating $3..." >&2
    python3 "$repo/bench/gen_sessions.py" "$1" "$2" "$data/$3"
  fi
}
gen 102041 10 sessions-1m.ndjson   # 2 % of sessions skipped: about 1.0 M rows
gen 510204 10 sessions-5m.ndjson
if [[ ! -s $data/interleaved-40k.ndjson ]]; then
  head -n 40000 "$data/sessions-1m.ndjson" |
    python3 -c 'import sys, json; rows = sys.stdin.readlines(); rows.sort(key=lambda r: json.loads(r)["session"]); sys.stdout.writelines(rows)' \
      >"$data/interleaved-40k.ndjson"
fi

score_cmd() { echo "'$bin' score srs '$1' --format csv >'$data/score.out' 2>/dev/null"; }
trend_cmd() { echo "'$bin' trend srs '$1' --sd total=4 --retest-r total=0.8 --format csv >'$data/trend.out' 2>/dev/null"; }
timed() {  # prints a command's wall time in seconds
  local start end
  start=$EPOCHREALTIME
  sh -c "$1"
  end=$EPOCHREALTIME
  awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f\n", e - s}'
}
median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
peak_mb() { { /usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null || true; } | tail -n 1 | awk '{printf "%.1f", $1/1024}'; }

printf '| input | rows | score s | trend s | trend / score | score peak MiB | trend peak MiB |\n'
printf '|---|---:|---:|---:|---:|---:|---:|\n'
for name in sessions-1m sessions-5m interleaved-40k; do
  file=$data/$name.ndjson
  rows=$(wc -l <"$file")
  s=() t=() r=()
  for ((i = 0; i < runs; i++)); do
    a=$(timed "$(score_cmd "$file")")
    b=$(timed "$(trend_cmd "$file")")
    s+=("$a") t+=("$b") r+=("$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b / a}')")
  done
  printf '| %s | %d | %s | %s | %s | %s | %s |\n' "$name" "$rows" \
    "$(printf '%s\n' "${s[@]}" | median)" "$(printf '%s\n' "${t[@]}" | median)" \
    "$(printf '%s\n' "${r[@]}" | median)" "$(peak_mb "$(score_cmd "$file")")" "$(peak_mb "$(trend_cmd "$file")")"
done
