"""Settings for several machines, read by a fresh process from its environment."""

from tests.alliance.test_settings import KEY, read_settings


def test_database_connections_are_reused_and_checked_before_reuse():
    assert read_settings("DATABASES['default']['CONN_MAX_AGE']", "DATABASES['default']['CONN_HEALTH_CHECKS']",
                         DJANGO_SECRET_KEY=KEY, DATABASE_URL="postgres://u:p@db:5432/a") == ["60", "True"]


def test_behind_pgbouncer_in_transaction_pooling_no_cursor_outlives_a_transaction():
    pooled = read_settings("DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS')", DJANGO_SECRET_KEY=KEY,
                           DATABASE_URL="postgres://u:p@pgbouncer:5432/a", DJANGO_DB_TRANSACTION_POOLING="1")
    direct = read_settings("DATABASES['default'].get('DISABLE_SERVER_SIDE_CURSORS')", DJANGO_SECRET_KEY=KEY,
                           DATABASE_URL="postgres://u:p@postgres:5432/a")
    assert (pooled, direct) == (["True"], ["False"])


def test_a_bucket_name_puts_media_in_private_s3_storage():
    backend, bucket, endpoint, style = read_settings(
        "STORAGES['default']['BACKEND']", "STORAGES['default']['OPTIONS']['bucket_name']",
        "STORAGES['default']['OPTIONS']['endpoint_url']",
        "STORAGES['default']['OPTIONS']['addressing_style']",
        DJANGO_SECRET_KEY=KEY, AWS_STORAGE_BUCKET_NAME="alliance-media", AWS_S3_ENDPOINT_URL="http://minio:9000")
    assert (backend, bucket, endpoint, style) == (
        "alliance.core.storage.PortalS3Storage", "alliance-media", "http://minio:9000", "path")
    assert read_settings("STORAGES['default']['BACKEND']", DJANGO_SECRET_KEY=KEY) == [
        "alliance.core.media.CheckedTypeStorage"]


def test_logs_are_json_lines_in_production_and_text_in_development():
    assert read_settings("LOGGING['handlers']['console']['formatter']", DJANGO_SECRET_KEY=KEY) == ["json"]
    assert read_settings("LOGGING['handlers']['console']['formatter']", DJANGO_DEBUG="1") == ["text"]
