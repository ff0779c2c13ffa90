#!/usr/bin/env bash
# Adds a migration with the same name for every provider (SQLite, PostgreSQL, SQL Server).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <MigrationName>" >&2; exit 2; }
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet ef migrations add "$1" \
    --project OrganisationRegistry.Domain --startup-project OrganisationRegistry.Domain \
    --context "${provider}RegistryDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
