#!/usr/bin/env bash
# Line coverage of the reference solutions and the runner: runs `dotnet test` with coverlet's collector,
# then renders an HTML report with ReportGenerator (a local tool), leaving out the code that the regex source
# generator writes. Opens nothing; prints where it wrote.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rm -rf coverage-report tests/*/TestResults
dotnet test --collect:"XPlat Code Coverage"
dotnet tool restore > /dev/null
dotnet reportgenerator -reports:"tests/*/TestResults/*/coverage.cobertura.xml" -targetdir:coverage-report \
  -reporttypes:"Html;TextSummary" -assemblyfilters:"+Katas.Solutions;+kata;+Katas.Catalogue" \
  -classfilters:"-System.Text.RegularExpressions.Generated*"
cat coverage-report/Summary.txt | head -n 20
echo "HTML report: coverage-report/index.html"
