# The README's first quick-start command, as a new user runs it, and its opening example: every line of the
# README's first code block must be what `dotnet build samples/ModelPolicy.Samples.sln` prints (paths relative
# to samples/, without the help link).
step "README quick start: dotnet build samples/ModelPolicy.Samples.sln and the README's opening example"
README_BUILD="$LOGS/readme-samples.log"
run_logged "$README_BUILD" 15m dotnet build samples/ModelPolicy.Samples.sln --no-incremental
check "dotnet build samples/ModelPolicy.Samples.sln succeeds" test $? -eq 0
README_EXAMPLE="$WORK/readme-example.txt"
awk '/^```/{n++; next} n==1' README.md >"$README_EXAMPLE"
README_PRINTED="$WORK/readme-printed.txt"
grep -E ': (warning|error) MP[0-9]{4}:' "$README_BUILD" | sed -E 's# \[[^]]*\]$##; s# \(https://[^)]*\)$##; s#^.*/samples/##' | sort -u >"$README_PRINTED"
check "the README's opening example has lines" test -s "$README_EXAMPLE"
while IFS= read -r line; do
  [ -z "$line" ] && continue
  check "README example line is printed: ${line:0:90}…" grep -q -x -F -- "$line" "$README_PRINTED"
done <"$README_EXAMPLE"
step_done
