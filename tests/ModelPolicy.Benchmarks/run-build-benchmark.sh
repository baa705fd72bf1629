#!/usr/bin/env bash
# Build benchmark: the same generated solution built several ways, alternating A B C A B C ...
#   none       no analyzer package (the reference pack's in-box analyzers/generators run in every mode)
#   ours       + ModelPolicy.Analyzers (packed from this repository into a local feed)
#   bannedapi  + Microsoft.CodeAnalysis.BannedApiAnalyzers 5.6.0 with a 50-entry BannedSymbols.txt
#   both       ours + bannedapi in the same compile: the two analyzers timed in one process, side by
#              side, so the ours/bannedapi ratio does not depend on what else the machine was doing
# Default modes: none ours both (--modes "none ours bannedapi both" adds BannedApi in a build of its own).
# Each build: dotnet build --no-restore --no-incremental -c Release -m:1 -nodeReuse:false
#   -p:UseSharedCompilation=false -p:ReportAnalyzer=true -v:d, under /usr/bin/time -v.
# -m:1 and UseSharedCompilation=false keep MSBuild in the measured process and csc its child, so
# "Maximum resident set size" is the peak of the largest process of the build: the compiler.
#   --shared-compilation 1  builds with the compiler server instead (UseSharedCompilation=true): the analyzer is loaded
#                        and jitted once per server, not once per project; the server is shut down first, so the
#                        warm-up build starts it. CPU and peak RSS then are MSBuild's only (the server is no child).
#
# In the same run, unless turned off with 0:
#   --memory-files 1000  a second solution of that size, built --memory-rounds times (default 1) in modes
#                        none and ours: peak memory ours/none at a second size
#   --keystroke 21       tests/ModelPolicy.Benchmarks/Micro keystroke on the main solution: the analyzer on one
#                        typical edited file within the whole --files compilation (medians of 21 edits)
#
# Usage: bash tests/ModelPolicy.Benchmarks/run-build-benchmark.sh [--files 2000] [--rounds 3] [--warmup 1]
#   [--modes "none ours both"] [--memory-files 1000] [--memory-rounds 1] [--keystroke 21] [--seed 42] [--out DIR]
#   [--shared-compilation 0|1]
# Prints tables and a last line "ratio analyzer_time same_compile_ours/bannedapi=... ours/build=... ...".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 1
ROOT=$(pwd)
FILES=${FILES:-2000}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-1}
MODES=${MODES:-none ours both}
MEMORY_FILES=${MEMORY_FILES:-1000}
MEMORY_ROUNDS=${MEMORY_ROUNDS:-1}
KEYSTROKE=${KEYSTROKE:-21}
SEED=${SEED:-42}
SHARED=${SHARED:-0}
OUT=${OUT:-${TMPDIR:-/tmp}/modelpolicy-build-bench}
usage() { echo "usage: $0 [--files N] [--rounds R] [--warmup W] [--modes \"none ours both\"] [--memory-files N|0] [--memory-rounds R] [--keystroke ITERATIONS|0] [--seed S] [--out DIR] [--shared-compilation 0|1]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  [ $# -ge 2 ] || usage
  case "$1" in
    --files) FILES=$2 ;;
    --rounds) ROUNDS=$2 ;;
    --warmup) WARMUP=$2 ;;
    --modes) MODES=$2 ;;
    --memory-files) MEMORY_FILES=$2 ;;
    --memory-rounds) MEMORY_ROUNDS=$2 ;;
    --keystroke) KEYSTROKE=$2 ;;
    --seed) SEED=$2 ;;
    --out) OUT=$2 ;;
    --shared-compilation) SHARED=$2 ;;
    *) usage ;;
  esac
  shift 2
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDTERMINALLOGGER=off MSBUILDDISABLENODEREUSE=1
read -r -a MODES <<<"$MODES"
RUN_START=$(date +%s)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
LOGS="$OUT/logs"
rm -rf "$LOGS" && mkdir -p "$LOGS"
RESULTS="$OUT/results.tsv"
MEM_BASE="$OUT/mem-$MEMORY_FILES"
MEM_RESULTS="$OUT/results-$MEMORY_FILES.tsv"
say() { printf '%s\n' "$*"; }
has_mode() { case " ${MODES[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

say "== machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, dotnet $(dotnet --version), load $(cut -d' ' -f1-3 /proc/loadavg)"
say "== $FILES files, modes ${MODES[*]}, $WARMUP warm-up + $ROUNDS rounds; memory at $MEMORY_FILES files x $MEMORY_ROUNDS; keystroke x $KEYSTROKE"

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

# ---- 2. the solutions ---------------------------------------------------------------------------
# One packages folder for every copy, so a repacked analyzer is never stale.
PACKAGES="$OUT/packages"
rm -rf "$PACKAGES/modelpolicy.analyzers"
# prepare BASE FILES MODE...: BASE/template generated, then one copy per mode (own obj/ and bin/), restored.
prepare() {
  local base=$1 files=$2 mode dir
  shift 2
  say "== generating $files files (seed $SEED) into $base/template"
  mkdir -p "$base"
  dotnet run -c Release --project tests/ModelPolicy.Benchmarks/Generator -- --out "$base/template" --files "$files" --seed "$SEED" </dev/null | tee "$LOGS/generate-$files.log" || exit 1
  for mode in "$@"; do
    dir="$base/$mode"
    rm -rf "$dir" && cp -r "$base/template" "$dir"
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
    dotnet restore "$dir/Bench.slnx" </dev/null >"$LOGS/restore-$files-$mode.log" 2>&1 || { say "restore failed for $mode (see $LOGS/restore-$files-$mode.log)"; exit 1; }
  done
}
# The main solution straight under $OUT ($OUT/template, $OUT/none, ...), the memory one under $OUT/mem-N.
prepare "$OUT" "$FILES" "${MODES[@]}"
if [ "$MEMORY_FILES" -gt 0 ]; then prepare "$MEM_BASE" "$MEMORY_FILES" none ours; fi

# ---- 3. builds ----------------------------------------------------------------------------------
HEADER='round\tmode\trc\twall_s\tcpu_s\tcsc_s\tmax_rss_kb\tall_analyzers_s\tours_s\tbannedapi_s\tmp_diagnostics\trs0030_diagnostics\n'
# build MODE ROUND [BASE RESULTS]: one measured build of BASE/MODE (default: the main solution); appends a row to RESULTS
build() {
  local mode=$1 round=$2 base=${3:-$OUT} results=${4:-$RESULTS} tag=main
  [ "$base" = "$OUT" ] || tag=$(basename "$base")
  local dir="$base/$mode" log="$LOGS/build-$tag-$round-$mode.log" timef="$LOGS/time-$tag-$round-$mode.txt"
  local t0 t1 rc
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$timef" dotnet build "$dir/Bench.slnx" --no-restore --no-incremental -c Release -m:1 -nodeReuse:false \
    -p:UseSharedCompilation=$([ "$SHARED" = 1 ] && echo true || echo false) -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary </dev/null >"$log" 2>&1
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
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode" "$rc" "$wall" "$cpu" "$csc" "$rss" "$all" "$ours" "$banned" "$mp" "$rs" >>"$results"
  printf '   %-5s round %-6s %-9s rc=%s wall=%7ss cpu=%7ss csc=%7ss rss=%7s KB analyzers=%7ss ours=%6ss bannedapi=%6ss MP=%s RS0030=%s\n' \
    "$tag" "$round" "$mode" "$rc" "$wall" "$cpu" "$csc" "$rss" "$all" "$ours" "$banned" "$mp" "$rs"
  if [ "$rc" -ne 0 ]; then
    say "   build failed: $log"; grep -E ' error ' "$log" | sort -u | head -n 5
  fi
  gzip -f "$log"
}

printf "$HEADER" >"$RESULTS"
[ "$SHARED" = 1 ] && dotnet build-server shutdown >/dev/null 2>&1
for w in $(seq 1 "$WARMUP"); do
  say "== warm-up $w of $WARMUP (not counted)"
  for mode in "${MODES[@]}"; do build "$mode" warmup; done
done
for r in $(seq 1 "$ROUNDS"); do
  say "== round $r of $ROUNDS"
  for mode in "${MODES[@]}"; do build "$mode" "$r"; done
done
if [ "$MEMORY_FILES" -gt 0 ]; then
  printf "$HEADER" >"$MEM_RESULTS"
  for r in $(seq 1 "$MEMORY_ROUNDS"); do
    say "== $MEMORY_FILES files, round $r of $MEMORY_ROUNDS (peak memory)"
    for mode in none ours; do build "$mode" "$r" "$MEM_BASE" "$MEM_RESULTS"; done
  done
fi

# ---- 4. what a keystroke costs ------------------------------------------------------------------
KEY_TYPICAL_MS=nan KEY_DELTA_MS=nan KEY_ANALYZER_MS=nan KEY_SDK_ANALYZER_MS=nan
if [ "$KEYSTROKE" -gt 0 ]; then
  say "== keystroke: the analyzer on one edited file within the $FILES-file compilation ($KEYSTROKE edits)"
  dotnet run -c Release --project tests/ModelPolicy.Benchmarks/Micro -- keystroke --solution "$OUT/template" --iterations "$KEYSTROKE" </dev/null >"$LOGS/keystroke.log" 2>&1 \
    || { say "   keystroke harness failed:"; tail -n 20 "$LOGS/keystroke.log"; }
  grep -E '^keystroke' "$LOGS/keystroke.log" | sed 's/^/   /'
  field() { grep -E "^keystroke $1=" "$LOGS/keystroke.log" | grep -oE " $2=[^ ]+" | cut -d= -f2; }
  KEY_TYPICAL_MS=$(field typical ours_ms); KEY_DELTA_MS=$(field typical delta_ms); KEY_ANALYZER_MS=$(field typical analyzer_ms)
  KEY_SDK_ANALYZER_MS=$(field sdk analyzer_ms)
  : "${KEY_TYPICAL_MS:=nan}" "${KEY_DELTA_MS:=nan}" "${KEY_ANALYZER_MS:=nan}" "${KEY_SDK_ANALYZER_MS:=nan}"
fi

# ---- 5. summary ---------------------------------------------------------------------------------
median() { # median MODE COLUMN [RESULTS]
  awk -F'\t' -v m="$1" -v c="$2" 'NR > 1 && $1 != "warmup" && $2 == m && $3 == 0 { print $c }' "${3:-$RESULTS}" | sort -g \
    | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "nan" || b == "nan" || b + 0 == 0) print "nan"; else printf "%.3f", a / b }'; }
mb() { awk -v k="$1" 'BEGIN { if (k == "nan") print "nan"; else printf "%.0f", k / 1024 }'; }

say ""
say "== medians over $ROUNDS rounds ($FILES files; $(grep -oE '[0-9]+ lines' "$LOGS/generate-$FILES.log"); logs and results.tsv in $OUT)"
printf '%-10s %8s %8s %8s %12s %14s %8s %12s %6s %7s\n' mode wall_s cpu_s csc_s peak_rss_MB all_analyzers_s ours_s bannedapi_s MP RS0030
for mode in "${MODES[@]}"; do
  printf '%-10s %8s %8s %8s %12s %14s %8s %12s %6s %7s\n' "$mode" "$(median "$mode" 4)" "$(median "$mode" 5)" "$(median "$mode" 6)" \
    "$(mb "$(median "$mode" 7)")" "$(median "$mode" 8)" "$(median "$mode" 9)" "$(median "$mode" 10)" \
    "$(median "$mode" 11)" "$(median "$mode" 12)"
done
MEM_RATIO=nan
if [ "$MEMORY_FILES" -gt 0 ]; then
  say ""
  say "== $MEMORY_FILES files, medians of $MEMORY_ROUNDS ($(grep -oE '[0-9]+ lines' "$LOGS/generate-$MEMORY_FILES.log"); $MEM_RESULTS)"
  printf '%-10s %8s %8s %12s %8s\n' mode wall_s cpu_s peak_rss_MB ours_s
  for mode in none ours; do
    printf '%-10s %8s %8s %12s %8s\n' "$mode" "$(median "$mode" 4 "$MEM_RESULTS")" "$(median "$mode" 5 "$MEM_RESULTS")" \
      "$(mb "$(median "$mode" 7 "$MEM_RESULTS")")" "$(median "$mode" 9 "$MEM_RESULTS")"
  done
  MEM_RATIO=$(ratio "$(median ours 7 "$MEM_RESULTS")" "$(median none 7 "$MEM_RESULTS")")
fi

OURS_T=$(median ours 9)
BANNED_T=nan
if has_mode bannedapi; then BANNED_T=$(median bannedapi 10); fi
[ "$SHARED" = 1 ] && dotnet build-server shutdown >/dev/null 2>&1
say ""
say "run took $(( ($(date +%s) - RUN_START) / 60 )) min; load now $(cut -d' ' -f1-3 /proc/loadavg)"
say "ratio analyzer_time same_compile_ours/bannedapi=$(ratio "$(median both 9)" "$(median both 10)") ours/bannedapi=$(ratio "$OURS_T" "$BANNED_T") ours/build=$(ratio "$OURS_T" "$(median ours 4)") ours/csc=$(ratio "$OURS_T" "$(median ours 6)") build_time ours/none=$(ratio "$(median ours 4)" "$(median none 4)") cpu_time ours/none=$(ratio "$(median ours 5)" "$(median none 5)") peak_rss_$FILES ours/none=$(ratio "$(median ours 7)" "$(median none 7)") peak_rss_$MEMORY_FILES ours/none=$MEM_RATIO keystroke_ms typical_file=$KEY_TYPICAL_MS ours_minus_empty=$KEY_DELTA_MS analyzer=$KEY_ANALYZER_MS sdk_file_analyzer=$KEY_SDK_ANALYZER_MS"
