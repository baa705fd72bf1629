#!/usr/bin/env bash
# The 'ours' build of a run-build-benchmark.sh run again, with the compiler server (UseSharedCompilation left at its
# default): the analyzer is loaded and jitted once per server, not once per project. The first build starts the server.
#   BENCH_OUT  the --out folder of a run-build-benchmark.sh run that built mode "ours"
#   ROUNDS     optional, default 4
# Prints per build: wall seconds, ModelPolicy's analyzer time (csc /reportanalyzer, summed) and their ratio.
set -uo pipefail
[ $# -ge 1 ] || { echo "usage: $0 BENCH_OUT [ROUNDS]" >&2; exit 2; }
dir=$(cd "$1/ours" && pwd) || exit 2
rounds=${2:-4}
log=$(mktemp)
dotnet build-server shutdown >/dev/null 2>&1
for i in $(seq 1 "$rounds"); do
  t0=$(date +%s.%N)
  dotnet build "$dir/Bench.slnx" --no-restore --no-incremental -c Release -m:1 -p:ReportAnalyzer=true -v:d </dev/null >"$log" 2>&1
  t1=$(date +%s.%N)
  ours=$(awk '/ ModelPolicy\.Analyzers\.CSharp, Version=/ { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s }' "$log")
  mp=$(grep -oE '[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|error) MP0[0-9]+' "$log" | sort -u | wc -l)
  awk -v i="$i" -v a="$t0" -v b="$t1" -v o="$ours" -v mp="$mp" 'BEGIN { printf "round %s wall=%.2fs ours=%.3fs ours/build=%.4f MP=%s\n", i, b - a, o, o / (b - a), mp }'
done
dotnet build-server shutdown >/dev/null 2>&1
rm -f "$log"
