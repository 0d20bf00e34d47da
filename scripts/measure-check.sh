#!/usr/bin/env bash
# Times the learner's inner loop: `./kata check <slug>` against a plain `dotnet test --filter` on the same
# kata, each after a one-line edit of the attempt (attempts/<Kata>, made from the stub when missing), warm, in
# one session. Prints one line per run, then the medians and their ratio. Restores the attempt afterwards.
# Usage: scripts/measure-check.sh [slug] [rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
slug="${1:-lru-cache}"
rounds="${2:-4}"
folder="$(echo "$slug" | sed -E 's/(^|-)([a-z])/\U\2/g')"
attempt="attempts/$folder"
./kata check "$slug" > /dev/null 2>&1 || true
backup="$(mktemp -d)"
cp -r "$attempt/." "$backup/"
trap 'rm -rf "$attempt"; mkdir -p "$attempt"; cp -r "$backup/." "$attempt/"; rm -rf "$backup"' EXIT
file="$(ls "$attempt"/*.cs | head -n 1)"

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

checks=()
for i in $(seq "$rounds"); do
  echo "// edit $i" >> "$file"
  t=$(seconds ./kata check "$slug")
  checks+=("$t")
  echo "kata check:           $t"
done
# The plain way: the exercise tests against the learner's attempts (what an IDE runs), filtered to the kata.
dotnet test tests/Katas.Exercises.Tests --filter "FullyQualifiedName~$folder" > /dev/null 2>&1 || true
tests=()
for i in $(seq "$rounds"); do
  echo "// edit t$i" >> "$file"
  t=$(seconds dotnet test tests/Katas.Exercises.Tests --filter "FullyQualifiedName~$folder")
  tests+=("$t")
  echo "dotnet test --filter: $t"
done
check_median=$(printf '%s\n' "${checks[@]}" | median)
test_median=$(printf '%s\n' "${tests[@]}" | median)
printf 'median: kata check %.2f s, dotnet test --filter %.2f s, ratio %.2fx\n' "$check_median" "$test_median" "$(echo "$check_median / $test_median" | bc -l)"
