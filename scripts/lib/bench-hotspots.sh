# Sourced by bench.sh (BENCH=hotspots): issue 12's hotspot benchmarks, no app needed.
#   KDE: the Merseyside 2022 street crimes (every row with coordinates, moved to EPSG:27700 by ogr2ogr) through
#   hotspots.KernelDensity (quartic, events per km²) at the default bandwidth and cell size and at 50 m cells /
#   500 m bandwidth, against GRASS v.kernel kernel=quartic on the same points and grid (g.region set to the
#   app's grid): time ratio and the largest relative difference. GRASS's quartic is 3/(π r²)(1 − d²/r²)² per
#   map unit² (checked on one point), so multiplier=1e6 gives events per km², the app's unit.
#   Gi*: all 32,844 English LSOAs (national GeoPackage) with queen contiguity (SpatialWeights.queenContiguity,
#   shared vertices) and GiStar, on the national month's crimes per LSOA; reference: the same contiguity by a
#   PostGIS ST_Touches self-join in the bench cluster, timed, and the neighbour pairs compared.
hotspots_benchmark() {
  pw_require "grass:grass-core"
  local data="${PATCHWORK_DATA_DIR:-$ROOT/../shared/data}" dir="$CLUSTER/hotspots"
  local zip="$data/crime/merseyside-street-2022.zip" cp first entry
  mkdir -p "$dir"
  (cd "$ROOT" && mvn -B -q -o -pl backend dependency:build-classpath -Dmdep.outputFile="$dir/cp.txt" >/dev/null)
  cp="$ROOT/backend/target/classes:$ROOT/backend/target/test-classes:$(cat "$dir/cp.txt")"
  local HARNESS=(java -Xmx2g -cp "$cp" org.patchwork.hotspots.HotspotBench)

  first=$(unzip -Z1 "$zip" | grep 'street.csv$' | head -1)
  { unzip -p "$zip" "$first" | awk 'NR == 1'
    for entry in $(unzip -Z1 "$zip" | grep 'street.csv$'); do unzip -p "$zip" "$entry" | tail -n +2; done; } > "$dir/merged.csv"
  ogr2ogr -f CSV "$dir/points.csv" "$dir/merged.csv" -dialect sqlite -t_srs EPSG:27700 -lco GEOMETRY=AS_XY \
    -sql "select MakePoint(cast(Longitude as real), cast(Latitude as real), 4326) as geom from merged where Longitude <> '' and Latitude <> ''"
  local points=$(( $(wc -l < "$dir/points.csv") - 1 ))
  tail -n +2 "$dir/points.csv" | tr ',' '|' > "$dir/points.txt"

  local gisdb="$dir/grass"
  grass -c EPSG:27700 "$gisdb" -e > /dev/null 2>&1
  grass "$gisdb/PERMANENT" --exec v.in.ascii input="$dir/points.txt" output=crimes separator=pipe x=1 y=2 --quiet > /dev/null 2>&1

  echo
  echo "Hotspot benchmark (issue 12): KDE of the Merseyside 2022 street crimes ($points points), app vs $(grass --version 2>&1 | grep -o 'GRASS GIS [0-9.]*' | head -1) v.kernel"
  local label args line grid west north east south cols rows cell bw app_first app_ms grass_ms cmp
  local runs=("" "500 50")
  [ "${HOTSPOTS:-all}" = gistar ] && runs=()   # HOTSPOTS=gistar: only the Gi* part
  for args in "${runs[@]}"; do
    label=$([ -z "$args" ] && echo "default bandwidth and cell" || echo "500 m bandwidth, 50 m cells")
    # shellcheck disable=SC2086
    line=$("${HARNESS[@]}" kde "$dir/points.csv" "$dir/ours.f64" $args)
    read -r _ west north east south cols rows cell bw <<< "$(grep '^grid' <<< "$line")"
    app_first=$(grep '^points' <<< "$line" | awk '{ print $4 }'); app_ms=$(grep '^points' <<< "$line" | awk '{ print $6 }')
    cat > "$dir/kernel.sh" <<SH
g.region n=$north s=$south e=$east w=$west rows=$rows cols=$cols --quiet
start=\$(date +%s%N)
v.kernel input=crimes output=kde radius=$bw kernel=quartic multiplier=1000000 --overwrite --quiet
end=\$(date +%s%N)
echo "grass_ms \$(( (end - start) / 1000000 ))"
r.out.bin -f input=kde output=$dir/grass.f64 bytes=8 order=little --quiet
SH
    grass_ms=$(grass "$gisdb/PERMANENT" --exec bash "$dir/kernel.sh" 2>/dev/null | awk '/^grass_ms/ { print $2 }')
    cmp=$("${HARNESS[@]}" compare "$dir/ours.f64" "$dir/grass.f64" "$rows" "$cols")
    printf '  %s: bandwidth %.1f m, cell %.2f m, %s x %s cells\n' "$label" "$bw" "$cell" "$cols" "$rows"
    awk -v a="$app_ms" -v f="$app_first" -v g="$grass_ms" 'BEGIN {
      printf "    app KernelDensity %8.1f ms (median of 5; first run %.1f ms)  GRASS v.kernel %8d ms  ratio app / GRASS %.3fx (aim < 1: %s)\n",
        a, f, g, a / g, (a < g ? "within" : "ABOVE") }'
    echo "    $cmp (aim < 1e-6)"
  done

  # Gi*: the national LSOAs as WKT (their own longitude/latitude coordinates: contiguity needs no projection)
  ogr2ogr -f CSV "$dir/lsoa.csv" "$data/boundaries/national/england_lsoa11_bsc_wgs84.gpkg" lsoa11 -select lsoa11cd \
    -lco GEOMETRY=AS_WKT
  # put the code first, the WKT after it (ogr2ogr writes WKT first)
  awk -F',' 'NR == 1 { print "code,wkt"; next } { code = $NF; sub(/,[^,]*$/, ""); print code "," $0 }' "$dir/lsoa.csv" > "$dir/areas.csv"
  # values: each LSOA's crimes in the national month, from the police.uk LSOA code column
  { echo "code,value"; for entry in $(unzip -Z1 "$data/crime/england-wales-street-2022-05.zip" | grep 'street.csv$'); do
      unzip -p "$data/crime/england-wales-street-2022-05.zip" "$entry" | tail -n +2; done \
    | python3 -c "import csv,sys,collections; c=collections.Counter(r[7] for r in csv.reader(sys.stdin) if len(r) > 7 and r[7]); [print(f'{k},{v}') for k,v in c.items()]"; } > "$dir/values.csv"

  local PSQL=(psql "postgresql://patchwork_owner:patchwork_owner@127.0.0.1:$PG_PORT/patchwork" -qAt -v ON_ERROR_STOP=1)
  PGPASSWORD=patchwork_owner ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$PG_PORT dbname=patchwork user=patchwork_owner" \
    "$data/boundaries/national/england_lsoa11_bsc_wgs84.gpkg" lsoa11 -nln bench_gi_lsoa -nlt PROMOTE_TO_MULTI \
    -lco GEOMETRY_NAME=geom -overwrite
  local touches_ms
  touches_ms=$("${PSQL[@]}" <<'SQL' | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p'
set jit = off;
analyze bench_gi_lsoa;
\timing on
create table bench_gi_pairs as
select a.lsoa11cd as a, b.lsoa11cd as b from bench_gi_lsoa a join bench_gi_lsoa b
  on a.geom && b.geom and a.lsoa11cd < b.lsoa11cd and ST_Touches(a.geom, b.geom);
SQL
)
  "${PSQL[@]}" -c "\copy bench_gi_pairs to '$dir/pairs.csv' csv"
  "${PSQL[@]}" -c "drop table bench_gi_pairs; drop table bench_gi_lsoa"
  local gi
  gi=$("${HARNESS[@]}" gistar "$dir/areas.csv" "$dir/values.csv" "$dir/pairs.csv")
  echo
  echo "Hotspot benchmark (issue 12): Gi* over the English LSOAs, queen contiguity, crimes of May 2022 per LSOA"
  awk -v ms="$touches_ms" '
    /^areas/ { printf "  %d LSOAs, %d neighbour pairs: contiguity %.1f ms + Gi* %.1f ms = %.1f ms (aim < 1000 ms: %s); %d hot spots and %d cold spots at 99%%\n",
                 $2, $4, $6, $8, $10, ($10 < 1000 ? "within" : "ABOVE"), $12, $14; t = $10 }
    /^postgis/ { printf "  PostGIS ST_Touches self-join (reference): %.0f ms, %d pairs; %d the same, %d only by shared vertices, %d only by ST_Touches; ratio app / PostGIS %.3fx\n",
                 ms, $3, $5, $7, $9, t / ms }' <<< "$gi"
}
