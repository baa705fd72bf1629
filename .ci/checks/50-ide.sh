# shellcheck shell=bash
# Sourced by .ci/run after the packages are in $FEED (see README.md here).
# The IDE check: the packed analyzer in a real language server, csharp-ls 0.28.0 with analyzers on,
# driven by tests/IdeCheck/ide_check.py (an LSP client, python3 standard library only):
#   tests/PackageSmoke/IdeConsumer (the package from the feed, the real OpenAI SDK, model_policy.denied_origins = CN)
#   is copied and restored; csharp-ls (dotnet tool restore, tests/IdeCheck/dotnet-tools.json) opens Chat.cs;
#   MP0001, MP0002 and MP0004 must be on their lines on open; a typed GetChatClient("qwen-max") line must get
#   MP0002 within 3 s; the editor's list must hold no MP0010 inventory entry.
# Every wait is bounded (the session at 170 s, each command by run_logged); the server's process group is
# always killed by the client. Then the package's ModelPolicyInventory default is checked by evaluation, and a
# build with -p:ErrorLog must still write every MP0010 entry to its SARIF log.

step "IDE: csharp-ls 0.28.0 (analyzersEnabled) on tests/PackageSmoke/IdeConsumer"
IDE_DIR="$WORK/ide"
IDE_PROJ="$IDE_DIR/IdeConsumer"
mkdir -p "$IDE_DIR"
cp -R tests/PackageSmoke/IdeConsumer "$IDE_PROJ"
rm -rf "$IDE_PROJ/bin" "$IDE_PROJ/obj"
consumer_nuget_config "$IDE_PROJ"
(cd "$IDE_PROJ" && run_logged "$LOGS/ide-restore.log" 5m dotnet restore -p:ModelPolicyAnalyzersVersion="$VERSION")
IDE_RESTORE_RC=$?
[ "$IDE_RESTORE_RC" -eq 0 ] || show_tail "$LOGS/ide-restore.log" 20
check "IdeConsumer restores ModelPolicy.Analyzers $VERSION from the local feed (and OpenAI from the registry)" test "$IDE_RESTORE_RC" -eq 0
(cd tests/IdeCheck && run_logged "$LOGS/ide-tool-restore.log" 5m dotnet tool restore)
IDE_TOOL_RC=$?
[ "$IDE_TOOL_RC" -eq 0 ] || show_tail "$LOGS/ide-tool-restore.log" 20
check "dotnet tool restore installs csharp-ls 0.28.0 (tests/IdeCheck/dotnet-tools.json)" test "$IDE_TOOL_RC" -eq 0

IDE_RESULTS="$IDE_DIR/results.txt"
IDE_SESSION_RC=3
if [ "$IDE_RESTORE_RC" -eq 0 ] && [ "$IDE_TOOL_RC" -eq 0 ]; then
  IDE_T0=$(date +%s)
  run_logged "$LOGS/ide-session.log" 4m python3 tests/IdeCheck/ide_check.py --project "$IDE_PROJ" --file Chat.cs \
    --results "$IDE_RESULTS" --wire-log "$LOGS/ide-wire.log" --bound 3 --load-timeout 120 --deadline 170
  IDE_SESSION_RC=$?
  say "csharp-ls session (exit $IDE_SESSION_RC, $(( $(date +%s) - IDE_T0 )) s):"
  sed 's/^/  /' "$LOGS/ide-session.log"
fi
ide_value() { grep -E "^$1=" "$IDE_RESULTS" 2>/dev/null | head -n 1 | cut -d= -f2-; }
ide_on_line() { case ",$(ide_value "open_$1")," in *",$2,"*) return 0 ;; *) return 1 ;; esac; } # ide_on_line ID LINE
IDE_CHAT="$IDE_PROJ/Chat.cs"
IDE_GPT_LINE=$(line_of "$IDE_CHAT" '"gpt-4o"')
IDE_QWEN_LINE=$(line_of "$IDE_CHAT" '"qwen-max"')
IDE_DEEPSEEK_LINE=$(line_of "$IDE_CHAT" 'api.deepseek.com')
IDE_TYPED_S=$(ide_value typed_s)
IDE_OPEN_MP0010=$(ide_value open_MP0010)
IDE_AFTER_MP0010=$(ide_value after_MP0010)
check "csharp-ls answered and the session ended within its bounds" test "$IDE_SESSION_RC" -ne 3
check "on open: MP0001 on the gpt-4o line (Chat.cs:$IDE_GPT_LINE), after $(ide_value load_s) s" ide_on_line MP0001 "$IDE_GPT_LINE"
check "on open: MP0002 on the qwen-max line (Chat.cs:$IDE_QWEN_LINE)" ide_on_line MP0002 "$IDE_QWEN_LINE"
check "on open: MP0004 on the api.deepseek.com line (Chat.cs:$IDE_DEEPSEEK_LINE)" ide_on_line MP0004 "$IDE_DEEPSEEK_LINE"
check "typed GetChatClient(\"qwen-max\") at Chat.cs:$(ide_value typed_line): MP0002 within 3 s (took ${IDE_TYPED_S:-none} s)" \
  awk -v t="${IDE_TYPED_S:-none}" 'BEGIN { exit !(t != "none" && t != "" && t + 0 <= 3) }'
# No inventory entries in an editor session: needs the analyzer to report MP0010 only when
# build_property.ModelPolicyInventory is true (the package sets it only when the build writes ErrorLog).
check "no MP0010 inventory entry in the editor's list (on open: ${IDE_OPEN_MP0010:-?}, after the change: ${IDE_AFTER_MP0010:-?})" \
  test "${IDE_OPEN_MP0010:-x}" = 0 -a "${IDE_AFTER_MP0010:-x}" = 0

# The package's default, as MSBuild evaluates the restored consumer: no ErrorLog, no inventory; ErrorLog, inventory.
IDE_EVAL="$LOGS/ide-evaluation.json"
(cd "$IDE_PROJ" && run_logged "$IDE_EVAL" 3m dotnet msbuild IdeConsumer.csproj -p:ModelPolicyAnalyzersVersion="$VERSION" \
  -getProperty:ModelPolicyInventory -getProperty:ErrorLog -getItem:CompilerVisibleProperty)
check "package props make ModelPolicyInventory compiler-visible; unset without ErrorLog (what an IDE evaluates)" python3 - "$IDE_EVAL" <<'EOF'
import json, sys
data = json.load(open(sys.argv[1]))
visible = any(i["Identity"] == "ModelPolicyInventory" for i in data["Items"]["CompilerVisibleProperty"])
sys.exit(0 if visible and data["Properties"]["ModelPolicyInventory"] == "" else 1)
EOF
(cd "$IDE_PROJ" && run_logged "$LOGS/ide-evaluation-errorlog.txt" 3m dotnet msbuild IdeConsumer.csproj -p:ModelPolicyAnalyzersVersion="$VERSION" \
  -p:ErrorLog=inventory.sarif -getProperty:ModelPolicyInventory)
check "package targets set ModelPolicyInventory=true when the build writes a SARIF log (-p:ErrorLog=...)" \
  test "$(tail -n 1 "$LOGS/ide-evaluation-errorlog.txt" | tr -d '[:space:]')" = true
(cd "$IDE_PROJ" && run_logged "$LOGS/ide-evaluation-off.txt" 3m dotnet msbuild IdeConsumer.csproj -p:ModelPolicyAnalyzersVersion="$VERSION" \
  -p:ErrorLog=inventory.sarif -p:ModelPolicyInventory=false -getProperty:ModelPolicyInventory)
check "-p:ModelPolicyInventory=false wins over ErrorLog" test "$(tail -n 1 "$LOGS/ide-evaluation-off.txt" | tr -d '[:space:]')" = false
# And what that default gives: a build that writes a SARIF log holds one MP0010 entry per MP0001-MP0005 finding.
IDE_SARIF="$IDE_DIR/inventory.sarif"
(cd "$IDE_PROJ" && run_logged "$LOGS/ide-build-sarif.log" 10m dotnet build --no-incremental -p:TreatWarningsAsErrors=false \
  -p:ModelPolicyAnalyzersVersion="$VERSION" -p:ErrorLog="$IDE_SARIF")
check "dotnet build -p:ErrorLog=inventory.sarif: every MP0001-MP0005 finding has its MP0010 entry in the log" python3 - "$IDE_SARIF" <<'EOF'
import json, sys
try:
    runs = json.load(open(sys.argv[1], encoding="utf-8-sig"))["runs"]
except (OSError, ValueError, KeyError):
    sys.exit(1)
ids = [r.get("ruleId") for run in runs for r in run.get("results", [])]
findings = sum(1 for i in ids if i in ("MP0001", "MP0002", "MP0003", "MP0004", "MP0005"))
entries = ids.count("MP0010")
print("  SARIF: %d MP0001-MP0005 findings, %d MP0010 entries" % (findings, entries))
sys.exit(0 if findings >= 3 and entries >= findings else 1)
EOF
step_done
