#!/usr/bin/env bash
# Starts a real single-node Slurm (munged, slurmctld, slurmd from Debian's slurm-wlm and munge
# packages) configured entirely inside WORKDIR, submits deploy/slurm/omnicheck-array.sbatch over
# SITES.csv in SHARDS shards into WORKDIR/out, waits for the array and its merge job, and stops
# every daemon it started (by the PIDs in their pid files) whatever happens. The caller checks
# WORKDIR/out/merged. Nothing outside WORKDIR is written: munge gets its own key and socket,
# Slurm its own ports, state and spool folders.
#
# usage: slurm_array_run.sh WORKDIR SITES.csv OMNICHECK SHARDS
# exit: 0 jobs ran (see WORKDIR/out), 77 Slurm or munge missing or not root (message starts
#       with SKIP), 1 the cluster or the jobs failed (logs are printed).
set -u
if [ $# -ne 4 ]; then
  echo "usage: $0 WORKDIR SITES.csv OMNICHECK SHARDS" >&2
  exit 2
fi
work=$(realpath -m "$1")
sites=$2
omnicheck=$3
shards=$4
repo=$(cd "$(dirname "$0")/../.." && pwd)

for tool in munged munge slurmctld slurmd sbatch squeue sinfo; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (apt-get install slurm-wlm munge)"; exit 77; }
done
[ "$(id -u)" -eq 0 ] || { echo "SKIP: starting slurmd needs root"; exit 77; }

mkdir -p "$work"/{munge,state,spool,log,out}
chmod 0755 "$work"
chmod 0700 "$work/munge"

stop_all() {
  for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
    [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
  done
  for _ in $(seq 50); do
    alive=0
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
      [ -s "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null && alive=1
    done
    [ $alive -eq 0 ] && break
    sleep 0.1
  done
}
trap stop_all EXIT

fail() {
  echo "FAIL: $*" >&2
  for f in "$work"/log/*.log "$work"/munge/munged.log "$work"/out/logs/*.out; do
    [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }
  done
  exit 1
}

# munge: a fresh key and a private socket.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$work/munge/munge.key"
socket="$work/munge/munge.socket"
munged --force --key-file="$work/munge/munge.key" --socket="$socket" --pid-file="$work/munge/munged.pid" \
  --log-file="$work/munge/munged.log" --seed-file="$work/munge/munged.seed" || fail "munged did not start"
munge -S "$socket" -n | unmunge -S "$socket" >/dev/null || fail "munge credential check failed"

# Slurm: ports picked from this process id, so parallel runs and a system Slurm do not collide.
host=$(hostname -s)
# Two consecutive free ports, probed rather than assumed (another server may hold the range),
# starting from this process id so parallel runs start apart.
port=$(python3 - "$$" <<'PY'
import socket, sys
start = 20000 + (int(sys.argv[1]) % 20000)
for base in list(range(start, 60000, 2)) + list(range(20000, start, 2)):
    socks = []
    try:
        for p in (base, base + 1):
            s = socket.socket()
            s.bind(("127.0.0.1", p))
            socks.append(s)
        print(base)
        break
    except OSError:
        pass
    finally:
        for s in socks:
            s.close()
PY
) || fail "no free port pair for slurmctld and slurmd"
cpus=$(nproc)
mem=$(($(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) / 2))
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=omnicheck-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SchedulerType=sched/backfill
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -f "$SLURM_CONF" || fail "slurmctld did not start"
slurmd -f "$SLURM_CONF" || fail "slurmd did not start"
# A loaded machine (CI running other tests beside this one) can take a while to register the node.
for _ in $(seq 300); do
  state=$(sinfo -h -N -o %T 2>/dev/null | head -n 1)
  [ "$state" = idle ] && break
  sleep 0.2
done
[ "$state" = idle ] || fail "node not idle (state: ${state:-none})"

export OMNICHECK="$omnicheck" AUDIT_DATE=2026-11-23 OMNICHECK_JOBS=2 OMNICHECK_ARGS="--no-probe --quiet"
submitted=$(bash "$repo/deploy/slurm/omnicheck-array.sbatch" submit "$sites" "$work/out" "$shards" \
  --cpus-per-task=1 --mem-per-cpu=256M --time=10) || fail "submission failed"
echo "$submitted"
for _ in $(seq 900); do
  [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
  sleep 0.2
done
[ -z "$(squeue -h -o %i)" ] || fail "jobs still queued after 180 s: $(squeue)"
[ -f "$work/out/merged/aggregate.json" ] || fail "the merge job wrote no aggregate"
echo "OK: array and merge ran"
