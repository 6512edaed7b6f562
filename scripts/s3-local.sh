#!/usr/bin/env bash
# A real S3-compatible server on loopback for tests: OpenStack Swift + s3api middleware,
# one replica, with config, rings, data, logs and pids all under DIR.
#
#   scripts/s3-local.sh start [DIR]   # DIR defaults to <project>/.tmp/s3
#   scripts/s3-local.sh stop  [DIR]   # kills the recorded pids and removes DIR
#
# S3_PORT (default 8080) is the proxy port; the object/container/account servers use
# 127.0.0.1:6010-6012, so only one instance runs at a time. Client settings: endpoint
# http://127.0.0.1:$S3_PORT, region us-east-1, forcePathStyle: true, access key "test:tester",
# secret "testing". Create buckets before use (PUT to a missing bucket is 404 NoSuchBucket).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CMD="${1:-}"
DIR="$(realpath -m "${2:-$ROOT/.tmp/s3}")"
PORT="${S3_PORT:-8080}"
PKGS=(swift swift-proxy swift-object swift-container swift-account memcached curl)
BACKENDS=(object:6010 container:6011 account:6012)

die() { echo "s3-local: $*" >&2; exit 1; }

# Every process is started with S3LOCAL_DIR=$DIR in its environment; a recorded pid counts as
# ours only while it carries that marker (so a reused pid is never killed). cwd/cmdline would
# not do: Swift chdirs to / and memcached's command line does not name DIR.
ours() { grep -qzxF "S3LOCAL_DIR=$DIR" "/proc/$1/environ" 2>/dev/null; }
pids_alive() {
  [ -s "$DIR/pids" ] || return 1
  local name pid
  while read -r name pid; do ours "$pid" || return 1; done <"$DIR/pids"
}
port_free() { ! (: >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The proxy's /healthcheck does not look at the backends, so also wait for their ports.
ready() {
  local b
  [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/healthcheck")" = 200 ] || return 1
  for b in "${BACKENDS[@]}"; do ! port_free "${b#*:}" || return 1; done
}

# Refuse to wipe a directory this script did not create (e.g. a mistyped DIR argument).
check_dir() {
  [ ! -e "$DIR" ] || [ -e "$DIR/.s3-local" ] || [ -z "$(ls -A "$DIR")" ] ||
    die "$DIR exists and is not an s3-local directory; refusing to touch it"
}

kill_recorded() {
  [ -s "$DIR/pids" ] || return 0
  local i name pid alive
  for i in $(seq 0 50); do  # TERM at once, KILL after 5 s
    alive=()
    while read -r name pid; do if ours "$pid"; then alive+=("$pid"); fi; done <"$DIR/pids"
    [ ${#alive[@]} -eq 0 ] && break
    case $i in 0) kill "${alive[@]}" ;; 50) kill -9 "${alive[@]}" ;; esac 2>/dev/null || true
    sleep 0.1
  done
  rm -f "$DIR/pids"
}

install_pkgs() {
  local p missing=()
  for p in "${PKGS[@]}"; do
    [ "$(dpkg -s "$p" 2>/dev/null | sed -n 's/^Status: //p')" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "s3-local: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Configs for the three backends and the proxy, and one-device rings (part power 0, 1 replica).
# No swift.conf here: Swift 2.30's servers ignore swift_dir for it and always read
# /etc/swift/swift.conf, which the swift package ships (hash prefix/suffix + Policy-0).
write_configs() {
  local mc_port="$1" b kind port
  local common="bind_ip = 127.0.0.1
workers = 0
user = root
swift_dir = $DIR/etc
devices = $DIR/srv
mount_check = false"
  for b in "${BACKENDS[@]}"; do
    kind="${b%:*}" port="${b#*:}"
    printf '[DEFAULT]\n%s\nbind_port = %s\n\n[pipeline:main]\npipeline = %s-server\n\n[app:%s-server]\nuse = egg:swift#%s\n' \
      "$common" "$port" "$kind" "$kind" "$kind" >"$DIR/etc/$kind-server.conf"
  done
  # Same as `swift-ring-builder X.builder create 0 1 0; add r1z1-127.0.0.1:PORT/d1 1; rebalance`
  # for each kind, in one Python process instead of nine (saves ~4 s).
  /usr/bin/python3 - "$DIR/etc" "${BACKENDS[@]}" <<'PY'
import sys
from swift.common.ring import RingBuilder
for kind, port in (b.split(':') for b in sys.argv[2:]):
    rb = RingBuilder(0, 1, 0)
    rb.add_dev({'region': 1, 'zone': 1, 'ip': '127.0.0.1', 'port': int(port), 'device': 'd1', 'weight': 1})
    rb.rebalance()
    rb.get_ring().save(f'{sys.argv[1]}/{kind}.ring.gz')
PY
  cat >"$DIR/etc/proxy-server.conf" <<EOF
[DEFAULT]
$common
bind_port = $PORT
[pipeline:main]
# s3api must come before the auth filter; "cache" is required (without it every call is a
# 500 "Memcache required"). Swift adds listing_formats, copy, dlo, versioned_writes itself.
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache s3api tempauth slo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
# S3 access key "test:tester", secret "testing"
user_test_tester = testing .admin
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:$mc_port
EOF
  local f
  for f in catch_errors gatekeeper healthcheck proxy-logging slo; do
    printf '[filter:%s]\nuse = egg:swift#%s\n' "$f" "${f//-/_}"
  done >>"$DIR/etc/proxy-server.conf"
}

# launch NAME CMD...: run in the background in its own session (outlives this script), log to
# DIR/logs/NAME.log, record the pid (setsid execs in place here, so $! is the server itself).
launch() {
  local name="$1"; shift
  S3LOCAL_DIR="$DIR" setsid "$@" </dev/null >>"$DIR/logs/$name.log" 2>&1 &
  echo "$name $!" >>"$DIR/pids"
}

start() {
  if pids_alive && ready; then echo "S3 already running at http://127.0.0.1:$PORT"; exit 0; fi
  check_dir
  install_pkgs
  [ -f /etc/swift/swift.conf ] || die "/etc/swift/swift.conf is missing (reinstall the swift package)"
  kill_recorded  # stale or half-started state: begin from scratch
  local p mc=11211
  for p in "$PORT" "${BACKENDS[@]#*:}"; do port_free "$p" || die "port $p on 127.0.0.1 is already in use"; done
  while ! port_free "$mc"; do mc=$((mc + 1)); done  # e.g. a system memcached already on 11211
  rm -rf "$DIR"
  mkdir -p "$DIR/etc" "$DIR/srv/d1" "$DIR/logs"
  : >"$DIR/.s3-local"  # marks DIR as ours for check_dir
  write_configs "$mc"

  launch memcached memcached -u root -l 127.0.0.1 -p "$mc" -U 0 -m 64
  for p in "${BACKENDS[@]}" proxy; do
    # -v logs to stderr (i.e. the log file); without it Swift logs only to syslog.
    launch "${p%:*}" "swift-${p%:*}-server" "$DIR/etc/${p%:*}-server.conf" -v
  done

  for _ in $(seq 60); do
    if ready; then echo "S3 ready at http://127.0.0.1:$PORT"; exit 0; fi
    pids_alive || break  # a server died: no point waiting
    sleep 0.5
  done
  echo "s3-local: S3 did not come up on port $PORT; last log lines:" >&2
  tail -n 20 "$DIR"/logs/*.log >&2 || true
  kill_recorded
  exit 1
}

stop() {
  [ -e "$DIR" ] || { echo "s3-local: nothing at $DIR"; return 0; }
  check_dir
  kill_recorded
  rm -rf "$DIR"
  echo "s3-local: stopped"
}

case "$CMD" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop [DIR]   (env S3_PORT, default 8080)" >&2; exit 2 ;;
esac
