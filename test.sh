#!/usr/bin/env bash
# Runs every test on a fresh machine of this kind: installs Chromium if missing, starts a throwaway
# PostgreSQL on a loopback port, runs `dotnet test` for the solution with the PostgreSQL connection
# exported, stops the server (also when tests fail) and prints one closing line.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null || {
    echo "Could not install chromium"; exit 1; }
fi

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "Installing PostgreSQL…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || {
    echo "Could not install postgresql"; exit 1; }
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
PGPORT=${STEWARD_TEST_PGPORT:-55432}
id -u postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
PGTMP=$(mktemp -d /tmp/steward-pg.XXXXXX)
chown postgres: "$PGTMP"; chmod 700 "$PGTMP"
RESULTS=$(mktemp -d /tmp/steward-results.XXXXXX)

cleanup() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PGTMP" "$RESULTS"
}
trap cleanup EXIT

runuser -u postgres -- "$PGBIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null || {
  echo "initdb failed"; exit 1; }
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGTMP -c fsync=off -c max_connections=300" start >/dev/null || {
  echo "PostgreSQL did not start"; cat "$PGTMP/server.log"; exit 1; }
export STEWARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres"
export STEWARD_PG_BIN="$PGBIN"

dotnet test Steward.slnx --logger "console;verbosity=normal" --logger "trx" --results-directory "$RESULTS" "$@" 2>&1 | tee "$RESULTS/output.log"
status=${PIPESTATUS[0]}

# Add up every assembly's counters from its TRX report (skipped tests are the ones not executed).
read -r passed failed skipped < <(cat "$RESULTS"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' |
  sed -E 's/.* total="([0-9]+)" executed="([0-9]+)" passed="([0-9]+)" failed="([0-9]+)" error="([0-9]+)" timeout="([0-9]+)" aborted="([0-9]+)".*/\1 \2 \3 \4 \5 \6 \7/' |
  awk '{t+=$1; e+=$2; p+=$3; f+=$4+$5+$6+$7} END {print p+0, f+0, t-e+0}')
echo
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
exit 0
