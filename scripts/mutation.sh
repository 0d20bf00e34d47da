#!/usr/bin/env bash
# Mutation testing of the reference solutions with Stryker.NET (a local tool, .config/dotnet-tools.json):
# Stryker changes the references one small edit at a time and reruns the contract tests; a mutant the
# tests do not notice "survives". Usage: scripts/mutation.sh [KataFolder]   (all katas when omitted)
# Reports: tests/Katas.Tests/StrykerOutput/<stamp>/reports/mutation-report.{html,json,md}
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet tool restore > /dev/null
# Each mutant reruns its covering tests: the randomised concurrency tests run a fifth of their rounds
# (tests/Katas.Tests/Shared/TestEffort.cs), which can only make the score lower, never higher.
export KATAS_TEST_EFFORT="${KATAS_TEST_EFFORT:-quick}"
cd tests/Katas.Tests
if [ $# -gt 0 ]; then
  exec dotnet stryker --mutate "**/$1/**/*.cs"
fi
exec dotnet stryker
