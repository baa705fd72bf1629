# shellcheck shell=bash
# Sourced by .ci/run after the packages are in $FEED (see .ci/checks/README.md).
# Issue 9 / docs/security.md: a regulated project cannot be switched off quietly. One small consumer per bypass
# route, each a copy of one regulated project (a model id the policy denies), all restored into the run's one
# packages folder; then the modelpolicy tool's --policy floor on a repository that relaxed its own policy.

step "Tamper: a regulated build cannot be switched off quietly (one consumer per route)"
TAMPER="$WORK/tamper"
mkdir -p "$TAMPER"

# tamper_consumer DIR: the regulated base project (denied_origins = CN, a DeepSeek model id in code).
tamper_consumer() {
  local dir=$1
  mkdir -p "$dir"
  printf '<Project />\n' >"$dir/Directory.Build.props"
  printf '<Project />\n' >"$dir/Directory.Build.targets"
  printf '<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n' >"$dir/Directory.Packages.props"
  cat >"$dir/Tamper.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <IsPackable>false</IsPackable>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ModelPolicy.Analyzers" Version="$VERSION" PrivateAssets="all" />
  </ItemGroup>
  <!--ROUTE-->
</Project>
EOF
  cat >"$dir/.editorconfig" <<'EOF'
root = true

[*.cs]
model_policy.profile = regulated
model_policy.denied_origins = CN
EOF
  cat >"$dir/Chat.cs" <<'EOF'
namespace Tamper
{
    public static class Chat
    {
        public const string Model = "deepseek-chat";

        public const string Endpoint = "https://api.deepseek.com/v1";
    }
}
EOF
  consumer_nuget_config "$dir"
}

# tamper_route NAME: a fresh copy of the base; the caller changes it, then tamper_build builds it.
tamper_route() {
  local dir="$TAMPER/$1"
  rm -rf "$dir"
  cp -R "$TAMPER/base" "$dir"
  rm -rf "$dir/bin" "$dir/obj"
  printf '%s' "$dir"
}
tamper_build() { # tamper_build NAME extra-args... ; sets TB_RC, TB_LOG
  TB_LOG="$LOGS/tamper-$1.log"
  local dir="$TAMPER/$1"; shift
  (cd "$dir" && run_logged "$TB_LOG" 10m dotnet build --no-incremental -c Release -p:TreatWarningsAsErrors=false "$@")
  TB_RC=$?
  say "  $(basename "$dir") (exit $TB_RC):"
  grep -E ': (warning|error) MP[0-9]{4}:' "$TB_LOG" | sed -E 's# \[[^]]*\]$##; s#^[^ :]*/tamper/[^/]*/##' | sort -u | cut -c1-260 | sed 's/^/    /'
}
tamper_route_set() { # tamper_route_set DIR <<< 'xml': put the MSBuild XML from stdin where <!--ROUTE--> is
  local xml
  xml=$(cat)
  python3 -c 'import sys; p, x = sys.argv[1], sys.argv[2]; t = open(p).read(); open(p, "w").write(t.replace("<!--ROUTE-->", x))' "$1/Tamper.csproj" "$xml"
}

tamper_consumer "$TAMPER/base"
# One restore into the run's packages folder; every route below reuses the package from it.
(cd "$TAMPER/base" && run_logged "$LOGS/tamper-restore.log" 10m dotnet restore)
check "tamper: the regulated base project restores from the local feed" test $? -eq 0

# 0. The base itself: the violation fails the build.
tamper_route regulated >/dev/null
tamper_build regulated
check "tamper/regulated: the build fails" test "$TB_RC" -ne 0
check "tamper/regulated: error MP0002 for deepseek-chat" has "$TB_LOG" "Chat\\.cs\\(5,[0-9]+\\): error MP0002: 'deepseek-chat'"

# 1. A ModelCatalog.txt line re-attributes deepseek-chat to a US vendor.
D=$(tamper_route catalog)
printf 'model laundered | vendor=OpenAI | match=deepseek-chat | weights=closed | kind=chat | source=https://example.com/x\n' >"$D/ModelCatalog.txt"
tamper_build catalog
check "tamper/catalog: the build fails" test "$TB_RC" -ne 0
check "tamper/catalog: error MP0011 at ModelCatalog.txt(1) naming deepseek-chat" has "$TB_LOG" "ModelCatalog\\.txt\\(1,[0-9]+\\): error MP0011: .*'deepseek-chat' from DeepSeek, CN"

# 2. dotnet_diagnostic.MP0002/MP0004.severity = none in .editorconfig.
D=$(tamper_route severity-none)
printf 'dotnet_diagnostic.MP0002.severity = none\ndotnet_diagnostic.MP0004.severity = none\n' >>"$D/.editorconfig"
tamper_build severity-none
check "tamper/severity-none: the build fails" test "$TB_RC" -ne 0
check "tamper/severity-none: error MP0012 at the .editorconfig line of MP0002" has "$TB_LOG" "\\.editorconfig\\(6,[0-9]+\\): error MP0012: 'dotnet_diagnostic\\.MP0002\\.severity = none'"

# 3. <NoWarn>MP0002;MP0004</NoWarn>.
D=$(tamper_route nowarn)
tamper_route_set "$D" <<'EOF'
<PropertyGroup><NoWarn>$(NoWarn);MP0002;MP0004</NoWarn></PropertyGroup>
EOF
tamper_build nowarn
check "tamper/nowarn: the build fails" test "$TB_RC" -ne 0
check "tamper/nowarn: error MP0012 names NoWarn and MP0002" has "$TB_LOG" "error MP0012: NoWarn turns off MP0002, MP0004"

# 4. dotnet_analyzer_diagnostic.category-ModelPolicy.severity = none.
D=$(tamper_route category)
printf 'dotnet_analyzer_diagnostic.category-ModelPolicy.severity = none\n' >>"$D/.editorconfig"
tamper_build category
check "tamper/category: the build fails" test "$TB_RC" -ne 0
check "tamper/category: error MP0012 names the category severity" has "$TB_LOG" "error MP0012: 'dotnet_analyzer_diagnostic\\.category-ModelPolicy\\.severity = none'"

# 5. <WarningsNotAsErrors>MP0002</WarningsNotAsErrors> with the severity lowered to warning.
D=$(tamper_route not-as-errors)
tamper_route_set "$D" <<'EOF'
<PropertyGroup><WarningsNotAsErrors>$(WarningsNotAsErrors);MP0002</WarningsNotAsErrors></PropertyGroup>
EOF
printf 'dotnet_diagnostic.MP0002.severity = warning\n' >>"$D/.editorconfig"
tamper_build not-as-errors
check "tamper/not-as-errors: the build fails" test "$TB_RC" -ne 0
check "tamper/not-as-errors: error MP0012 names WarningsNotAsErrors" has "$TB_LOG" "error MP0012: WarningsNotAsErrors keeps MP0002"

# 6. RunAnalyzers=false, 7. RunAnalyzersDuringBuild=false (on the command line).
tamper_route run-analyzers >/dev/null
tamper_build run-analyzers -p:RunAnalyzers=false
check "tamper/RunAnalyzers=false: the build fails" test "$TB_RC" -ne 0
check "tamper/RunAnalyzers=false: error MP0012 names RunAnalyzers" has "$TB_LOG" "error MP0012: RunAnalyzers=false turns the analyzers off"
tamper_route run-during-build >/dev/null
tamper_build run-during-build -p:RunAnalyzersDuringBuild=false
check "tamper/RunAnalyzersDuringBuild=false: the build fails" test "$TB_RC" -ne 0
check "tamper/RunAnalyzersDuringBuild=false: error MP0012 names it" has "$TB_LOG" "error MP0012: RunAnalyzersDuringBuild=false"

# 8. The analyzer taken out of @(Analyzer) (the package's analyzers are added by a target, so removal is a target too).
D=$(tamper_route analyzer-remove)
tamper_route_set "$D" <<'EOF'
<Target Name="DropModelPolicy" AfterTargets="ResolveLockFileAnalyzers" BeforeTargets="CoreCompile">
    <ItemGroup><Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'ModelPolicy.Analyzers.CSharp'" /></ItemGroup>
  </Target>
EOF
tamper_build analyzer-remove
check "tamper/Analyzer Remove: the build fails" test "$TB_RC" -ne 0
check "tamper/Analyzer Remove: error MP0012 says the analyzer is not among the analyzers" has "$TB_LOG" "error MP0012: the ModelPolicy analyzer \\(ModelPolicy\\.Analyzers\\.CSharp\\.dll\\) is not among the analyzers"

# 9. -p:ModelPolicyProfile=standard on a project whose .editorconfig says regulated: the strictest word wins.
tamper_route profile-standard >/dev/null
tamper_build profile-standard -p:ModelPolicyProfile=standard
check "tamper/-p:ModelPolicyProfile=standard: the build still fails" test "$TB_RC" -ne 0
check "tamper/-p:ModelPolicyProfile=standard: still error MP0002" has "$TB_LOG" "Chat\\.cs\\(5,[0-9]+\\): error MP0002: 'deepseek-chat'"

# 9b. -p:ModelPolicyProfile=standard overriding the project file's <ModelPolicyProfile>regulated</ModelPolicyProfile>.
D=$(tamper_route profile-override)
sed -i '/model_policy.profile = regulated/d' "$D/.editorconfig"
tamper_route_set "$D" <<'EOF'
<PropertyGroup><ModelPolicyProfile>regulated</ModelPolicyProfile></PropertyGroup>
EOF
tamper_build profile-override -p:ModelPolicyProfile=standard
check "tamper/-p:ModelPolicyProfile=standard over the project file's regulated: the build fails" test "$TB_RC" -ne 0
check "tamper/-p:ModelPolicyProfile=standard over the project file's regulated: error MP0012 names it" has "$TB_LOG" "error MP0012: ModelPolicyProfile=standard \\(a global property"

# 10. A nested .editorconfig with root = true that sets the regulated scope aside for its folder.
D=$(tamper_route nested-root)
mkdir -p "$D/Lab"
printf 'namespace Tamper.Lab { public static class Try { public const string Model = "qwen-max"; } }\n' >"$D/Lab/Try.cs"
printf 'root = true\n\n[*.cs]\nmodel_policy.denied_origins = none\n' >"$D/Lab/.editorconfig"
tamper_build nested-root
check "tamper/nested root = true: the build fails" test "$TB_RC" -ne 0
check "tamper/nested root = true: error MP0012 at the regulated declaration" has "$TB_LOG" "\\.editorconfig\\(4,[0-9]+\\): error MP0012: 'model_policy\\.profile = regulated .*is set aside"

# 11. A justified exception: the severities lowered with model_policy.enforcement_exception = <reason> build; the
#     inventory (modelpolicy inventory, below) records the exception as an MP0010 entry with its reason.
D=$(tamper_route exception)
printf 'dotnet_diagnostic.MP0002.severity = none\ndotnet_diagnostic.MP0004.severity = none\nmodel_policy.enforcement_exception = RISK-142: lab mirror, approved until 2027-03\n' >>"$D/.editorconfig"
tamper_build exception
check "tamper/exception: with a written reason the build succeeds" test "$TB_RC" -eq 0

# Standard projects: nothing new but the catalog-override warning.
D=$(tamper_route standard)
sed -i '/model_policy.profile = regulated/d' "$D/.editorconfig"
printf 'model laundered | vendor=OpenAI | match=deepseek-chat | weights=closed | kind=chat | source=https://example.com/x\n' >"$D/ModelCatalog.txt"
tamper_build standard
check "tamper/standard + catalog override: the build succeeds" test "$TB_RC" -eq 0
check "tamper/standard + catalog override: warning MP0011 at ModelCatalog.txt(1)" has "$TB_LOG" "ModelCatalog\\.txt\\(1,[0-9]+\\): warning MP0011:"
check "tamper/standard + catalog override: no MP0012, MP0013 or error" lacks "$TB_LOG" "MP0012|MP0013|: error "
D=$(tamper_route standard-plain)
sed -i '/model_policy.profile = regulated/d' "$D/.editorconfig"
printf 'dotnet_diagnostic.MP0004.severity = none\n' >>"$D/.editorconfig"
tamper_build standard-plain
check "tamper/standard: the build succeeds with warning MP0002 and nothing new" bash -c 'test "$1" -eq 0 && grep -E -q "warning MP0002:" "$2" && ! grep -E -q "MP001[123]" "$2"' _ "$TB_RC" "$TB_LOG"

# The CI gate: modelpolicy inventory --policy <org file> on a repository whose own .editorconfig sets denied_origins = none.
TOOLS="$TAMPER/tool"
mkdir -p "$TAMPER/tool-config"
consumer_nuget_config "$TAMPER/tool-config"
run_logged "$LOGS/tamper-tool-install.log" 10m dotnet tool install ModelPolicy.Cli --version "$VERSION" --tool-path "$TOOLS" --configfile "$TAMPER/tool-config/nuget.config"
check "tamper: the modelpolicy tool installs from the local feed" test $? -eq 0
D=$(tamper_route lax)
printf 'root = true\n\n[*.cs]\nmodel_policy.denied_origins = none\ndotnet_diagnostic.MP0002.severity = none\n' >"$D/.editorconfig"
printf '# Contoso: the organisation policy floor\n[*.cs]\nmodel_policy.denied_origins = CN, RU\n' >"$TAMPER/contoso.modelpolicy"
(cd "$D" && run_logged "$LOGS/tamper-lax-restore.log" 10m dotnet restore)
run_logged "$LOGS/tamper-inventory-policy.log" 10m "$TOOLS/modelpolicy" inventory "$D/Tamper.csproj" --policy "$TAMPER/contoso.modelpolicy" --fail-on violation -q
POLICY_RC=$?
run_logged "$LOGS/tamper-inventory-alone.log" 10m "$TOOLS/modelpolicy" inventory "$D/Tamper.csproj" --fail-on violation -q
ALONE_RC=$?
say "  modelpolicy inventory --policy (exit $POLICY_RC):"; grep -E 'MP00[0-9]{2}:' "$LOGS/tamper-inventory-policy.log" | cut -c1-260 | sed 's/^/    /'
check "tamper/--policy: the repository's own policy alone passes (exit $ALONE_RC)" test "$ALONE_RC" -eq 0
check "tamper/--policy: modelpolicy inventory --policy --fail-on violation exits 1 (violation, not 2)" test "$POLICY_RC" -eq 1
check "tamper/--policy: deepseek-chat is denied by the organisation policy" has "$LOGS/tamper-inventory-policy.log" "MP0002: 'deepseek-chat' .*is not allowed by the organisation policy \\(contoso\\.modelpolicy\\)"
check "tamper/--policy: the relaxation is reported at its key (MP0013)" has "$LOGS/tamper-inventory-policy.log" "MP0013: 'model_policy\\.denied_origins = none' relaxes the organisation policy"
run_logged "$LOGS/tamper-inventory-exception.log" 10m "$TOOLS/modelpolicy" inventory "$TAMPER/exception/Tamper.csproj" --format sarif --output "$TAMPER/exception/inventory.sarif" -q
check "tamper/exception: the inventory records the exception as an MP0010 entry with its reason" python3 - "$TAMPER/exception/inventory.sarif" <<'EOF'
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
def props(r):
    p = r.get("properties", {})
    return p.get("customProperties", p)
entries = [props(r) for r in results if r["ruleId"] == "MP0010" and props(r).get("Kind") == "enforcement-exception"]
print("  exception entries:", [(e.get("Value"), e.get("Justification")) for e in entries])
sys.exit(0 if len(entries) == 2 and all("RISK-142" in (e.get("Justification") or "") for e in entries) else 1)
EOF
step_done
