#!/usr/bin/env bash
# Re-runs one project's compile exactly as MSBuild ran it in a run of run-build-benchmark.sh, with a chosen set of
# analyzers: a step of the analyzer is measured in 10 s instead of a whole build (docs/performance.md, issue 10).
#   BENCH_OUT     the --out folder of a run-build-benchmark.sh run that built mode "both" (its logs hold csc's command line)
#   PROJECT       the project's name, e.g. Contoso.Services
#   MODE          none | ours | bannedapi | both
#   ANALYZER_DIR  optional: a folder with ModelPolicy.Analyzers.CSharp.dll, ModelPolicy.Analyzers.CSharp.CodeFixes.dll and
#                 ModelPolicy.Core.dll to use instead of the packed package's (a build of the step to measure)
#   ROUNDS        optional, default 3
#   RERUN_WRAP    optional environment variable: a command csc is run under, for a profile of the same compile, e.g.
#                 RERUN_WRAP="dotnet-trace collect --profile dotnet-sampled-thread-time -o svc.nettrace --"
# Prints one line per compile: wall seconds and the analyzer times csc's /reportanalyzer printed.
set -euo pipefail
[ $# -ge 3 ] || { echo "usage: $0 BENCH_OUT PROJECT MODE [ANALYZER_DIR] [ROUNDS]" >&2; exit 2; }
out=$(cd "$1" && pwd); project=$2; mode=$3; ours=${4:-}; rounds=${5:-3}
log=$(ls "$out"/logs/build-main-*-both.log* 2>/dev/null | head -n 1)
[ -n "$log" ] || { echo "no build log of mode both under $out/logs" >&2; exit 2; }
read_log() { case "$log" in *.gz) zcat "$log" ;; *) cat "$log" ;; esac; }
cmd=$(read_log | grep -E "^\s+/.*/Roslyn/bincore/csc .*/out:obj/Release/[^ ]*/$project\.dll" | head -n 1 | sed 's/^\s*//')
[ -n "$cmd" ] || { echo "no csc command line for $project in $log" >&2; exit 2; }
packed=$(grep -oE '/analyzer:[^ ]*/ModelPolicy\.Analyzers\.CSharp\.dll' <<<"$cmd" | head -n 1 | sed 's|^/analyzer:||; s|/ModelPolicy\.Analyzers\.CSharp\.dll$||')
[ -z "$ours" ] || cmd=${cmd//$packed/$(cd "$ours" && pwd)}
read -r -a words <<<"$cmd"
csc_dll="${words[0]%/csc}/csc.dll"
args=()
for w in "${words[@]:1}"; do
  case "$mode:$w" in
    none:/analyzer:*ModelPolicy* | bannedapi:/analyzer:*ModelPolicy*) continue ;;
    none:/analyzer:*BannedApi* | ours:/analyzer:*BannedApi*) continue ;;
  esac
  args+=("$w")
done
dir=$(find "$out/both" -name "$project.csproj" -not -path '*/obj/*' | head -n 1 | xargs dirname)
cd "$dir"
for r in $(seq 1 "$rounds"); do
  start=$(date +%s.%N)
  result=$(${RERUN_WRAP:-} dotnet exec "$csc_dll" "${args[@]}" 2>&1 || true)
  end=$(date +%s.%N)
  o=$(grep -E ' ModelPolicy\.Analyzers\.CSharp, Version' <<<"$result" | awk '{print $1}' | head -n 1 || true)
  b=$(grep -E 'CSharp\.BannedApiAnalyzers, Version' <<<"$result" | awk '{print $1}' | head -n 1 || true)
  printf 'round %s mode %s wall=%.2fs modelpolicy=%ss bannedapi=%ss MP=%s\n' "$r" "$mode" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')" \
    "${o:-0}" "${b:-0}" "$(grep -cE '(warning|error) MP0' <<<"$result" || true)"
done
