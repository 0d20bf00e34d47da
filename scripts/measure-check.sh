#!/usr/bin/env bash
# Times the learner's inner loop: `./kata check <slug>` against a plain `dotnet test --filter` on the same
# kata, each after a one-line edit of the attempt, warm, in one session. Restores the attempt afterwards.
# Usage: scripts/measure-check.sh [slug] [rounds]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
slug="${1:-lru-cache}"
rounds="${2:-4}"
folder="$(echo "$slug" | sed -E 's/(^|-)([a-z])/\U\2/g')"
attempt="src/Katas.Exercises/$folder"
backup="$(mktemp -d)"
cp -r "$attempt/." "$backup/"
trap 'cp -r "$backup/." "$attempt/"; rm -rf "$backup"' EXIT
file="$(ls "$attempt"/*.cs | head -n 1)"

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

./kata check "$slug" > /dev/null 2>&1 || true
for i in $(seq "$rounds"); do
  echo "// edit $i" >> "$file"
  echo "kata check:           $(seconds ./kata check "$slug")"
done
dotnet test tests/Katas.Exercises.Tests --filter "FullyQualifiedName~$folder" > /dev/null 2>&1 || true
for i in $(seq "$rounds"); do
  echo "// edit t$i" >> "$file"
  echo "dotnet test --filter: $(seconds dotnet test tests/Katas.Exercises.Tests --filter "FullyQualifiedName~$folder")"
done
