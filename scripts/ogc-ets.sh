#!/usr/bin/env bash
# Runs the OGC's own conformance suites (OGC API – Features Parts 1-2 and OGC API – Tiles Part 1) against a
# running Patchwork whose public tier is on (the suites cannot sign in), and prints each suite's totals.
#   scripts/ogc-ets.sh [LANDING_PAGE_URL] [OUT_DIR]      (default http://localhost:8080/ogc, a temporary directory)
#   PATCHWORK_ETS_DIR  where the suite jars and run-ets.sh are (default ../shared/tools/ogc-ets)
# Exit 1 if any test of either suite failed.
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ETS="${PATCHWORK_ETS_DIR:-$ROOT/../shared/tools/ogc-ets}"
IUT="${1:-http://localhost:8080/ogc}"
OUT="${2:-$(mktemp -d /tmp/patchwork-ets.XXXXXX)}"
[ -x "$ETS/run-ets.sh" ] || { echo "No OGC test suites at $ETS (set PATCHWORK_ETS_DIR)"; exit 2; }
failed=0

# The two suites are independent and mostly wait for the app: they run at the same time, and each prints
# its result when both are done.
mkdir -p "$OUT/features"
"$ETS/run-ets.sh" "$IUT" features "$OUT/features" > "$OUT/features/summary.txt" 2>&1 &
features_pid=$!

# The Tiles suite's core tests take the tiles to fetch as run properties, which run-ets.sh does not write:
# the zoom-12 tiles over central Liverpool (all hold LSOAs).
mkdir -p "$OUT/tiles"
cat > "$OUT/tiles/test-run-props.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<properties version="1.0">
  <entry key="iut">$IUT</entry>
  <entry key="noofcollections">-1</entry>
  <entry key="tilematrixsetdefinitionuri">http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad</entry>
  <entry key="urltemplatefortiles">$IUT/collections/lsoa/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?f=mvt</entry>
  <entry key="tilematrix">12</entry>
  <entry key="mintilerow">1325</entry>
  <entry key="maxtilerow">1326</entry>
  <entry key="mintilecol">2013</entry>
  <entry key="maxtilecol">2014</entry>
</properties>
XML
jar=$(ls "$ETS"/ets-ogcapi-tiles*-aio.jar | head -1)
java -Xmx1g -jar "$jar" -o "$OUT/tiles" -h true "$OUT/tiles/test-run-props.xml" > "$OUT/tiles/ets.log" 2>&1
wait "$features_pid" || failed=1
echo "OGC API – Features (Parts 1 and 2):"
cat "$OUT/features/summary.txt"
echo "OGC API – Tiles (Part 1):"
python3 - "$(find "$OUT/tiles" -name testng-results.xml | head -1)" <<'PY' || failed=1
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot()
ms = [m for m in r.iter('test-method') if m.get('is-config') != 'true']
fails = [m for m in ms if m.get('status') == 'FAIL']
for m in fails:
    msg = (m.findtext('exception/message') or '').strip().splitlines()
    print(f"FAILED {m.get('name')}: {msg[0][:200] if msg else ''}")
print(f"{sum(m.get('status') == 'PASS' for m in ms)} passed, {len(fails)} failed, {sum(m.get('status') == 'SKIP' for m in ms)} skipped")
sys.exit(1 if fails else 0)
PY
echo "Results in $OUT"
exit $failed
