#!/usr/bin/env bash
# The register at 10x today's size: seeds 500,000 organisations and 10 million audit entries on a throwaway
# PostgreSQL cluster (and on SQLite), then measures search, the domain list, the organisation detail, the audit
# review (each beside the same question in plain SQL), the API's write throughput, the first render of two pages in
# Chromium and the server memory per Blazor circuit. Prints every figure beside its target and its lower bound, ends
# with the table, and writes it to artifacts/bench/results.json (and the table to results.txt).
# Settings (environment): REGISTRY_BENCH_ORGANISATIONS, REGISTRY_BENCH_AUDIT_ENTRIES, REGISTRY_BENCH_PROVIDERS
# (PostgreSql,Sqlite), REGISTRY_BENCH_RUNS, REGISTRY_BENCH_SECONDS, REGISTRY_BENCH_WRITERS, REGISTRY_BENCH_CIRCUITS.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

source scripts/services.sh
ensure_chromium
REGISTRY_PG_OPTIONS="-c shared_buffers=1GB -c work_mem=32MB -c maintenance_work_mem=512MB -c max_wal_size=4GB ${REGISTRY_PG_OPTIONS:-}" start_throwaway_postgres

results=artifacts/bench
rm -f "$results/results.json" "$results/results.txt"
status=0
dotnet test OrganisationRegistry.Tests/OrganisationRegistry.Tests.csproj -c Release \
  --filter "FullyQualifiedName~Benchmarks.RegisterBenchmark" \
  --logger "console;verbosity=detailed" -- xUnit.Explicit=only || status=$?
echo
if [ -f "$results/results.txt" ]; then
  cat "$results/results.txt"
  echo "Figures as JSON: $results/results.json"
fi
exit $status
