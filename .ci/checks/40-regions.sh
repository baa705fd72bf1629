# Sourced by .ci/run after the packages are packed into $FEED (version $VERSION).
# Issue 11: three axes judged apart (model origin, endpoint operator's country, endpoint region).
#   1. a consumer with the issue's policy (denied_origins = foreign-adversaries, denied_endpoint_origins =
#      none, allowed_endpoint_regions = EU, unknown_endpoint_regions = deny), built against the package:
#      the expected MP0001/MP0002/MP0003/MP0004 on each line, the region in each MP0004 message;
#   2. the modelpolicy tool from the feed: two inventories of a small service, the second adding
#      qwen-max; `modelpolicy diff` exits 1 naming qwen-max and CN, 0 for a file against itself, 2 for a
#      file that is not an inventory.

step "Regions and country groups: the issue-11 policy in a consumer; modelpolicy diff"
REG="$WORK/regions"
mkdir -p "$REG/consumer/Eea" "$REG/service"

# A consumer that stands alone, as a user's project would (none of the repository's props or targets).
for dir in "$REG/consumer" "$REG/service"; do
  printf '<Project>\n</Project>\n' >"$dir/Directory.Build.props"
  printf '<Project>\n</Project>\n' >"$dir/Directory.Build.targets"
  printf '<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n' >"$dir/Directory.Packages.props"
  consumer_nuget_config "$dir"
done

cat >"$REG/consumer/Regions.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
    <NoWarn>\$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ModelPolicy.Analyzers" Version="$VERSION" PrivateAssets="all" />
    <PackageReference Include="OpenAI" Version="2.15.0" />
  </ItemGroup>
</Project>
EOF

cat >"$REG/consumer/.editorconfig" <<'EOF'
root = true

# The policy of issue 11: no model from a foreign adversary (15 CFR 791.4), whoever runs the host;
# prompts only to hosts in the EU, and none to a host whose region is unknown.
[*.cs]
model_policy.denied_origins = foreign-adversaries
model_policy.denied_endpoint_origins = none
model_policy.allowed_endpoint_regions = EU
model_policy.unknown_endpoint_regions = deny

# OpenAI's European region is the EEA and Switzerland: allowed where the policy says so.
[Eea/**.cs]
model_policy.allowed_endpoint_regions = EEA, CH
EOF

cat >"$REG/consumer/Clients.cs" <<'EOF'
using System;
using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace Regions
{
    public static class Clients
    {
        public static ChatClient Gpt(string key) => new ChatClient("gpt-4o", key);

        public static ChatClient Qwen(string key) => new ChatClient("qwen-max", new ApiKeyCredential(key));

        public static ChatClient GigaChat(string key) => new ChatClient("GigaChat-Pro", new ApiKeyCredential(key));

        public static OpenAIClientOptions Frankfurt() => new OpenAIClientOptions { Endpoint = new Uri("https://bedrock-runtime.eu-central-1.amazonaws.com/openai/v1") };

        public static OpenAIClientOptions Netherlands() => new OpenAIClientOptions { Endpoint = new Uri("https://europe-west4-aiplatform.googleapis.com/v1/projects/p/locations/europe-west4/endpoints/openapi") };

        public static OpenAIClientOptions Virginia() => new OpenAIClientOptions { Endpoint = new Uri("https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1") };

        public static OpenAIClientOptions Singapore() => new OpenAIClientOptions { Endpoint = new Uri("https://dashscope-intl.aliyuncs.com/compatible-mode/v1") };

        public static OpenAIClientOptions Mainland() => new OpenAIClientOptions { Endpoint = new Uri("https://dashscope.aliyuncs.com/compatible-mode/v1") };

        public static OpenAIClientOptions Global() => new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") };

        public static OpenAIClientOptions Europe() => new OpenAIClientOptions { Endpoint = new Uri("https://eu.api.openai.com/v1") };
    }
}
EOF

cat >"$REG/consumer/Eea/EeaClients.cs" <<'EOF'
using System;
using OpenAI;

namespace Regions.Eea
{
    public static class EeaClients
    {
        public static OpenAIClientOptions Europe() => new OpenAIClientOptions { Endpoint = new Uri("https://eu.api.openai.com/v1") };
    }
}
EOF

RL="$LOGS/regions-consumer.log"
(cd "$REG/consumer" && run_logged "$RL" 15m dotnet build --no-incremental -c Release -p:TreatWarningsAsErrors=false)
RL_RC=$?
say "issue-11 policy build (exit $RL_RC):"
grep -E ': (warning|error) MP[0-9]{4}:' "$RL" | sed -E 's# \[[^]]*\]$##; s# \(https://[^)]*\)##; s#^.*/consumer/##' | sort -u | sed 's/^/  /'
[ "$RL_RC" -eq 0 ] || show_tail "$RL"
check "issue-11 consumer builds" test "$RL_RC" -eq 0
check "no MP0008: the groups and the region keys are known" lacks "$RL" ' MP0008:'

at() { line_of "$REG/consumer/Clients.cs" "$1"; }   # the line of a text in Clients.cs
on() { # on TEXT RULE [REGEX]: the rule is reported on the line of TEXT, its message matching REGEX
  has "$RL" "/Clients\\.cs\\($(at "$1"),[0-9]+\\): warning $2: ${3:-}"
}
check "gpt-4o (OpenAI, US): MP0001" on '"gpt-4o"' MP0001
check "qwen-max (Alibaba, CN): MP0002 through the group" on '"qwen-max"' MP0002 ".*origin CN is denied by model_policy\\.denied_origins"
check "GigaChat-Pro (Sber, RU): MP0002 through the group" on '"GigaChat-Pro"' MP0002 ".*origin RU is denied by model_policy\\.denied_origins"
check "Bedrock Frankfurt (region DE): MP0003" on 'bedrock-runtime.eu-central-1' MP0003
check "Vertex europe-west4 (region NL): MP0003" on 'europe-west4-aiplatform' MP0003
check "Bedrock Virginia: MP0004, region US not in allowed_endpoint_regions" on 'bedrock-runtime.us-east-1' MP0004 ".*region US is not in model_policy\\.allowed_endpoint_regions"
check "DashScope Singapore: MP0004, region SG" on 'dashscope-intl.aliyuncs.com' MP0004 ".*region SG is not in model_policy\\.allowed_endpoint_regions"
check "DashScope mainland: MP0004, region CN" on '"https://dashscope.aliyuncs.com' MP0004 ".*region CN is not in model_policy\\.allowed_endpoint_regions"
check "api.openai.com: MP0004 as a host of unknown region" on '"https://api.openai.com' MP0004 ".*its processing region is unknown and model_policy\\.unknown_endpoint_regions is deny"
# OpenAI's European region is 'EEA + Switzerland' (OpenAI's data-residency guide), not the EU only.
check "eu.api.openai.com under allowed_endpoint_regions = EU: MP0004, region EEA+CH" on 'eu.api.openai.com' MP0004 ".*region EEA\\+CH includes IS, LI, NO, CH, not in model_policy\\.allowed_endpoint_regions"
check "eu.api.openai.com under allowed_endpoint_regions = EEA, CH: MP0003" has "$RL" "/Eea/EeaClients\\.cs\\([0-9]+,[0-9]+\\): warning MP0003: .*eu\\.api\\.openai\\.com"
# The description in the message names the region (ModelPolicy.Core EndpointDescription; needs the analyzer to call it).
check "MP0004 message describes the host as (Amazon, US, region US)" on 'bedrock-runtime.us-east-1' MP0004 "Endpoint 'bedrock-runtime\\.us-east-1\\.amazonaws\\.com' \\(Amazon, US, region US\\) is not allowed here: region US is not in model_policy\\.allowed_endpoint_regions"
check "MP0004 message describes DashScope Singapore as (Alibaba, CN, region SG)" on 'dashscope-intl.aliyuncs.com' MP0004 "Endpoint 'dashscope-intl\\.aliyuncs\\.com' \\(Alibaba, CN, region SG\\)"

# ---- modelpolicy diff on two inventories of a small service ----
TOOLS="$REG/tools"
(cd "$REG/service" && run_logged "$LOGS/regions-tool-install.log" 10m \
  dotnet tool install ModelPolicy.Cli --version "$VERSION" --tool-path "$TOOLS" --configfile "$REG/service/nuget.config")
check "dotnet tool install ModelPolicy.Cli $VERSION from the feed" test -x "$TOOLS/modelpolicy"

cat >"$REG/service/Service.csproj" <<'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
  </PropertyGroup>
</Project>
EOF
cat >"$REG/service/Chat.cs" <<'EOF'
namespace Service
{
    public static class Chat
    {
        public const string Model = "gpt-4o";
        public const string Endpoint = "https://bedrock-runtime.eu-central-1.amazonaws.com";
    }
}
EOF
(cd "$REG/service" && run_logged "$LOGS/regions-service-restore.log" 10m dotnet restore Service.csproj)
(cd "$REG/service" && run_logged "$LOGS/regions-inventory-base.log" 10m "$TOOLS/modelpolicy" inventory Service.csproj --format cyclonedx --output "$REG/base.cdx.json" --quiet)
check "modelpolicy inventory writes the base BOM" test -s "$REG/base.cdx.json"
cat >"$REG/service/Fallback.cs" <<'EOF'
namespace Service
{
    public static class Fallback
    {
        public const string Model = "qwen-max";
    }
}
EOF
(cd "$REG/service" && run_logged "$LOGS/regions-inventory-head.log" 10m "$TOOLS/modelpolicy" inventory Service.csproj --format cyclonedx --output "$REG/head.cdx.json" --quiet)
check "modelpolicy inventory writes the head BOM (qwen-max added)" test -s "$REG/head.cdx.json"

DIFF_LOG="$LOGS/regions-diff.log"
run_logged "$DIFF_LOG" 2m "$TOOLS/modelpolicy" diff "$REG/base.cdx.json" "$REG/head.cdx.json"
DIFF_RC=$?
sed 's/^/  /' "$DIFF_LOG"
check "modelpolicy diff base head exits 1 (new vendor and origin)" test "$DIFF_RC" -eq 1
check "the diff names qwen-max and CN" has "$DIFF_LOG" "\\+ qwen-max \\(Alibaba, CN\\)"
check "the diff fails on the new origin CN" has "$DIFF_LOG" "Result: fails --fail-on any: .*new model origin CN"
run_logged "$LOGS/regions-diff-same.log" 2m "$TOOLS/modelpolicy" diff "$REG/head.cdx.json" "$REG/head.cdx.json"
check "modelpolicy diff of a file against itself exits 0" test $? -eq 0
run_logged "$LOGS/regions-diff-none.log" 2m "$TOOLS/modelpolicy" diff "$REG/base.cdx.json" "$REG/head.cdx.json" --fail-on none --format markdown
check "--fail-on none --format markdown exits 0 with the Markdown table" bash -c 'test "$1" -eq 0 && grep -q -F "| Models | qwen-max (Alibaba, CN) |" "$2"' _ $? "$LOGS/regions-diff-none.log"
echo "not an inventory" >"$REG/notes.txt"
run_logged "$LOGS/regions-diff-bad.log" 2m "$TOOLS/modelpolicy" diff "$REG/notes.txt" "$REG/head.cdx.json"
check "a file that is not an inventory exits 2 naming itself" bash -c 'test "$1" -eq 2 && grep -q -F "$3: not an inventory" "$2"' _ $? "$LOGS/regions-diff-bad.log" "$REG/notes.txt"
step_done
