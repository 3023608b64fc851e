# Sourced by bench.sh (BENCH=scale): issue 11's national-scale benchmark and the load test, on a Patchwork
# for all of England (PATCHWORK_AREA=england) in a database of its own in the bench cluster.
#   1. Scale data: the national police.uk month uploaded through the app (as a data manager does), then
#      copied by SQL in the app's own event table as eleven more months (the month shifted; printed so), to
#      make calendar 2022: about 4.5 million events over all 32,844 English LSOAs.
#   2. p95 of: one crime type's rate per 1,000 for the year for all LSOAs (indicator values API), for one
#      district (within=Liverpool), and one zoom-12 boundary tile over Liverpool (tiles API); each against
#      the same figures from psql in one session (\timing, no process start), printed as ratios.
#   3. The load test: LOAD_CLIENTS (50) clients for LOAD_SECONDS (60) replaying an analyst's session
#      (scripts/lib/analyst-load.mjs): errors and p95.
# Uses bench.sh's cluster, ports and admin password; SCALE_REPEAT timed runs per figure (default 20).

# p95 of a list of numbers (one a line): the ceil(0.95 n)-th smallest
p95_of() { sort -n | awk '{ a[NR] = $1 } END { i = int(NR * 0.95); if (i < NR * 0.95) i++; printf "%.1f", a[i] }'; }

# p95 in ms of SCALE_REPEAT curl requests, by curl's own clock (no process start), after SCALE_WARMUP (20)
# untimed ones: a running service has served the path before (its code compiled by the JIT), as psql's
# statements below are timed after one untimed run
curl_p95() {
  for _ in $(seq 1 "${SCALE_WARMUP:-20}"); do curl -sf -o /dev/null "$@"; done
  for _ in $(seq 1 "$SCALE_REPEAT"); do
    curl -sf -o /dev/null -w '%{time_total}\n' "$@" | awk '{ printf "%.1f\n", $1 * 1000 }'
  done | p95_of
}

# p95 in ms of SCALE_REPEAT runs of one SQL statement in one psql session, by psql's \timing (one warm-up)
psql_p95() {
  local sql="$1" script
  script="\\o /dev/null"$'\n'"$sql;"$'\n'"\\timing on"
  for _ in $(seq 1 "$SCALE_REPEAT"); do script+=$'\n'"$sql;"; done
  "${SCALE_PSQL[@]}" <<< "$script" | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | p95_of
}

# Work per request, which the machine's other load does not change: the app's CPU time (utime + stime of its
# process, /proc) and the database's transactions and rows read (pg_stat_database; every statement outside a
# transaction is one) over SCALE_WORK_REPEAT (50) requests after as many warm-up requests (so the JIT has
# compiled the request's path, as in a running service), divided by the number of requests.
# The statistics are flushed by idle backends within about 10 s, hence the waits.
work_line() {   # label curl-args...
  local label="$1"; shift
  local n="${SCALE_WORK_REPEAT:-50}" tick before after
  tick=$(getconf CLK_TCK)
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null "$@"; done
  sleep 11
  before="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat") $("${SCALE_PSQL[@]}" -c "select xact_commit + xact_rollback, tup_returned, tup_fetched
    from pg_stat_database where datname = current_database()" | tr '|' ' ')"
  for _ in $(seq 1 "$n"); do curl -sf -o /dev/null "$@"; done
  sleep 11
  after="$(awk '{ print $14 + $15 }' "/proc/$APP_PID/stat") $("${SCALE_PSQL[@]}" -c "select xact_commit + xact_rollback, tup_returned, tup_fetched
    from pg_stat_database where datname = current_database()" | tr '|' ' ')"
  awk -v l="$label" -v n="$n" -v t="$tick" -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " ")
    printf "  %-44s app CPU %7.1f ms  DB transactions %6.1f  rows scanned %9.0f  rows fetched %8.0f  (per request, %d requests)\n",
      l, (y[1] - x[1]) * 1000 / t / n, (y[2] - x[2] - 1) / n, (y[3] - x[3]) / n, (y[4] - x[4]) / n, n }'
}

ratio_line() {   # label app_ms psql_ms aim_ms
  awk -v l="$1" -v a="$2" -v p="$3" -v aim="$4" 'BEGIN {
    r = (p > 0) ? a / p : 0
    printf "  %-44s app p95 %8.1f ms (aim < %s ms: %s)  psql p95 %8.1f ms  ratio %.2fx (aim <= 1.50x: %s)\n",
      l, a, aim, (a < aim ? "within" : "ABOVE"), p, r, (r <= 1.5 ? "within" : "ABOVE") }'
}

scale_benchmark() {
  SCALE_REPEAT="${SCALE_REPEAT:-20}"
  local port=$(( APP_PORT + 2 )) db=patchwork_scale log="$CLUSTER/scale.log" pid
  local base="http://localhost:$port"
  local data="${PATCHWORK_DATA_DIR:-$ROOT/../shared/data}"
  local zip="$data/crime/england-wales-street-2022-05.zip"
  pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PG_PORT" -U postgres -qAt -v ON_ERROR_STOP=1 \
    -c "create database $db owner patchwork_owner" >/dev/null
  pw_as_owner "$PG_BIN/psql" -h "$CLUSTER" -p "$PG_PORT" -U postgres -qAt -v ON_ERROR_STOP=1 -d "$db" \
    -c "create extension if not exists postgis" >/dev/null
  SCALE_PSQL=(psql "postgresql://patchwork_owner:patchwork_owner@127.0.0.1:$PG_PORT/$db" -qAt -v ON_ERROR_STOP=1)
  local PSQL=("${SCALE_PSQL[@]}")

  cp "${BENCH_JAR:-backend/target/patchwork.jar}" "$CLUSTER/scale-patchwork.jar"   # a rebuild meanwhile cannot pull the jar from under the app
  PATCHWORK_AREA=england java -Xmx1g -jar "$CLUSTER/scale-patchwork.jar" --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" > "$log" 2>&1 &
  pid=$!
  APP_PID=$pid   # stopped by bench.sh's cleanup
  echo "Scale benchmark: waiting for Patchwork to load the reference data of all of England ..."
  for _ in $(seq 1 1800); do
    curl -sf -u "admin:$PATCHWORK_ADMIN_PASSWORD" "$base/api/datasets" 2>/dev/null | grep -q '"imd2019-domains"' && break
    sleep 1
  done
  curl -sf -u "admin:$PATCHWORK_ADMIN_PASSWORD" "$base/api/datasets" | grep -q '"imd2019-domains"' \
    || { tail -50 "$log"; echo "Patchwork did not load England" >&2; exit 1; }

  # a police partner's data manager uploads the month; its analyst reads the figures (record level: its own data)
  "${PSQL[@]}" -c "insert into partner (name, kind) values ('Bench police', 'police') on conflict do nothing" > /dev/null
  local partner stamp dm analyst password="bench-password-123"
  partner=$("${PSQL[@]}" -c "select id from partner where name = 'Bench police'")
  stamp=$(date +%s); dm="bench.dm.$stamp"; analyst="bench.analyst.$stamp"
  for user in "$dm:data-manager" "$analyst:analyst"; do
    curl -sf "${ADMIN[@]}" -H 'Content-Type: application/json' -d "{\"username\":\"${user%%:*}\",\"displayName\":\"Bench\",
      \"partnerId\":$partner,\"role\":\"${user#*:}\",\"password\":\"$password\"}" "$base/api/admin/users" > /dev/null
  done

  local start end job state
  start=$(date +%s%N)
  job=$(curl -sf -u "$dm:$password" "${CSRF[@]}" -F "file=@$zip" \
    -F 'metadata={"title":"Street crime, England and Wales, 2022 (bench: May 2022 repeated)","theme":"crime","publishValidRows":true};type=application/json' \
    "$base/api/datasets" | sed -E 's/.*"job":"([^"]+)".*/\1/')
  while :; do
    state=$(curl -sf -u "$dm:$password" "$base/api/jobs/$job")
    case "$state" in *'"state":"succeeded"'*|*'"state":"failed"'*) break ;; esac
    sleep 1
  done
  end=$(date +%s%N)
  echo "$state" | grep -q '"state":"succeeded"' || { echo "The upload failed: $state" >&2; exit 1; }
  local dataset version upload_ms=$(( (end - start) / 1000000 ))
  dataset=$("${PSQL[@]}" -c "select id from dataset where title like 'Street crime, England and Wales, 2022%'")
  version=$("${PSQL[@]}" -c "select current_version_id from dataset where id = $dataset")

  # Eleven more months: the published May 2022 rows copied in the app's event table with month (and date, if
  # any) shifted by -4..+7 months and fresh record keys, in the same current version, so the app counts them
  # as published data. Not through the upload pipeline: that would take eleven times the upload above. The
  # event table's indexes (other than its keys) are dropped for the copy and made again after it, as a bulk
  # load does; each is rebuilt from its own definition.
  start=$(date +%s%N)
  "${PSQL[@]}" <<SQL
set jit = off;
set maintenance_work_mem = '256MB';
create temp table bench_may as select * from event where dataset_id = $dataset and version_id = $version;
alter table bench_may drop column id, drop column record_key;
create temp table bench_indexes as
  select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition from pg_index i
  where i.indrelid = 'event'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do \$\$ declare d record; begin
  for d in select name from bench_indexes loop execute 'drop index ' || d.name; end loop;
end \$\$;
do \$\$
declare shift integer; cols text;
begin
  select string_agg(quote_ident(attname), ', ' order by attnum) into cols from pg_attribute
  where attrelid = 'bench_may'::regclass and attnum > 0 and not attisdropped;
  foreach shift in array array[-4, -3, -2, -1, 1, 2, 3, 4, 5, 6, 7] loop
    execute format('insert into event (%s) select %s from bench_may', cols,
      replace(replace(cols, 'month', format('(month + interval %L)::date', shift || ' months')),
              'occurred_on', format('(occurred_on + interval %L)::date', shift || ' months')));
  end loop;
end \$\$;
do \$\$ declare d record; begin
  for d in select definition from bench_indexes loop execute d.definition; end loop;
end \$\$;
analyze event;
SQL
  end=$(date +%s%N)
  local copy_ms=$(( (end - start) / 1000000 ))
  local events lsoas category
  events=$("${PSQL[@]}" -c "select count(*) from event where dataset_id = $dataset and version_id = $version")
  lsoas=$("${PSQL[@]}" -c "select count(*) from area where level = 'lsoa'")
  category=$("${PSQL[@]}" -c "select category from event where dataset_id = $dataset group by category order by count(*) desc limit 1")

  local token id
  token=$(curl -sf -u "$analyst:$password" "${CSRF[@]}" -H 'Content-Type: application/json' -d '{"name":"bench","days":1}' \
    "$base/api/me/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  local BEARER=(-H "Authorization: Bearer $token")
  id=$(curl -sf "${BEARER[@]}" -H 'Content-Type: application/json' -d "{\"name\":\"$category per 1,000, 2022\",\"datasetId\":$dataset,
    \"measure\":\"rate-per-1000\",\"categories\":[\"$category\"],\"from\":\"2022-01\",\"to\":\"2022-12\",\"level\":\"lsoa\"}" \
    "$base/api/indicators" | sed -E 's/^\{"id":([0-9]+).*/\1/')

  echo
  echo "Scale benchmark (issue 11): PATCHWORK_AREA=england, $lsoas LSOAs"
  printf '  %-44s %8s ms (the national month, through the app)\n' "upload of May 2022 to published" "$upload_ms"
  printf '  %-44s %8s ms (SQL in the app'"'"'s event table: May 2022 shifted to Jan-Apr and Jun-Dec 2022)\n' "copy as 11 more months" "$copy_ms"
  printf '  %-44s %8s events (calendar 2022 = May 2022 x 12)\n' "events" "$events"
  echo "  indicator $id: '$category' per 1,000 residents, Jan-Dec 2022, by LSOA; p95 of $SCALE_REPEAT runs (app: after ${SCALE_WARMUP:-20} untimed requests; psql: after one)"

  local filter="e.dataset_id = $dataset and e.version_id = $version and e.category = '$category' and e.month between '2022-01-01' and '2022-12-01'"
  # the same figures from psql: every LSOA's count, population and rate, and the districts' (the comparators)
  local all_sql="with counts as (select e.lsoa_code, count(*) as n from event e where $filter group by e.lsoa_code),
    lsoas as (select h.lsoa_code, h.lad_code, coalesce(c.n, 0) as n, p.total from lsoa_hierarchy h
              join area a on a.level = 'lsoa' and a.code = h.lsoa_code
              left join counts c on c.lsoa_code = h.lsoa_code left join lsoa_population p on p.lsoa_code = h.lsoa_code)
    select lsoa_code, n, total, round(1000.0 * n / nullif(total, 0), 3) from lsoas
    union all select lad_code, sum(n), sum(total), round(1000.0 * sum(n) / nullif(sum(total), 0), 3) from lsoas group by lad_code"
  # one district: its LSOAs' counts, populations and rates, and the district's
  local district_sql="with lsoas as (select h.lsoa_code, coalesce(c.n, 0) as n, p.total from lsoa_hierarchy h
              join area a on a.level = 'lsoa' and a.code = h.lsoa_code
              left join lateral (select count(*) as n from event e where $filter and e.lsoa_code = h.lsoa_code) c on true
              left join lsoa_population p on p.lsoa_code = h.lsoa_code where h.lad_code = 'E08000012')
    select lsoa_code, n, total, round(1000.0 * n / nullif(total, 0), 3) from lsoas
    union all select 'E08000012', sum(n), sum(total), round(1000.0 * sum(n) / nullif(sum(total), 0), 3) from lsoas"
  # the tile: the app's own SQL (tiles/boundary_tile.sql) with its parameters written in
  local tile_sql
  tile_sql=$(sed -e '/^--/d' -e 's/{{lad_code}}/(select h.lad_code from lsoa_hierarchy h where h.lsoa_code = a.code)/' \
      -e 's/:z\b/12/g; s/:x\b/2013/g; s/:y\b/1326/g; s/:margin\b/0.015625/; s/:segment\b/1222.99245256/; s/:tolerance\b/1.19432857/' \
      -e "s/:buffer\b/64/; s/:level\b/'lsoa'/; s/:layer\b/'lsoa'/" backend/src/main/resources/sql/tiles/boundary_tile.sql)

  local n_all n_district tile_bytes
  n_all=$(curl -sf "${BEARER[@]}" "$base/api/indicators/$id/values" | grep -o '"code":"E01' | wc -l)
  n_district=$(curl -sf "${BEARER[@]}" "$base/api/indicators/$id/values?within=E08000012" | grep -o '"code":"E01' | wc -l)
  tile_bytes=$(curl -sf "${BEARER[@]}" "$base/ogc/collections/lsoa/tiles/WebMercatorQuad/12/1326/2013?f=mvt" | wc -c)
  ratio_line "rate, all $n_all LSOAs (values API)" "$(curl_p95 "${BEARER[@]}" "$base/api/indicators/$id/values")" \
    "$(psql_p95 "$all_sql")" 300
  ratio_line "rate, Liverpool's $n_district LSOAs (within=)" "$(curl_p95 "${BEARER[@]}" "$base/api/indicators/$id/values?within=E08000012")" \
    "$(psql_p95 "$district_sql")" 30
  ratio_line "boundary tile z12/1326/2013 ($tile_bytes bytes)" \
    "$(curl_p95 "${BEARER[@]}" "$base/ogc/collections/lsoa/tiles/WebMercatorQuad/12/1326/2013?f=mvt")" "$(psql_p95 "$tile_sql")" 25

  echo "  work per request (load-independent: app CPU time, database transactions and rows; SCALE_WORK=0 skips):"
  if [ "${SCALE_WORK:-1}" != 0 ]; then
    work_line "rate, all LSOAs (values API)" "${BEARER[@]}" "$base/api/indicators/$id/values"
    work_line "rate, Liverpool's LSOAs (within=)" "${BEARER[@]}" "$base/api/indicators/$id/values?within=E08000012"
    work_line "boundary tile z12/1326/2013" "${BEARER[@]}" "$base/ogc/collections/lsoa/tiles/WebMercatorQuad/12/1326/2013?f=mvt"
    work_line "LSOA profile (E01006512)" "${BEARER[@]}" "$base/api/areas/E01006512/profile"
    work_line "LSOA series (E01006512)" "${BEARER[@]}" "$base/api/indicators/$id/series?area=E01006512"
    work_line "indicator list" "${BEARER[@]}" "$base/api/indicators"
    work_line "district counts (the load test's)" "${BEARER[@]}" \
      "$base/api/datasets/$dataset/counts?level=district&category=$(printf %s "$category" | sed 's/ /%20/g')&from=2022-01&to=2022-12"
  fi
  [ "${LOAD_CLIENTS:-50}" = 0 ] && return 0   # LOAD_CLIENTS=0: no load test

  echo
  echo "Load test: ${LOAD_CLIENTS:-50} clients for ${LOAD_SECONDS:-60} s replaying an analyst's session (signed in through the login form)"
  node "$ROOT/scripts/lib/analyst-load.mjs" "$base" "$analyst" "$password" "$id" "$dataset" "$category" 2022-01 2022-12 \
    "${LOAD_CLIENTS:-50}" "${LOAD_SECONDS:-60}"
}
