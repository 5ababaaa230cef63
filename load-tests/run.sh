#!/usr/bin/env bash
# Medi OS benchmarks: check-in, snapshot and WebSocket fan-out through the gateway (Gatling, open model).
#
#   ./medi run                      # terminal 1: the stack (this script never starts it)
#   load-tests/run.sh               # terminal 2: all three at the targets, then results/README.md is updated
#   load-tests/run.sh --smoke       # a few seconds each at a low rate; writes target/smoke-results.md only
#   load-tests/run.sh --only FanOut -Dclients=200     # one simulation; -D settings go to every simulation
#
# Per-simulation settings: CHECKIN_OPTS, SNAPSHOT_OPTS, FANOUT_OPTS (e.g. FANOUT_OPTS="-Drate=50").
# BASE_URL (default http://127.0.0.1:8080) must be a loopback address; MANAGEMENT_URL (default
# http://127.0.0.1:9000) is the gateway's management interface (health, metrics). See load-tests/README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

base_url="${BASE_URL:-http://127.0.0.1:8080}"
# The gateway's management interface (health, metrics): never the public port (ADR 0008).
management_url="${MANAGEMENT_URL:-http://127.0.0.1:9000}"
smoke=0
only="CheckIn,Snapshot,FanOut"
results=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1 ;;
    --only) only="$2"; shift ;;
    --results) results="$2"; shift ;;
    -D*) extra+=("$1") ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "run.sh: $*" >&2; exit 1; }

# Load only ever goes to this machine.
host="$(printf '%s' "$base_url" | sed -E 's#^[a-z]+://(\[[^]]*\]|[^:/]*).*#\1#')"
case "$host" in
  127.*|localhost|"[::1]") ;;
  *) die "BASE_URL must be a loopback address (127.0.0.1, localhost, [::1]), not $host" ;;
esac

command -v java >/dev/null || die "a JDK 17 or newer is required"
command -v mvn >/dev/null || die "Maven is required (./medi run installs it)"

if command -v curl >/dev/null; then
  ready="$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$management_url/q/health/ready" || true)"
  [ "$ready" = 200 ] || die "the stack does not answer at $management_url/q/health/ready (got '${ready:-nothing}'): start it with ./medi run in another terminal and wait for 'Medi OS is up'"
fi

# 500 WebSocket clients need ~600 descriptors in this process tree (and as many in the gateway's).
ulimit -n 65536 2>/dev/null || ulimit -n 4096 2>/dev/null || true
echo "run.sh: open files limit $(ulimit -n)"

if [ "$smoke" = 1 ]; then
  # Checks the wiring and the no-loss rule, not latency: a few seconds on a cold JVM say nothing about p99.
  : "${CHECKIN_OPTS:=-Drate=20 -Dduration=5 -Dramp=2 -Dp99Ms=2000}"
  : "${SNAPSHOT_OPTS:=-Drate=20 -Dduration=5 -Dramp=1 -DqueueSize=10 -Dp99Ms=2000}"
  : "${FANOUT_OPTS:=-Dclients=20 -Drate=5 -Dduration=5 -DconnectRate=20 -Ddrain=10 -Dp99Ms=2000}"
  : "${results:=$here/target/smoke-results.md}"
  title_kind="smoke run (not a benchmark)"
  pause=2
else
  : "${CHECKIN_OPTS:=}"
  : "${SNAPSHOT_OPTS:=}"
  : "${FANOUT_OPTS:=}"
  : "${results:=$here/results/README.md}"
  title_kind="full run"
  pause="${PAUSE_SECONDS:-15}"
fi

# Percent of the machine's CPU busy over the next 3 seconds (from /proc/stat).
cpu_busy_percent() {
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 3
  read -r -a b < <(grep '^cpu ' /proc/stat)
  local idle=$(( (b[4] + b[5]) - (a[4] + a[5]) )) total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$(( total + b[i] - a[i] )); done
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}

# After the fixed pause, waits until the previous simulation's after-effects are over: its cleanup cancels every
# entry it created, and those thousands of events still flow through the outbox, Kafka and both consumers while
# PostgreSQL's autovacuum tidies the rows. A snapshot run that starts in the middle of that measures the tidying.
settle() {
  local waited=0 limit="${SETTLE_MAX_SECONDS:-180}" busy
  while busy="$(cpu_busy_percent)"; [ "$busy" -ge "${SETTLE_CPU_PERCENT:-20}" ] && [ "$waited" -lt "$limit" ]; do
    waited=$((waited + 3))
  done
  echo "run.sh: machine ${busy}% busy after ${waited}s more (settled below ${SETTLE_CPU_PERCENT:-20}%, at most ${limit}s)"
}

mkdir -p target/run-logs
since_ms="$(($(date +%s) * 1000))"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

echo "run.sh: compiling the simulations"
mvn -B -ntp -q test-compile

declare -A rc
sims=()
IFS=',' read -r -a wanted <<< "$only"
first=1
for name in "${wanted[@]}"; do
  name="${name%Simulation}"
  case "$name" in
    CheckIn) opts="$CHECKIN_OPTS" ;;
    Snapshot) opts="$SNAPSHOT_OPTS" ;;
    FanOut) opts="$FANOUT_OPTS" ;;
    *) die "unknown simulation $name (CheckIn, Snapshot, FanOut)" ;;
  esac
  sim="${name}Simulation"
  sims+=("$sim")
  [ "$first" = 1 ] || { echo "run.sh: ${pause}s pause for the stack to settle"; sleep "$pause"; settle; }
  first=0
  printf '\nrun.sh: === %s %s %s\n' "$sim" "$opts" "${extra[*]:-}"
  set +e
  # shellcheck disable=SC2086 # opts holds several -D flags
  mvn -B -ntp gatling:test -Dgatling.simulationClass="dev.medi.load.$sim" -DbaseUrl="$base_url" -DgatewayManagementUrl="$management_url" \
    $opts ${extra[@]+"${extra[@]}"} 2>&1 | tee "target/run-logs/$sim.log"
  rc[$sim]="${PIPESTATUS[0]}"
  set -e
  # A simulation that fails in its after() hook (FanOut's target check) ends before Gatling writes its
  # report; the simulation log is complete, so generate the report from it.
  report="$(find target/gatling -maxdepth 1 -type d -name "$(echo "$sim" | tr '[:upper:]' '[:lower:]')-*" 2>/dev/null | sort | tail -1 || true)"
  if [ -n "$report" ] && [ -f "$report/simulation.log" ] && [ ! -f "$report/index.html" ]; then
    echo "run.sh: generating the Gatling report of $sim from $report/simulation.log"
    mvn -B -ntp -q gatling:test -Dgatling.reportsOnly="$(basename "$report")" >> "target/run-logs/$sim.log" 2>&1 || true
  fi
done

mvn -B -ntp -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt

cores="$(nproc)"
memory="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
cpu="$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)"
java_version="$(java -version 2>&1 | awk 'NR == 1')"
commit="$(git -C "$here/.." rev-parse --short HEAD 2>/dev/null || echo unknown)"
# GIT_OPTIONAL_LOCKS=0: only look, do not refresh the index.
if [ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$here/.." status --porcelain 2>/dev/null | awk 'NR == 1' || true)" ]; then
  commit="$commit (with uncommitted changes)"
fi
load="$(cut -d' ' -f1-3 /proc/loadavg)"

command="load-tests/run.sh"
[ "$smoke" = 0 ] || command="$command --smoke"
[ "$only" = "CheckIn,Snapshot,FanOut" ] || command="$command --only $only"
[ ${#extra[@]} = 0 ] || command="$command ${extra[*]}"
for var in CHECKIN_OPTS SNAPSHOT_OPTS FANOUT_OPTS; do
  [ -z "${!var}" ] || command="$var=\"${!var}\" $command"
done

rc_props=()
failed=0
for sim in "${sims[@]}"; do
  rc_props+=("-Drc.$sim=${rc[$sim]}")
  [ "${rc[$sim]}" = 0 ] || failed=1
done

java -cp "target/test-classes:$(cat target/test-classpath.txt)" \
  -DbuildDirectory="$here/target" \
  -Dreport.output="$results" \
  -Dreport.gatling="$here/target/gatling" \
  -Dreport.since="$since_ms" \
  -Dreport.simulations="$(IFS=,; echo "${sims[*]}")" \
  -Dreport.title="$started — commit $commit — $title_kind" \
  -Dreport.machine="Machine: $cores cores ($cpu), $memory memory, $java_version; load average at the end $load. The load generator (Gatling, one JVM) runs on the same machine as the five services, PostgreSQL and Kafka." \
  -Dreport.command="$command" \
  "${rc_props[@]}" \
  dev.medi.load.ResultsReport

if [ "$failed" = 1 ]; then
  echo "run.sh: at least one simulation missed its target or failed (see above and $results)" >&2
  exit 1
fi
echo "run.sh: all simulations met their targets; results in $results"
