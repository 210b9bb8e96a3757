#!/usr/bin/env bash
# Starts a throwaway PostgreSQL and Redis on loopback for the tests, the cluster and the benchmark:
#   eval "$(scripts/services.sh start DIR)"   prints `export PG_URL=… REDIS_URL=…` and starts both
#   scripts/services.sh stop DIR              stops them (DIR can then be deleted)
# They use Debian's packages (postgresql, redis-server). When one is missing it is installed if
# this user may (root, or sudo without a password); otherwise the script says what to install and
# exits with status 3, which the callers treat as "cannot run the scale leg here".
set -euo pipefail
cmd=${1:?usage: scripts/services.sh start|stop DIR}
dir=${2:?usage: scripts/services.sh start|stop DIR}

pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$bin" ] && [ -x "$bin/initdb" ] && echo "$bin"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif sudo -n true 2>/dev/null; then sudo -n "$@"; else return 1; fi
}

install_missing() {
  local packages=()
  [ -n "$(pg_bin)" ] || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  [ ${#packages[@]} -eq 0 ] && return 0
  echo "services: installing ${packages[*]} (Debian packages)" >&2
  if ! { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${packages[@]}"; } >&2; then
    echo "services: cannot install ${packages[*]}: run \`sudo apt-get install ${packages[*]}\` and try again" >&2
    exit 3
  fi
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# Runs a command as the owner of the data folder: initdb and postgres refuse to run as root.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

case "$cmd" in
start)
  install_missing
  bin=$(pg_bin)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  pg_port=$(free_port)
  redis_port=$(free_port)
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  as_pg_user "'$bin/initdb' -D '$dir/pg' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >'$dir/initdb.log' 2>&1"
  # fsync off: the data is thrown away after the run, and the tests write a lot.
  as_pg_user "'$bin/pg_ctl' -D '$dir/pg' -l '$dir/pg.log' -w -o \"-p $pg_port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start >/dev/null"
  # noeviction: a cache tag record evicted under memory pressure could make a stale entry look
  # fresh; with noeviction a full Redis refuses new entries instead (a cache miss, not staleness).
  redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
    --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" \
    --maxmemory 512mb --maxmemory-policy noeviction >&2
  for _ in $(seq 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  echo "$pg_port" >"$dir/pg.port"
  echo "export PG_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres REDIS_URL=redis://127.0.0.1:$redis_port"
  ;;
stop)
  [ -d "$dir" ] || exit 0
  if [ -f "$dir/redis.pid" ]; then kill "$(cat "$dir/redis.pid")" 2>/dev/null || true; fi
  if [ -d "$dir/pg" ] && bin=$(pg_bin); then
    as_pg_user "'$bin/pg_ctl' -D '$dir/pg' -m immediate stop >/dev/null 2>&1" || true
  fi
  ;;
*)
  echo "usage: scripts/services.sh start|stop DIR" >&2
  exit 2
  ;;
esac
