#!/usr/bin/env bash
# The reliability run (minutes; not part of scripts/test.sh): starts a throwaway PostgreSQL cluster on 127.0.0.1,
# builds Release, and runs OrganisationRegistry.Tests/Reliability/ReliabilityRun.cs, which starts the built app as its
# own process on 127.0.0.1, loads it with 32 concurrent API writers and 8 readers, proves that every confirmed write
# is in the database with its audit entry, that retried keys duplicated nothing and that verify-audit passes, then
# kills the app with SIGKILL during bulk batches and shows each batch applied completely or not at all.
# Prints the report and ends with its verdict line; exit code 0 only when every check passed.
#   --seconds N (or REGISTRY_RELIABILITY_SECONDS): how long the load runs (default 180).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) export REGISTRY_RELIABILITY_SECONDS="$2"; shift 2 ;;
    --seconds=*) export REGISTRY_RELIABILITY_SECONDS="${1#--seconds=}"; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option '$1' (see --help)." >&2; exit 2 ;;
  esac
done
export REGISTRY_RELIABILITY_SECONDS="${REGISTRY_RELIABILITY_SECONDS:-180}"

source scripts/services.sh
start_throwaway_postgres

report="$root/TestResults/reliability-report.txt"
export REGISTRY_RELIABILITY_REPORT="$report"
mkdir -p "$root/TestResults"
rm -f "$report"

echo "Building Release..."
if ! dotnet build "$root/OrganisationRegistry.sln" -c Release -nologo -v quiet >"$root/TestResults/reliability-build.log" 2>&1; then
  grep -E "error|Error" "$root/TestResults/reliability-build.log" | sort -u | head -n 20
  echo "VERDICT: FAILED (the Release build failed; $root/TestResults/reliability-build.log)"
  exit 1
fi

echo "Running the reliability scenario (load for ${REGISTRY_RELIABILITY_SECONDS} s, then the proofs and the kills)..."
status=0
dotnet test "$root/OrganisationRegistry.Tests/OrganisationRegistry.Tests.csproj" -c Release --no-build -nologo \
  --filter "FullyQualifiedName~OrganisationRegistry.Tests.Reliability.ReliabilityRun" \
  --results-directory "$root/TestResults/Reliability" -- xUnit.Explicit=only >"$root/TestResults/reliability-dotnet-test.log" 2>&1 || status=$?

echo
if [ -s "$report" ]; then
  cat "$report"
else
  echo "The scenario wrote no report; the output of dotnet test:"
  tail -n 40 "$root/TestResults/reliability-dotnet-test.log"
fi
if [ $status -ne 0 ] || ! tail -n 1 "$report" 2>/dev/null | grep -q '^VERDICT: PASSED'; then
  [ $status -ne 0 ] || status=1
  echo "(dotnet test: $root/TestResults/reliability-dotnet-test.log; the app's log: $root/TestResults/reliability-app.log)"
fi
exit $status
