# Sourced by bench/run: a private PostgreSQL server for the benchmark, in a
# temporary data directory, listening on 127.0.0.1 only, stopped on exit.
#   bench_pg_start   sets BENCH_PG (libpq connection string)
#   bench_pg_stop
# PostgreSQL refuses to run as root: as root the server runs as the
# `postgres` user that Debian's package creates.
bench_pg_bin="/usr/lib/postgresql/15/bin"
bench_pg_dir=""

bench_pg_as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bench_pg_start() {
  bench_pg_dir="$(mktemp -d /tmp/referat-bench-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres "$bench_pg_dir"
  local port=54329
  while (echo >/dev/tcp/127.0.0.1/$port) 2>/dev/null; do port=$((port + 1)); done
  bench_pg_as_owner "$bench_pg_bin/initdb" -D "$bench_pg_dir/data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 \
    >"$bench_pg_dir/initdb.log" 2>&1 || { cat "$bench_pg_dir/initdb.log" >&2; return 1; }
  # Memory settings a DBA would give a bulk-load-then-search workload on
  # this machine; durability stays on (fsync), as for the other engines.
  bench_pg_as_owner "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -l "$bench_pg_dir/server.log" -w \
    -o "-p $port -k $bench_pg_dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB \
        -c maintenance_work_mem=1GB -c work_mem=64MB -c max_wal_size=4GB" start >/dev/null ||
    { cat "$bench_pg_dir/server.log" >&2; return 1; }
  export BENCH_PG="host=127.0.0.1 port=$port user=bench"
}

bench_pg_stop() {
  [ -n "$bench_pg_dir" ] || return 0
  bench_pg_as_owner "$bench_pg_bin/pg_ctl" -D "$bench_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$bench_pg_dir"
  bench_pg_dir=""
}
