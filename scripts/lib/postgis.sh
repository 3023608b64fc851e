# Shared by run.sh, test.sh and bench.sh: install prerequisites and run a project-local PostGIS cluster.
# Source it; it defines functions only.

PG_BIN=/usr/lib/postgresql/15/bin

# What Patchwork needs, as "file-or-command:debian-package" pairs.
BASE_REQUIREMENTS=(
  "java:openjdk-17-jdk-headless"
  "mvn:maven"
  "$PG_BIN/initdb:postgresql-15"
  "/usr/share/postgresql/15/extension/postgis.control:postgresql-15-postgis-3"
  "ogr2ogr:gdal-bin"
)
TEST_REQUIREMENTS=(
  "chromium:chromium"
  "chromedriver:chromium-driver"
  "node:nodejs"
)

# pw_require PAIR...: installs the Debian packages for whatever is missing, or, when not root,
# says exactly what to install and stops.
pw_require() {
  local missing=() pair thing package
  for pair in "$@"; do
    thing="${pair%%:*}" package="${pair#*:}"
    if [[ "$thing" == /* ]]; then [ -e "$thing" ] && continue; else command -v "$thing" >/dev/null 2>&1 && continue; fi
    [[ " ${missing[*]} " == *" $package "* ]] || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Patchwork needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Runs a command as the cluster's owner: postgres when we are root (initdb refuses root), else ourselves.
pw_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# pw_start_cluster DIR PORT: creates (first time) and starts a cluster listening on 127.0.0.1:PORT, with
# a database "patchwork" and PostGIS, owned by the role "patchwork_owner" that runs the migrations (Flyway),
# and a login role "patchwork" the application connects as: it may read and write the data but only insert
# into and read the audit trail (granted by the migrations). Both passwords are the role names.
pw_start_cluster() {
  local dir="$1" port="$2"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$dir" && chown postgres:postgres "$dir" && chmod 700 "$dir"
    if ! runuser -u postgres -- test -w "$dir"; then
      echo "The postgres user cannot reach $dir (a parent directory is not searchable)." >&2
      echo "Set PATCHWORK_PGDATA to a directory postgres can use, e.g. /var/tmp/patchwork-pgdata." >&2
      exit 1
    fi
  else
    mkdir -p "$dir" && chmod 700 "$dir"
  fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    pw_as_owner "$PG_BIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! pw_as_owner "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    pw_as_owner "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c work_mem=32MB -c max_connections=60" >/dev/null
  fi
  local psql=("$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt)
  local role
  for role in patchwork_owner patchwork; do
    if [ "$(pw_as_owner "${psql[@]}" -c "select 1 from pg_roles where rolname='$role'")" != "1" ]; then
      pw_as_owner "${psql[@]}" -c "create role $role login password '$role'"
    fi
  done
  if [ "$(pw_as_owner "${psql[@]}" -c "select 1 from pg_database where datname='patchwork'")" != "1" ]; then
    pw_as_owner "${psql[@]}" -c "create database patchwork owner patchwork_owner"
  elif [ "$(pw_as_owner "${psql[@]}" -c "select pg_get_userbyid(datdba) from pg_database where datname='patchwork'")" = "patchwork" ]; then
    # a database made before the roles were split: the owner role takes over every object
    pw_as_owner "${psql[@]}" -c "alter database patchwork owner to patchwork_owner"
    pw_as_owner "${psql[@]}" -d patchwork -c "reassign owned by patchwork to patchwork_owner"
  fi
  pw_as_owner "${psql[@]}" -d patchwork -c "create extension if not exists postgis"
  export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/patchwork"
  export SPRING_DATASOURCE_USERNAME=patchwork SPRING_DATASOURCE_PASSWORD=patchwork
  export SPRING_FLYWAY_USER=patchwork_owner SPRING_FLYWAY_PASSWORD=patchwork_owner
}

pw_stop_cluster() {
  local dir="$1"
  [ -f "$dir/postmaster.pid" ] && pw_as_owner "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

# Points the app at an existing database given as DATABASE_URL (postgres://user:pass@host:port/db or jdbc:...).
# Migrations use the same role unless SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD name an owner role.
pw_use_database_url() {
  local url="$1"
  case "$url" in
    jdbc:*) export SPRING_DATASOURCE_URL="$url" ;;
    postgres://*|postgresql://*)
      local rest="${url#*://}" creds="" hostpart
      if [[ "$rest" == *@* ]]; then creds="${rest%%@*}"; rest="${rest#*@}"; fi
      hostpart="${rest%%/*}"
      export SPRING_DATASOURCE_URL="jdbc:postgresql://$hostpart/${rest#*/}"
      if [ -n "$creds" ]; then
        export SPRING_DATASOURCE_USERNAME="${creds%%:*}"
        [[ "$creds" == *:* ]] && export SPRING_DATASOURCE_PASSWORD="${creds#*:}"
      fi ;;
    *) echo "DATABASE_URL must look like postgres://user:password@host:port/db or jdbc:postgresql://..." >&2; exit 1 ;;
  esac
}
