# Shared by scripts/backup.sh and scripts/restore.sh (sourced, not run): where the database and
# the media folder are, and how to find the PostgreSQL client tools.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATABASE_URL=${DATABASE_URL:-sqlite:///$ROOT/db.sqlite3}
MEDIA=${DJANGO_MEDIA_ROOT:-$ROOT/media}

# pg_tool NAME: the path of pg_dump/pg_restore: PG_BIN, the newest /usr/lib/postgresql/*/bin, PATH.
pg_tool() {
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  for dir in ${PG_BIN:-} $newest; do
    [ -x "$dir/$1" ] && { echo "$dir/$1"; return; }
  done
  command -v "$1" || { echo "$(basename "$0"): $1 not found (install postgresql-client or set PG_BIN)" >&2; exit 1; }
}

# sqlite_copy FROM TO: SQLite's online backup API, safe while the portal runs.
sqlite_copy() {
  python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' "$1" "$2"
}
