#!/usr/bin/env bash
# Runs every test: installs PostgreSQL and Chromium if they are missing (and apt-get can), starts a throwaway
# PostgreSQL cluster on 127.0.0.1, runs `dotnet test` against it and SQLite (the browser tests start the app on
# 127.0.0.1 and drive Chromium themselves), and stops and removes the cluster again, also when tests fail.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Seeding").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

source scripts/services.sh

# The browser tests (OrganisationRegistry.Tests/Browser) need Chromium; without it they fail, saying so.
ensure_chromium
start_throwaway_postgres
results="$root/TestResults"
rm -rf "$results"
status=0
dotnet test "$root/OrganisationRegistry.sln" --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@" || status=$?

# One plain closing line, read from the test results.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
PY
exit $status
