#!/usr/bin/env bash
# alliance report at scale: a caseload of CLIENTS x SESSIONS SRS sessions (bench/gen_sessions.py),
# the report's time, peak memory and size, then the time headless Chromium takes to open it and to
# print it to PDF (when chromium is installed). Figures: docs/report.md#large-caseloads.
#
#   bench/report.sh [ALLIANCE_BIN] [CLIENTS] [SESSIONS]     (defaults: build/release/src/alliance 1000 20)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/src/alliance}
clients=${2:-1000}
sessions=${3:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/gen_sessions.py "$clients" "$sessions" "$work/sessions.ndjson"
echo "input: $(wc -l <"$work/sessions.ndjson") responses, $(du -k "$work/sessions.ndjson" | cut -f1) KiB"
for run in 1 2 3; do
  /usr/bin/time -f "report: %e s wall, %U s user, %M KiB peak" \
    "$bin" report srs "$work/sessions.ndjson" --sd total=4 --retest-r total=0.8 -o "$work/report.html" \
    2>&1 >/dev/null | grep -v '^alliance: '
done
echo "report.html: $(du -k "$work/report.html" | cut -f1) KiB, $(grep -c '<svg class="chart" viewBox="0 0 640 240"' "$work/report.html") charts"
gzip -9 -c "$work/report.html" | wc -c | awk '{printf "gzip -9: %d KiB\n", $1 / 1024}'

browser=$(command -v chromium || true)
if [ -z "$browser" ]; then
  echo "SKIPPED: chromium is not installed (scripts/setup.sh)"
  exit 0
fi
chrome=("$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$work/profile")
/usr/bin/time -f "chromium --dump-dom: %e s wall, %M KiB peak" "${chrome[@]}" --dump-dom "file://$work/report.html" \
  2>"$work/dom.err" >"$work/dom.html" || true
tail -1 "$work/dom.err"
echo "DOM: $(grep -o '<svg class="chart" viewBox="0 0 640 240"' "$work/dom.html" | wc -l) charts parsed"
/usr/bin/time -f "chromium --print-to-pdf: %e s wall, %M KiB peak" "${chrome[@]}" --no-pdf-header-footer \
  --print-to-pdf="$work/report.pdf" "file://$work/report.html" 2>"$work/pdf.err" >/dev/null || true
tail -1 "$work/pdf.err"
echo "report.pdf: $(du -k "$work/report.pdf" | cut -f1) KiB, $(grep -a -c '/Type /Page$\|/Type /Page[^s]' "$work/report.pdf") pages"
