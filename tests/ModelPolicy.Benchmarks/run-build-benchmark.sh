#!/usr/bin/env bash
# Build benchmark: the same generated solution built three ways, alternating A B C A B C ...
#   none       no analyzer package (the reference pack's in-box analyzers/generators run in every mode)
#   ours       + ModelPolicy.Analyzers (packed from this repository into a local feed)
#   bannedapi  + Microsoft.CodeAnalysis.BannedApiAnalyzers 5.6.0 with a 50-entry BannedSymbols.txt
#   both       ours + bannedapi in the same compile: the two analyzers timed in one process, side by
#              side, so the ours/bannedapi ratio does not depend on what else the machine was doing
# Each build: dotnet build --no-restore --no-incremental -c Release -m:1 -nodeReuse:false
#   -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d, under /usr/bin/time -v.
# -m:1 and UseSharedCompilation=false keep MSBuild in the measured process and csc its child, so
# "Maximum resident set size" is the peak of the largest process of the build: the compiler.
#
# Usage: bash tests/ModelPolicy.Benchmarks/run-build-benchmark.sh [--files 2000] [--rounds 3] [--seed 42] [--out DIR]
# Prints a table and a last line "ratio analyzer_time ours/bannedapi=... ours/build=... ...".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
ROOT=$(pwd)
FILES=${FILES:-2000}
ROUNDS=${ROUNDS:-3}
SEED=${SEED:-42}
OUT=${OUT:-${TMPDIR:-/tmp}/modelpolicy-build-bench}
while [ $# -gt 0 ]; do
  case "$1" in
    --files) FILES=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --seed) SEED=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    *) echo "usage: $0 [--files N] [--rounds R] [--seed S] [--out DIR]" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off MSBUILDDISABLENODEREUSE=1
read -r -a MODES <<<"${MODES:-none ours bannedapi both}"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
LOGS="$OUT/logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
RESULTS="$OUT/results.tsv"
say() { printf '%s\n' "$*"; }

say "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, dotnet $(dotnet --version), load $(cut -d' ' -f1-3 /proc/loadavg)"

# ---- 1. the analyzer, as a package (or, if packing fails, its DLLs) ----------------------------
FEED="$OUT/feed"
rm -rf "$FEED" && mkdir -p "$FEED"
ANALYZER_DIR=""
VERSION=""
say "== packing ModelPolicy.Analyzers into $FEED"
if dotnet pack nuget/ModelPolicy.Analyzers.Package -c Release -o "$FEED" </dev/null >"$LOGS/pack.log" 2>&1; then
  NUPKG=$(ls "$FEED"/ModelPolicy.Analyzers.*.nupkg | head -n 1)
  VERSION=$(basename "$NUPKG" .nupkg | sed 's/^ModelPolicy\.Analyzers\.//')
  say "   package ModelPolicy.Analyzers $VERSION"
else
  say "   pack failed (see $LOGS/pack.log); referencing the built analyzer DLLs instead"
  dotnet build src/ModelPolicy.Analyzers.CSharp -c Release </dev/null >"$LOGS/analyzer-build.log" 2>&1 || { say "analyzer build failed"; exit 1; }
  ANALYZER_DIR="$ROOT/src/ModelPolicy.Analyzers.CSharp/bin/Release/netstandard2.0"
fi

# ---- 2. the solution ----------------------------------------------------------------------------
say "== generating $FILES files (seed $SEED)"
dotnet run -c Release --project tests/ModelPolicy.Benchmarks/Generator -- --out "$OUT/template" --files "$FILES" --seed "$SEED" </dev/null | tee "$LOGS/generate.log" || exit 1

# One copy per mode (own obj/ and bin/); one packages folder so a repacked analyzer is never stale.
PACKAGES="$OUT/packages"
rm -rf "$PACKAGES/modelpolicy.analyzers"
for mode in "${MODES[@]}"; do
  dir="$OUT/$mode"
  rm -rf "$dir" && cp -r "$OUT/template" "$dir"
  cat >"$dir/bench.mode.props" <<EOF
<Project>
  <PropertyGroup>
    <BenchMode>$mode</BenchMode>
    <BenchPackagesPath>$PACKAGES</BenchPackagesPath>
    <ModelPolicyAnalyzersVersion>$VERSION</ModelPolicyAnalyzersVersion>
    <ModelPolicyAnalyzerDir>$ANALYZER_DIR</ModelPolicyAnalyzerDir>
  </PropertyGroup>
</Project>
EOF
  cat >"$dir/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="modelpolicy-bench" value="$FEED" />
  </packageSources>
</configuration>
EOF
  dotnet restore "$dir/Bench.slnx" </dev/null >"$LOGS/restore-$mode.log" 2>&1 || { say "restore failed for $mode (see $LOGS/restore-$mode.log)"; exit 1; }
done

# ---- 3. builds ----------------------------------------------------------------------------------
# build MODE LABEL: one measured build; appends a row to results.tsv
printf 'round\tmode\trc\twall_s\tcpu_s\tcsc_s\tmax_rss_kb\tall_analyzers_s\tours_s\tbannedapi_s\tmp_diagnostics\trs0030_diagnostics\n' >"$RESULTS"
build() {
  local mode=$1 round=$2 dir="$OUT/$1" log="$LOGS/build-$2-$1.log" timef="$LOGS/time-$2-$1.txt"
  local t0 t1 rc
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$timef" dotnet build "$dir/Bench.slnx" --no-restore --no-incremental -c Release -m:1 -nodeReuse:false \
    -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary </dev/null >"$log" 2>&1
  rc=$?
  t1=$(date +%s.%N)
  local wall cpu rss csc all ours banned mp rs
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  # user + system CPU of the build and every process it waited for (csc included): less sensitive than
  # wall time to other work on the machine
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$timef")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$timef")
  csc=$(awk '$2 == "ms" && $3 == "Csc" { s += $1 } END { printf "%.2f", s / 1000 }' "$log")
  all=$(awk '/Total analyzer execution time:/ { s += $(NF - 1) } END { printf "%.3f", s }' "$log")
  # The assembly lines of the per-project table: "   0.123   4   ModelPolicy.Analyzers.CSharp, Version=..."
  ours=$(awk '/ ModelPolicy\.Analyzers\.CSharp, Version=/ { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s }' "$log")
  banned=$(awk '/BannedApiAnalyzers, Version=/ { v = $1; sub("<", "", v); s += v } END { printf "%.3f", s }' "$log")
  mp=$(grep -oE '[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|error) MP0[0-9]+' "$log" | sort -u | wc -l)
  rs=$(grep -oE '[^ ]+\.cs\([0-9]+,[0-9]+\): (warning|error) RS0030' "$log" | sort -u | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$rc" "$wall" "$cpu" "$csc" "$rss" "$all" "$ours" "$banned" "$mp" "$rs" >>"$RESULTS"
  printf '   round %-6s %-9s rc=%s wall=%7ss cpu=%7ss csc=%7ss rss=%7s KB analyzers=%7ss ours=%6ss bannedapi=%6ss MP=%s RS0030=%s\n' \
    "$round" "$mode" "$rc" "$wall" "$cpu" "$csc" "$rss" "$all" "$ours" "$banned" "$mp" "$rs"
  if [ "$rc" -ne 0 ]; then
    say "   build failed: $log"; grep -E ' error ' "$log" | sort -u | head -n 5
  fi
  gzip -f "$log"
}

say "== warm-up (not counted)"
for mode in "${MODES[@]}"; do build "$mode" warmup; done
for r in $(seq 1 "$ROUNDS"); do
  say "== round $r of $ROUNDS"
  for mode in "${MODES[@]}"; do build "$mode" "$r"; done
done

# ---- 4. summary ---------------------------------------------------------------------------------
median() { # median MODE COLUMN
  awk -F'\t' -v m="$1" -v c="$2" 'NR > 1 && $1 != "warmup" && $2 == m && $3 == 0 { print $c }' "$RESULTS" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "nan"; else printf "%.3f", a / b }'; }

say ""
say "== medians over $ROUNDS rounds ($FILES files; $(grep -oE '[0-9]+ lines' "$LOGS/generate.log"); logs and results.tsv in $OUT)"
printf '%-10s %8s %8s %8s %12s %14s %8s %12s %6s %7s\n' mode wall_s cpu_s csc_s peak_rss_MB all_analyzers_s ours_s bannedapi_s MP RS0030
for mode in "${MODES[@]}"; do
  printf '%-10s %8s %8s %8s %12s %14s %8s %12s %6s %7s\n' "$mode" "$(median "$mode" 4)" "$(median "$mode" 5)" "$(median "$mode" 6)" \
    "$(awk -v k="$(median "$mode" 7)" 'BEGIN { printf "%.0f", k / 1024 }')" "$(median "$mode" 8)" "$(median "$mode" 9)" "$(median "$mode" 10)" \
    "$(median "$mode" 11)" "$(median "$mode" 12)"
done

OURS_T=$(median ours 9)
say ""
say "ratio analyzer_time ours/bannedapi=$(ratio "$OURS_T" "$(median bannedapi 10)") same_compile_ours/bannedapi=$(ratio "$(median both 9)" "$(median both 10)") ours/build=$(ratio "$OURS_T" "$(median ours 4)") ours/csc=$(ratio "$OURS_T" "$(median ours 6)") build_time ours/none=$(ratio "$(median ours 4)" "$(median none 4)") bannedapi/none=$(ratio "$(median bannedapi 4)" "$(median none 4)") cpu_time ours/none=$(ratio "$(median ours 5)" "$(median none 5)") bannedapi/none=$(ratio "$(median bannedapi 5)" "$(median none 5)") peak_rss ours/none=$(ratio "$(median ours 7)" "$(median none 7)") bannedapi/none=$(ratio "$(median bannedapi 7)" "$(median none 7)")"
