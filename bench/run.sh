#!/usr/bin/env bash
# Batch-scoring benchmark: alliance against what researchers use today and
# against a tight single-pass C scorer (the practical limit), measured in one
# run on the same files. Prints a Markdown table of medians and ratios.
#
#   bench/run.sh [--quick] [DATA_DIR]
#
# Builds a Release binary (build/bench), generates the data with
# bench/gen_data.py unless present (100k, 1M and 5M-row CSV, 1M-row NDJSON,
# a 20-row file; about 0.3 GB), then times every case RUNS times (default 5,
# start-up 20), and alliance stats against the C alpha pass on 1M rows,
# interleaved with the C baseline (C, alliance, C, alliance, ...)
# so that the ratio of each pair cancels the drift of a shared machine; "× C"
# is the median of those per-pair ratios. Peak RSS comes from one extra run
# under /usr/bin/time. --quick: the 100k-row CSV, a 100k-row NDJSON and
# start-up only, 3 runs, peers at 100k only (about a minute).
#
# alliance is measured three ways: writing the C scorer's columns
# (--output-columns respondent,goal,task,bond,total: the like-for-like case),
# writing its whole documented layout (36 columns since the possible-score ranges, 28
# before; about 5 times the bytes),
# and the whole layout with --threads 2.
#
# Baselines: BASELINES (default: ../shared/bench next to the repository, as in
# the issue) holds cbaseline/cscore.c and scorers/. The C scorer is always
# run; R psych, R data.table, pandas, mawk and jq are run when installed and
# skipped with a note otherwise. Peers run at 100k and 1M rows only (psych and
# pandas take seconds to minutes at 5M).
set -euo pipefail

quick=0
if [[ ${1:-} == --quick ]]; then
  quick=1
  shift
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
data=${1:-/tmp/alliance-bench-repo}
baselines=${BASELINES:-$repo/../shared/bench}
[[ -d $baselines ]] || baselines=/work/shared/bench
runs=${RUNS:-$((quick ? 3 : 5))}
mkdir -p "$data/out"

echo "Building a Release binary (build/bench)..." >&2
cmake -S "$repo" -B "$repo/build/bench" -DCMAKE_BUILD_TYPE=Release -DALLIANCE_BUILD_TESTS=OFF >/dev/null
cmake --build "$repo/build/bench" -j2 >/dev/null
alliance=$repo/build/bench/src/alliance

if [[ -f $baselines/cbaseline/cscore.c ]]; then
  gcc -O2 -o "$data/cscore" "$baselines/cbaseline/cscore.c"
else
  echo "error: no C baseline at $baselines/cbaseline/cscore.c (set BASELINES)" >&2
  exit 2
fi

gen() {  # ROWS NAME [--ndjson NAME]
  local rows=$1 name=$2
  shift 2
  if [[ ! -s $data/$name ]]; then
    echo "Generating $name..." >&2
    /usr/bin/python3 "$repo/bench/gen_data.py" "$rows" "$data/$name" "$@"
  fi
}
gen 20 wai_20.csv
gen 100000 wai_100k.csv --ndjson "$data/wai_100k.ndjson"
if ((!quick)); then
  gen 1000000 wai_1m.csv --ndjson "$data/wai_1m.ndjson"
  gen 5000000 wai_5m.csv
fi

now() { echo "${EPOCHREALTIME/./}"; }  # microseconds
# Runs a shell command once; prints its wall time in microseconds.
timed() {
  local t0 t1
  t0=$(now)
  sh -c "$1" >/dev/null 2>&1 || true
  t1=$(now)
  echo $((t1 - t0))
}
median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
rss_mib() {
  # the shell's own peak and its children's: Linux reports the largest
  { /usr/bin/time -f %M sh -c "$1" 2>&1 >/dev/null || true; } | tail -n 1 | awk '{printf "%.1f", $1/1024}'
}

printf '| case | rows | median s | MB/s | rows/s | peak RSS MiB | × C |\n|---|---:|---:|---:|---:|---:|---:|\n'
# CASE NAME, SIZE LABEL, INPUT FILE, COMMAND, BASELINE COMMAND (empty: this is the baseline), N RUNS
measure() {
  local name=$1 label=$2 input=$3 cmd=$4 base=$5 n=$6
  local rows
  rows=$(($(wc -l < "$input") - 1))
  [[ $input == *.ndjson ]] && rows=$((rows + 1))
  local times=() ratios=() i t b
  sh -c "$cmd" >/dev/null 2>&1 || true  # warm-up
  for ((i = 0; i < n; i++)); do
    if [[ -n $base ]]; then
      b=$(timed "$base")
      t=$(timed "$cmd")
      ratios+=("$(awk -v t="$t" -v b="$b" 'BEGIN {printf "%.4f", t / b}')")
    else
      t=$(timed "$cmd")
      ratios+=(1)
    fi
    times+=("$t")
  done
  local med ratio bytes rss
  med=$(printf '%s\n' "${times[@]}" | median)
  ratio=$(printf '%s\n' "${ratios[@]}" | median)
  bytes=$(stat -c %s "$input")
  rss=$(rss_mib "$cmd")
  awk -v name="$name" -v label="$label" -v rows="$rows" -v us="$med" -v bytes="$bytes" -v rss="$rss" -v ratio="$ratio" 'BEGIN {
    s = us / 1e6
    printf "| %s | %s | %.3f | %.0f | %.2f M | %s | %.2f |\n", name, label, s, bytes / 1e6 / s, rows / s / 1e6, rss, ratio
  }'
}

same_columns=respondent,goal,task,bond,total  # what the C scorer writes (id,goal,task,bond,total)
have() { command -v "$1" >/dev/null 2>&1; }
have_r_package() { have Rscript && Rscript -e "suppressMessages(library($1))" >/dev/null 2>&1; }
notes=()

score_cases() {  # LABEL FILE
  local label=$1 file=$2
  local c="$data/cscore $file > $data/out/c.csv"
  measure "C tight (baseline)" "$label" "$file" "$c" "" "$runs"
  # The C scorer writes id and the four scores; --output-columns asks alliance for the same columns.
  measure "alliance, C's 5 columns" "$label" "$file" \
    "$alliance score wai-sr $file --format csv --output-columns $same_columns > $data/out/alliance5.csv" "$c" "$runs"
  measure "alliance, all 36 columns" "$label" "$file" \
    "$alliance score wai-sr $file --format csv > $data/out/alliance1.csv" "$c" "$runs"
  measure "alliance, all 36 columns, --threads 2" "$label" "$file" \
    "$alliance score wai-sr $file --format csv --threads 2 > $data/out/alliance.csv" "$c" "$runs"
  [[ $label == 5M ]] && return
  local peer_runs=$(((runs + 1) / 2))
  if have mawk; then
    measure "mawk" "$label" "$file" "mawk -f $baselines/scorers/score.awk $file > $data/out/mawk.csv" "$c" "$peer_runs"
  fi
  if have_r_package data.table; then
    measure "R data.table" "$label" "$file" "Rscript $baselines/scorers/dt_score.R $file $data/out/dt.csv" "$c" \
      "$peer_runs"
  fi
  if /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1; then
    measure "pandas" "$label" "$file" "/usr/bin/python3 $baselines/scorers/pandas_score.py $file $data/out/pd.csv" \
      "$c" "$peer_runs"
  fi
  if have_r_package psych; then
    measure "R psych::scoreItems" "$label" "$file" \
      "Rscript $baselines/scorers/psych_score.R $file $data/out/psych.csv" "$c" "$peer_runs"
  fi
}

ndjson_cases() {  # LABEL FILE
  local label=$1 file=$2
  local c="$data/cscore --ndjson $file > $data/out/cn.csv"
  measure "NDJSON: C scanner (baseline)" "$label" "$file" "$c" "" "$runs"
  measure "NDJSON: alliance, C's 5 columns" "$label" "$file" \
    "$alliance score wai-sr $file --format csv --output-columns $same_columns > $data/out/alliance_nd5.csv" "$c" \
    "$runs"
  measure "NDJSON: alliance, all 36 columns" "$label" "$file" \
    "$alliance score wai-sr $file --format csv > $data/out/alliance_nd1.csv" "$c" "$runs"
  measure "NDJSON: alliance, all 36 columns, --threads 2" "$label" "$file" \
    "$alliance score wai-sr $file --format csv --threads 2 > $data/out/alliance_nd.csv" "$c" "$runs"
  if /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1; then
    measure "NDJSON: pandas" "$label" "$file" \
      "/usr/bin/python3 $baselines/scorers/pandas_ndjson_score.py $file $data/out/pdn.csv" "$c" 1
  fi
  if have jq; then
    measure "NDJSON: jq" "$label" "$file" "$baselines/scorers/jq_score.sh $file $data/out/jq.csv" "$c" 1
  fi
}

stats_cases() {  # LABEL FILE: Cronbach's alpha per subscale, one pass
  local label=$1 file=$2
  local c="$data/cscore --alpha $file > $data/out/ca.txt"
  measure "alpha: C (baseline)" "$label" "$file" "$c" "" "$runs"
  measure "alpha: alliance stats (two halves on two cores, its default)" "$label" "$file" \
    "$alliance stats wai-sr $file --format csv > $data/out/stats.csv" "$c" "$runs"
  measure "alpha: alliance stats, --threads 1 (the halves in turn)" "$label" "$file" \
    "$alliance stats wai-sr $file --format csv --threads 1 > $data/out/stats1.csv" "$c" "$runs"
}

score_cases 100k "$data/wai_100k.csv"
if ((quick)); then
  ndjson_cases 100k "$data/wai_100k.ndjson"
else
  score_cases 1M "$data/wai_1m.csv"
  score_cases 5M "$data/wai_5m.csv"
  ndjson_cases 1M "$data/wai_1m.ndjson"
  stats_cases 1M "$data/wai_1m.csv"
fi
measure "start-up: C, 20 rows" 20 "$data/wai_20.csv" "$data/cscore $data/wai_20.csv > $data/out/c20.csv" "" 20
measure "start-up: alliance, 20 rows" 20 "$data/wai_20.csv" \
  "$alliance score wai-sr $data/wai_20.csv --format csv > $data/out/a20.csv" \
  "$data/cscore $data/wai_20.csv > $data/out/c20.csv" 20

have mawk || notes+=("mawk not installed: skipped")
have jq || notes+=("jq not installed: skipped")
have_r_package data.table || notes+=("R data.table not installed: skipped")
have_r_package psych || notes+=("R psych not installed: skipped")
/usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || notes+=("pandas not installed: skipped")
echo
for note in "${notes[@]}"; do echo "- $note"; done
echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
