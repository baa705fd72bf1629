# shellcheck shell=bash
# Code fixes on a project as users have them: tests/PackageSmoke/NoSettingsLibrary uses the real OpenAI,
# Azure.AI.OpenAI and Microsoft.Extensions.AI SDKs, hard-codes many model ids and endpoints, and has NO
# appsettings.json. ModelPolicy.Analyzers and ModelPolicy.Routing come from $FEED. Two copies:
#   (a) dotnet format analyzers ... --severity info   (MSBuildWorkspace: cannot add files)
#   (b) modelpolicy fix, the ModelPolicy.Cli tool installed from $FEED into a tool path
# For both: no exception, the fixed copy builds, at most 5 % of the MP0001/MP0003 remain, and every model id the
# build reported is in the appsettings.json the fix created. Sourced by .ci/run (see .ci/checks/README.md).

step "Code fixes without appsettings.json: tests/PackageSmoke/NoSettingsLibrary (dotnet format, modelpolicy fix)"
NSL_SOURCE="$ROOT/tests/PackageSmoke/NoSettingsLibrary"

nsl_copy() { # nsl_copy DIR: a clean copy with the run's nuget.config
  rm -rf "$1"
  cp -R "$NSL_SOURCE" "$1"
  rm -rf "$1/bin" "$1/obj" "$1/appsettings.json"
  consumer_nuget_config "$1"
}
nsl_build() { # nsl_build DIR LOG
  (cd "$1" && run_logged "$2" 15m dotnet build --no-incremental -p:TreatWarningsAsErrors=false -p:ModelPolicyVersion="$VERSION")
}
# MSBuild prints each warning twice (as it happens and in the summary): count distinct lines.
nsl_count() { grep -E "warning MP000[13]:" "$1" | sed 's/ \[.*//' | sort -u | wc -l; }
# The model ids the build reports (MP0001, MP0002, MP0005 name the id in quotes).
nsl_ids() { grep -oE "MP000[125]: [^']*'[^']+'" "$1" | sed -E "s/.*'([^']+)'/\1/" | sort -u; }
nsl_left() { grep -E "warning MP000[13]:" "$1" | sed 's/ (https[^)]*)//; s/ \[.*//; s#^.*/NoSettingsLibrary[^/]*/#    #' | sort -u; }
nsl_at_most_5_percent() { [ "$1" -gt 0 ] && [ $(( $2 * 100 )) -le $(( $1 * 5 )) ]; } # BEFORE AFTER
nsl_ids_in_settings() { # nsl_ids_in_settings APPSETTINGS IDS-FILE
  python3 - "$1" "$2" <<'EOF'
import json, sys
try:
    routes = json.load(open(sys.argv[1], encoding="utf-8-sig"))["ModelRoutes"]
except Exception as e:  # missing, not JSON, or no ModelRoutes
    print("  cannot read the routes of %s: %s" % (sys.argv[1], e))
    sys.exit(1)
models = {r.get("Model") for r in routes.values() if isinstance(r, dict)}
ids = [l.strip() for l in open(sys.argv[2]) if l.strip()]
missing = [i for i in ids if i not in models]
print("  %d route(s); %d of %d reported ids in it%s" % (len(routes), len(ids) - len(missing), len(ids), ("; missing: " + ", ".join(missing)) if missing else ""))
sys.exit(1 if missing or not ids else 0)
EOF
}

# --- before: one build of the untouched project --------------------------------------------------
NSL_A="$WORK/NoSettingsLibrary-format"
nsl_copy "$NSL_A"
NSL_BEFORE_LOG="$LOGS/nosettings-before.log"
nsl_build "$NSL_A" "$NSL_BEFORE_LOG"
check "NoSettingsLibrary builds before the fixes (no appsettings.json)" test $? -eq 0 -a ! -e "$NSL_A/appsettings.json"
NSL_BEFORE=$(nsl_count "$NSL_BEFORE_LOG")
nsl_ids "$NSL_BEFORE_LOG" > "$LOGS/nosettings-ids.txt"
say "MP0001/MP0003 before: $NSL_BEFORE; model ids reported: $(wc -l < "$LOGS/nosettings-ids.txt")"
check "the project has findings to fix (at least 20 MP0001/MP0003)" test "$NSL_BEFORE" -ge 20

# --- (a) dotnet format analyzers --------------------------------------------------------------------
NSL_FORMAT_LOG="$LOGS/nosettings-format.log"
(cd "$NSL_A" && run_logged "$NSL_FORMAT_LOG" 15m dotnet format analyzers NoSettingsLibrary.csproj \
  --diagnostics MP0001 MP0002 MP0003 MP0004 MP0005 --severity info -v diag)
NSL_FORMAT_RC=$?
[ "$NSL_FORMAT_RC" -eq 0 ] || show_tail "$NSL_FORMAT_LOG"
check "dotnet format analyzers exits 0 (exit $NSL_FORMAT_RC)" test "$NSL_FORMAT_RC" -eq 0
check "dotnet format: no exception" lacks "$NSL_FORMAT_LOG" "Unhandled exception|NotSupportedException|Failed to apply code fix"
check "dotnet format created appsettings.json" test -s "$NSL_A/appsettings.json"
NSL_A_LOG="$LOGS/nosettings-format-after.log"
nsl_build "$NSL_A" "$NSL_A_LOG"
NSL_A_RC=$?
[ "$NSL_A_RC" -eq 0 ] || grep -E ': error ' "$NSL_A_LOG" | sort -u | head -n 20
check "dotnet format: the fixed project builds" test "$NSL_A_RC" -eq 0
NSL_A_AFTER=$(nsl_count "$NSL_A_LOG")
say "dotnet format: MP0001/MP0003 before $NSL_BEFORE, after $NSL_A_AFTER"; nsl_left "$NSL_A_LOG"
check "dotnet format: at most 5 % of the MP0001/MP0003 remain ($NSL_A_AFTER of $NSL_BEFORE)" nsl_at_most_5_percent "$NSL_BEFORE" "$NSL_A_AFTER"
check "dotnet format: every reported model id is in the created appsettings.json" nsl_ids_in_settings "$NSL_A/appsettings.json" "$LOGS/nosettings-ids.txt"

# --- (b) modelpolicy fix, the tool as users install it -------------------------------------------
NSL_B="$WORK/NoSettingsLibrary-cli"
nsl_copy "$NSL_B"
NSL_TOOLS="$WORK/tools"
run_logged "$LOGS/nosettings-tool-install.log" 10m dotnet tool install ModelPolicy.Cli --version "$VERSION" \
  --tool-path "$NSL_TOOLS" --configfile "$NSL_B/nuget.config"
NSL_INSTALL_RC=$?
[ "$NSL_INSTALL_RC" -eq 0 ] || show_tail "$LOGS/nosettings-tool-install.log"
check "dotnet tool install ModelPolicy.Cli $VERSION from the feed into a tool path" test "$NSL_INSTALL_RC" -eq 0 -a -x "$NSL_TOOLS/modelpolicy"
(cd "$NSL_B" && run_logged "$LOGS/nosettings-restore.log" 10m dotnet restore -p:ModelPolicyVersion="$VERSION")
NSL_FIX_LOG="$LOGS/nosettings-fix.log"
(cd "$NSL_B" && run_logged "$NSL_FIX_LOG" 15m "$NSL_TOOLS/modelpolicy" fix NoSettingsLibrary.csproj -p ModelPolicyVersion="$VERSION")
NSL_FIX_RC=$?
grep -E '^modelpolicy fix|^(moved|files|every|[0-9]+ finding)|^  (changed|created|edited) ' "$NSL_FIX_LOG" | sed 's/^/  /'
# 0: everything fixed; 1: something was left, and it says what and why; anything else is a failure.
check "modelpolicy fix ran without an exception (exit $NSL_FIX_RC)" bash -c '[ "$1" -le 1 ] && ! grep -E -q "Unhandled exception|   at [A-Z][A-Za-z.]+\(" "$2"' _ "$NSL_FIX_RC" "$NSL_FIX_LOG"
check "modelpolicy fix created appsettings.json and says so" bash -c 'test -s "$1/appsettings.json" && grep -E -q "^  created +appsettings.json" "$2"' _ "$NSL_B" "$NSL_FIX_LOG"
NSL_B_LOG="$LOGS/nosettings-cli-after.log"
nsl_build "$NSL_B" "$NSL_B_LOG"
NSL_B_RC=$?
[ "$NSL_B_RC" -eq 0 ] || grep -E ': error ' "$NSL_B_LOG" | sort -u | head -n 20
check "modelpolicy fix: the fixed project builds" test "$NSL_B_RC" -eq 0
NSL_B_AFTER=$(nsl_count "$NSL_B_LOG")
say "modelpolicy fix: MP0001/MP0003 before $NSL_BEFORE, after $NSL_B_AFTER"; nsl_left "$NSL_B_LOG"
check "modelpolicy fix: at most 5 % of the MP0001/MP0003 remain ($NSL_B_AFTER of $NSL_BEFORE)" nsl_at_most_5_percent "$NSL_BEFORE" "$NSL_B_AFTER"
check "modelpolicy fix: every reported model id is in the created appsettings.json" nsl_ids_in_settings "$NSL_B/appsettings.json" "$LOGS/nosettings-ids.txt"
check "modelpolicy fix: exit 0 exactly when nothing is left" bash -c '{ [ "$1" -eq 0 ] && grep -q "^every finding was fixed" "$2"; } || { [ "$1" -eq 1 ] && grep -E -q "^[0-9]+ finding\(s\) were left" "$2"; }' _ "$NSL_FIX_RC" "$NSL_FIX_LOG"
step_done
