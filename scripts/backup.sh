#!/usr/bin/env bash
# Back up the portal: its database and its media folder (uploads and generated report PDFs).
#   scripts/backup.sh        # or `make backup`; prints the folder it wrote, backups/<UTC time>/
#
# DATABASE_URL names the database, as for the portal: PostgreSQL is dumped with `pg_dump -Fc`
# (database.dump); unset, the embedded SQLite file db.sqlite3 is copied with SQLite's online
# backup (db.sqlite3), safe while the portal runs. DJANGO_MEDIA_ROOT (default media/) is archived
# as media.tar.gz. BACKUP_DIR changes where backups go; PG_BIN where pg_dump is found (default:
# the newest /usr/lib/postgresql/*/bin, then PATH; it must be at least the server's version).
# The folder appears only once complete; SHA256SUMS lets scripts/restore.sh check it.
set -euo pipefail
source "$(dirname "$0")/backup-common.sh"
folder=${BACKUP_DIR:-$ROOT/backups}/$(date -u +%Y%m%dT%H%M%SZ)

[ -e "$folder" ] && { echo "backup: $folder exists already" >&2; exit 1; }
partial="$folder.partial"
trap 'rm -rf "$partial"' EXIT
mkdir -p "$partial"

case "$DATABASE_URL" in
  postgres://* | postgresql://* | pgsql://*)
    "$(pg_tool pg_dump)" --format=custom --file="$partial/database.dump" \
      --dbname="postgresql://${DATABASE_URL#*://}" ;;
  sqlite://*)
    database=${DATABASE_URL#sqlite:///}
    [ -f "$database" ] || { echo "backup: no SQLite database at $database" >&2; exit 1; }
    sqlite_copy "$database" "$partial/db.sqlite3" ;;
  *) echo "backup: DATABASE_URL must be PostgreSQL or SQLite" >&2; exit 1 ;;
esac

if [ -d "$MEDIA" ]; then
  tar -C "$MEDIA" -czf "$partial/media.tar.gz" .
else
  tar -czf "$partial/media.tar.gz" -T /dev/null
fi
(cd "$partial" && sha256sum -- * > SHA256SUMS)
mv "$partial" "$folder"
trap - EXIT
echo "$folder"
