#!/usr/bin/env bash
# Recur against PyTorch on the recurrent cases of torch_rnn_bench.py, side by side in one run.
#
#   recur-bench/side-by-side.sh [--threads 1,2] [--case train_charlm,step_latency,...] [--quick]
#                               [--models lstm:256:1,...] [--rounds N] [--peer-script PATH] [--out FILE]
#
# For each thread count and case, the two runs alternate (which goes first alternates too), each
# in a fresh process, so that machine load drifts hit both alike; with --rounds N each pair runs N
# times and the ratio of the medians is reported. PyTorch runs with 2 intra-op threads and OpenBLAS held
# to 1 at --threads 2, its fastest setting on 2 cores (peers/README.md). The start-up case times
# each process from the moment this script launches it (the launcher ./recur included) and reads
# its peak resident memory from wait4. Without python3-torch only Recur's figures are printed
# (apt-get install -y --no-install-recommends python3-torch to compare).
#
# Prints every JSON line to FILE (default: a temporary file), then a table: per case Recur's
# figure, PyTorch's, and the speed-up (Recur faster when > 1: a throughput ratio, or PyTorch's time
# over Recur's for latencies).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
THREADS=1,2
CASES=train_charlm,infer_charlm,step_latency,train_ts,infer_ts,startup
QUICK=()
MODELS=()
ROUNDS=1
PEER="${TORCH_RNN_BENCH:-$ROOT/../shared/peers/torch_rnn_bench.py}"
OUT=""

die() { printf 'side-by-side: %s\n' "$*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --threads) THREADS="$2"; shift 2 ;;
    --case) CASES="$2"; shift 2 ;;
    --quick) QUICK=(--quick); shift ;;
    --models) MODELS=(--models "$2"); shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --peer-script) PEER="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1'; see --help" ;;
  esac
done
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds must be a whole number >= 1, got '$ROUNDS'"
OUT="${OUT:-$(mktemp --suffix=.jsonl)}"
: >"$OUT"

TORCH=0
if [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  [ -f "$PEER" ] || die "PyTorch is installed but the peer script is not at $PEER; pass --peer-script PATH"
  TORCH=1
else
  printf 'side-by-side: python3-torch not installed, timing Recur only\n' >&2
fi
[ ${#MODELS[@]} -eq 0 ] || [ $TORCH = 0 ] || printf 'side-by-side: --models restricts Recur only; PyTorch runs its own list\n' >&2

# Runs a command with its start time in RECUR_T0_NS / PEER_T0_NS; appends its JSON lines (with
# the peak RSS of the process from wait4 on start-up lines) to $OUT.
run() {
  /usr/bin/python3 - "$OUT" "$@" <<'PY'
import json, os, subprocess, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
env = dict(os.environ)
env["RECUR_T0_NS"] = env["PEER_T0_NS"] = str(time.time_ns())
p = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, text=True)
lines = p.stdout.read().splitlines()
_, status, ru = os.wait4(p.pid, 0)
with open(out, "a") as f:
    for line in lines:
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        if rec.get("bench") == "startup":
            rec["peak_rss_kb"] = ru.ru_maxrss
        if rec.get("bench") not in ("meta", "worker_process"):
            f.write(json.dumps(rec) + "\n")
sys.exit(os.waitstatus_to_exitcode(status))
PY
}

recur_cmd() { # threads case
  echo "$ROOT/recur" --threads "$1" bench rnn --json --case "$2" ${QUICK[@]+"${QUICK[@]}"} ${MODELS[@]+"${MODELS[@]}"}
}

torch_cmd() { # threads case
  local blas=()
  [ "$1" -gt 1 ] && blas=(--blas-threads 1)
  if [ "$2" = startup ]; then
    echo /usr/bin/python3 "$PEER" --startup --threads "$1" ${blas[@]+"${blas[@]}"}
  else
    echo /usr/bin/python3 "$PEER" --threads "$1" --only "$2" ${blas[@]+"${blas[@]}"} ${QUICK[@]+"${QUICK[@]}"}
  fi
}

"$ROOT/recur" --help >/dev/null # build first, outside every measurement
turn=0
for n in ${THREADS//,/ }; do
  for c in ${CASES//,/ }; do
    [ "$c" = startup ] && [ "$n" != "${THREADS%%,*}" ] && continue # start-up: first thread count only
    for ((r = 0; r < ROUNDS; r++)); do
      printf 'side-by-side: threads %s, %s, round %d\n' "$n" "$c" $((r + 1)) >&2
      if [ $TORCH = 1 ] && [ $((turn % 2)) = 1 ]; then
        run $(torch_cmd "$n" "$c"); run $(recur_cmd "$n" "$c")
      else
        run $(recur_cmd "$n" "$c"); [ $TORCH = 0 ] || run $(torch_cmd "$n" "$c")
      fi
      turn=$((turn + 1))
    done
  done
done

/usr/bin/python3 - "$OUT" <<'PY'
import json, statistics, sys
from collections import defaultdict
runs = defaultdict(lambda: defaultdict(list))
for line in open(sys.argv[1]):
    r = json.loads(line)
    key = (r["bench"], r["cell"], r["H"], r["layers"], r["B"], r["threads"], r["unit"])
    runs[key][r["peer"]].append(r)
print(f"{'case':<44} {'unit':<10} {'Recur':>11} {'PyTorch':>11} {'speed-up':>9}")
for key, peers in runs.items():
    bench, cell, h, layers, b, threads, unit = key
    name = f"{bench} {cell} H={h} L={layers} B={b} t={threads}"
    med = {p: statistics.median(x["value"] for x in rs) for p, rs in peers.items()}
    mine, theirs = med.get("recur"), med.get("pytorch")
    faster_is_lower = unit in ("us/step", "ms")
    ratio = "-" if mine is None or theirs is None else \
        f"{(theirs / mine if faster_is_lower else mine / theirs):.2f}x"
    fmt = lambda v: "-" if v is None else f"{v:,.1f}"
    print(f"{name:<44} {unit:<10} {fmt(mine):>11} {fmt(theirs):>11} {ratio:>9}")
    if bench == "startup":
        rss = {p: max(x.get("peak_rss_kb", 0) for x in rs) / 1024 for p, rs in peers.items()}
        print(f"{'  peak resident memory':<44} {'MB':<10} {fmt(rss.get('recur')):>11} {fmt(rss.get('pytorch')):>11}")
print(f"(all JSON lines: {sys.argv[1]}; machine load: see foreign_cpu_pct in each line)")
PY
