#!/bin/sh
# Scores shard files in parallel, one alliance process per shard, and merges
# the results deterministically: the CSV header once, then every shard's rows
# in the order the shards were named (whatever order they finish in), then
# every shard's messages, in the same order, on standard error.
#
#   scripts/score-shards.sh QUESTIONNAIRE OUT.csv SHARD...
#
# JOBS (default: the number of cores) shards run at once, through xargs -P;
# ALLIANCE names the binary (default: alliance on PATH); further score
# options go in SCORE_OPTIONS (e.g. "--precision 2"). Exit status: the
# highest of the shards' (0 all ok, 1 some response invalid, ...; see README).
# Each shard is scored by the plain filter `alliance score Q SHARD --format
# csv`, so any engine that runs filters (GNU parallel, Hadoop Streaming,
# Spark's RDD.pipe) can do the same, with the same merge.
set -eu
if [ $# -lt 3 ]; then
  echo "usage: $0 QUESTIONNAIRE OUT.csv SHARD..." >&2
  exit 2
fi
questionnaire=$1
out=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# One line per shard, "NUMBER<TAB>PATH" (numbered so the merge follows input order).
n=0
for shard in "$@"; do
  n=$((n + 1))
  printf '%06d\t%s\n' "$n" "$shard"
done > "$work/shards"

# Each job: ALLIANCE_THREADS=1 (the shards already use the cores), its own
# output, messages and status files.
export ALLIANCE="${ALLIANCE:-alliance}" SCORE_OPTIONS="${SCORE_OPTIONS:-}" QUESTIONNAIRE="$questionnaire" WORK="$work"
tr '\n' '\0' < "$work/shards" | xargs -0 -n 1 -P "${JOBS:-$(nproc)}" sh -c '
  number=${1%%	*}; shard=${1#*	}
  status=0
  # shellcheck disable=SC2086
  ALLIANCE_THREADS=1 "$ALLIANCE" score "$QUESTIONNAIRE" "$shard" --format csv $SCORE_OPTIONS \
    > "$WORK/$number.csv" 2> "$WORK/$number.err" || status=$?
  echo "$status" > "$WORK/$number.status"' sh

worst=0
first=1
: > "$out.tmp"
for number in $(cut -f1 "$work/shards"); do
  if [ ! -s "$work/$number.csv" ]; then :
  elif [ "$first" = 1 ]; then
    cat "$work/$number.csv" >> "$out.tmp"
    first=0
  else
    tail -n +2 "$work/$number.csv" >> "$out.tmp"
  fi
  cat "$work/$number.err" >&2
  status=$(cat "$work/$number.status")
  [ "$status" -gt "$worst" ] && worst=$status
done
mv "$out.tmp" "$out"
exit "$worst"
