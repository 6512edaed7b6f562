#!/usr/bin/env bash
# The outage and offload browser tests start their own PostgreSQL server (initdb and
# pg_ctl from /usr/lib/postgresql/*/bin) and Debian's nginx. Installs them with apt
# when missing; the benchmarks also want wrk and curl.
set -euo pipefail
missing=()
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ "${1:-}" = "--bench" ]; then
  command -v wrk >/dev/null || missing+=(wrk)
  command -v curl >/dev/null || missing+=(curl)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing with apt: ${missing[*]}"
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
