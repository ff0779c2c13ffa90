#!/usr/bin/env bash
# Sourced by the scripts that need services (test.sh, bench.sh, reliability.sh).
# start_throwaway_postgres: installs PostgreSQL with apt-get if it is missing (as root), starts a throwaway private
#   cluster on 127.0.0.1 on a free port, exports its connection string as REGISTRY_TEST_POSTGRES and stops and deletes
#   the cluster when the calling script exits. Extra server settings can be passed in REGISTRY_PG_OPTIONS.
#   Durability is off (a throwaway cluster); random_page_cost is 1.1 as on any server on SSD storage (docs/performance.md:
#   with the default 4, PostgreSQL sorts a domain's 10,000 members by hashing all 500,000 organisations).
# ensure_chromium: installs Debian's Chromium if it is missing (the browser tests and benchmarks drive it).

find_pg_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

start_throwaway_postgres() {
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

  pg_cluster=$(mktemp -d /tmp/registry-pg.XXXXXX)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 55432)
  as_pg=()
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$pg_cluster"
    as_pg=(runuser -u postgres --)
  fi
  trap stop_throwaway_postgres EXIT

  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_cluster/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster/data" -l "$pg_cluster/log" -w \
    -o "-p $port -k $pg_cluster -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c random_page_cost=1.1 ${REGISTRY_PG_OPTIONS:-}" \
    start >/dev/null
  echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') runs on 127.0.0.1:$port (throwaway cluster in $pg_cluster)."
  export REGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
}

stop_throwaway_postgres() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_cluster/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_cluster"
}

ensure_chromium() {
  local chromium=${REGISTRY_TEST_CHROMIUM:-/usr/bin/chromium}
  if [ ! -x "$chromium" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "$chromium" = /usr/bin/chromium ]; then
      echo "Chromium is missing: installing it with apt-get..."
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "Chromium is missing at $chromium: the browser tests will fail. Install it (apt-get install chromium)." >&2
    fi
  fi
}
