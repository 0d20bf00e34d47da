#!/usr/bin/env bash
# Times `./kata watch <slug>` from a save of the attempt to its verdict: starts the watch, then appends a line to the
# attempt and waits for the next "Last checked at" line, again and again. Prints one line per save and the median.
# Usage: scripts/measure-watch.sh [slug] [rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
slug="${1:-lru-cache}"
rounds="${2:-5}"
folder="$(echo "$slug" | sed -E 's/(^|-)([a-z])/\U\2/g')"
./kata check "$slug" > /dev/null 2>&1 || true
file="$(ls "attempts/$folder"/*.cs | head -n 1)"
backup="$(mktemp)"
cp "$file" "$backup"
log="$(mktemp)"
./kata watch "$slug" > "$log" 2>&1 &
watch=$!
trap 'kill $watch 2>/dev/null || true; wait $watch 2>/dev/null || true; cp "$backup" "$file"; rm -f "$backup" "$log"' EXIT
until grep -q "Last checked at" "$log"; do sleep 0.05; done
times=()
for i in $(seq "$rounds"); do
  before=$(grep -c "Last checked at" "$log")
  sleep 1
  start=$(date +%s.%N)
  echo "// save $i" >> "$file"
  until [ "$(grep -c "Last checked at" "$log")" -gt "$before" ]; do sleep 0.01; done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$t")
  echo "watch, save to verdict: $t"
done
printf 'median: %s s\n' "$(printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')"
