# shellcheck shell=bash
# Sourced by .ci/run (see .ci/checks/README.md): ModelPolicy.Routing as a package beside Microsoft.Extensions.AI 10.11.
#   - the package's nuspec depends on Microsoft.Extensions.AI in every target-framework group;
#   - tests/PackageSmoke/RoutingConsumer (both namespaces imported, FailoverChatClient named) builds: no CS0104;
#   - the same consumer without its MEAI001 suppression fails with MEAI001 only (how MEAI001 reaches users);
#   - running it, the failover event names model, vendor and country, and a reload adding a CN route is refused.
step "ModelPolicy.Routing on Microsoft.Extensions.AI: tests/PackageSmoke/RoutingConsumer against the local feed"
ROUTING_NUPKG="$FEED/ModelPolicy.Routing.$VERSION.nupkg"
check "the feed has ModelPolicy.Routing.$VERSION.nupkg" test -f "$ROUTING_NUPKG"
check "ModelPolicy.Routing's nuspec depends on Microsoft.Extensions.AI in every target framework" python3 - "$ROUTING_NUPKG" <<'EOF'
import sys, zipfile, xml.etree.ElementTree as ET
with zipfile.ZipFile(sys.argv[1]) as z:
    nuspec = next(n for n in z.namelist() if n.endswith(".nuspec"))
    root = ET.fromstring(z.read(nuspec))
ns = {"n": root.tag.split("}")[0].strip("{")}
groups = root.findall(".//n:dependencies/n:group", ns)
ok = bool(groups)
for g in groups:
    ids = {d.get("id"): d.get("version") for d in g.findall("n:dependency", ns)}
    print("  %s: Microsoft.Extensions.AI %s" % (g.get("targetFramework"), ids.get("Microsoft.Extensions.AI", "MISSING")))
    ok = ok and "Microsoft.Extensions.AI" in ids
sys.exit(0 if ok else 1)
EOF

ROUTING_CONSUMER="$WORK/RoutingConsumer"
cp -R tests/PackageSmoke/RoutingConsumer "$ROUTING_CONSUMER"
rm -rf "$ROUTING_CONSUMER/bin" "$ROUTING_CONSUMER/obj"
consumer_nuget_config "$ROUTING_CONSUMER"
routing_consumer_build() { # routing_consumer_build LOG extra-properties...
  local log=$1; shift
  (cd "$ROUTING_CONSUMER" && run_logged "$log" 15m dotnet build --no-incremental -c Release \
    -p:ModelPolicyRoutingVersion="$VERSION" "$@")
}

R1="$LOGS/routing-consumer.log"
routing_consumer_build "$R1"
R1_RC=$?
[ "$R1_RC" -eq 0 ] || show_tail "$R1"
check "the consumer (using Microsoft.Extensions.AI + using ModelPolicy.Routing, naming FailoverChatClient) builds" test "$R1_RC" -eq 0
check "no CS0104 ambiguous reference" lacks "$R1" 'error CS0104'

R3="$LOGS/routing-consumer-run.log"
(cd "$ROUTING_CONSUMER" && run_logged "$R3" 5m dotnet run --no-build -c Release)
R3_RC=$?
say "run (exit $R3_RC):"; sed -E 's#(System\.Net\.Http\.HttpRequestException: 503 Service Unavailable).*#\1 ...#' "$R3" | sed 's/^/  /'
check "the consumer runs and its second answer still comes from mistral-large-latest (exit 0)" test "$R3_RC" -eq 0
check "the failover line names model, vendor and country of both backends" has "$R3" \
  "\\[4001\\] Model route 'chat': gpt-4o \\(OpenAI, US; provider openai\\) failed with System\\.Net\\.Http\\.HttpRequestException; failing over to mistral-large-latest \\(Mistral AI, FR; provider mistral\\)"
check "the reload adding deepseek-chat (DeepSeek, CN) is refused with event 4005" has "$R3" \
  "\\[4005\\] Changed configuration of 'ModelRoutes' refused \\(1 problems\\), the last good routes keep serving: .*'deepseek-chat' \\(vendor DeepSeek, origin CN\\)"
check "after the refused reload the answer still comes from mistral-large-latest, never from deepseek-chat" \
  bash -c 'grep -q -x "answer 2: from mistral-large-latest" "$1" && ! grep -q "from deepseek-chat" "$1"' _ "$R3"

# Last: this build fails, and leaves no program behind.
# -p:NoWarn on the command line replaces the project's NoWarn (NU1603;MEAI001) with NU1603 alone.
R2="$LOGS/routing-consumer-no-suppression.log"
routing_consumer_build "$R2" -p:NoWarn=NU1603
R2_RC=$?
say "without the MEAI001 suppression (exit $R2_RC):"
grep -E ': error [A-Z]+[0-9]+:' "$R2" | sed -E 's# \[[^]]*\]$##; s#^.*/RoutingConsumer/##; s# \(https://[^)]*\)##' | sort -u | sed 's/^/  /'
check "without it the build fails with error MEAI001 in MeaiNames.cs (MEAI's experimental names)" has "$R2" 'MeaiNames\.cs\([0-9]+,[0-9]+\): error MEAI001:'
check "... and with no other error (none in Program.cs, which uses only ModelPolicy.Routing's types)" lacks "$R2" ': error (CS[0-9]+|MEAI[0-9]+:.*Program\.cs)|Program\.cs\([0-9]+,[0-9]+\): error'

step_done
