#!/usr/bin/env bash
# Runs every test: installs PostgreSQL and Chromium if they are missing (and apt-get can), starts a throwaway
# PostgreSQL cluster on 127.0.0.1, runs `dotnet test` against it and SQLite (the browser tests start the app on
# 127.0.0.1 and drive Chromium themselves), and stops and removes the cluster again, also when tests fail.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Seeding").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

pg_bin=$(find_pg_bin || true)
if [ -z "$pg_bin" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is missing: installing it with apt-get..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bin)
  else
    echo "PostgreSQL (initdb, pg_ctl) is missing; install it (apt-get install postgresql) and run again." >&2
    exit 1
  fi
fi

# The browser tests (OrganisationRegistry.Tests/Browser) need Chromium; without it they fail, saying so.
chromium=${REGISTRY_TEST_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$chromium" = /usr/bin/chromium ]; then
    echo "Chromium is missing: installing it with apt-get..."
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing at $chromium: the browser tests will fail. Install it (apt-get install chromium)." >&2
  fi
fi

cluster=$(mktemp -d /tmp/registry-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$cluster"
  as_pg=(runuser -u postgres --)
fi

stop_cluster() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap stop_cluster EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$cluster/data" -l "$cluster/log" -w \
  -o "-p $port -k $cluster -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') runs on 127.0.0.1:$port (throwaway cluster in $cluster)."

export REGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
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
