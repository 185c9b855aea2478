#!/usr/bin/env bash
# Restore a backup of scripts/backup.sh into the database and media folder the portal uses.
#   scripts/restore.sh backups/<UTC time>     # or `make restore BACKUP=backups/<UTC time>`
#
# Stop the portal, its workers and beat first. The database of DATABASE_URL must exist (an empty
# one is fine: `createdb`); its objects that the backup holds are replaced (`pg_restore --clean
# --if-exists --no-owner`, in one transaction: all or nothing). With no DATABASE_URL the SQLite
# file db.sqlite3 is replaced. The media archive is unpacked into DJANGO_MEDIA_ROOT (default
# media/), over what is there. PG_BIN as for scripts/backup.sh.
set -euo pipefail
source "$(dirname "$0")/backup-common.sh"
folder=${1:?usage: scripts/restore.sh BACKUP_FOLDER}

[ -f "$folder/SHA256SUMS" ] || { echo "restore: $folder is not a complete backup" >&2; exit 1; }
(cd "$folder" && sha256sum --check --quiet SHA256SUMS) \
  || { echo "restore: $folder is damaged (checksums differ)" >&2; exit 1; }

case "$DATABASE_URL" in
  postgres://* | postgresql://* | pgsql://*)
    [ -f "$folder/database.dump" ] || { echo "restore: $folder holds no PostgreSQL dump" >&2; exit 1; }
    "$(pg_tool pg_restore)" --clean --if-exists --no-owner --no-acl --single-transaction \
      --dbname="postgresql://${DATABASE_URL#*://}" "$folder/database.dump" ;;
  sqlite://*)
    [ -f "$folder/db.sqlite3" ] || { echo "restore: $folder holds no SQLite database" >&2; exit 1; }
    sqlite_copy "$folder/db.sqlite3" "${DATABASE_URL#sqlite:///}" ;;
  *) echo "restore: DATABASE_URL must be PostgreSQL or SQLite" >&2; exit 1 ;;
esac

mkdir -p "$MEDIA"
tar -C "$MEDIA" -xzf "$folder/media.tar.gz"
echo "restored $folder"
