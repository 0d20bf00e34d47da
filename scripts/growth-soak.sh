#!/usr/bin/env bash
# Shows that the growth tests (tests/Katas.Tests/Shared/Growth.cs) do not flake: runs every test class that calls
# Growth, against the references, the given number of times in a row while a build keeps the machine busy, and
# reports the failures and the worst ratios seen. Usage: scripts/growth-soak.sh [runs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-200}"
dotnet build tests/Katas.Tests -nologo -v:q > /dev/null
classes=()
for file in $(grep -l "Growth\.ShouldStayFlat" tests/Katas.Tests/*/*.cs); do
  classes+=(-class "Katas.Tests.$(basename "$file" .cs)")
done
log="$(mktemp)"
busy() { while true; do dotnet build src/Katas.Cli --no-incremental -nologo -v:q > /dev/null 2>&1 || true; done; }
busy &
builder=$!
trap 'kill $builder 2>/dev/null || true; pkill -P $builder 2>/dev/null || true; dotnet build-server shutdown > /dev/null 2>&1 || true' EXIT
failed=0
for i in $(seq "$runs"); do
  if ! KATA_GROWTH_LOG="$log" dotnet tests/Katas.Tests/bin/Debug/net10.0/Katas.Tests.dll "${classes[@]}" -noColor > "$log.run" 2>&1; then
    failed=$((failed + 1))
    grep -A3 "\[FAIL\]" "$log.run" | head -8
  fi
done
echo "growth soak: $runs runs of ${#classes[@]} test classes while a build ran, $failed failed"
echo "worst ratios (the limit is 8):"
sort -t$'\t' -k2,2 -k1,1nr "$log" | awk -F'\t' '!seen[$2]++ { printf "  %5s  %s\n", $1, $2 }' | sort -k1,1nr | head -20
rm -f "$log" "$log.run"
