"""The table of the rate-limit counters when no Redis is configured (``alliance.core.cache``):
Django's database cache table, as ``createcachetable`` makes it, so every process shares them."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "alliance_ratelimit_cache"


def create_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):

    dependencies = [
        ("alliance", "0004_api_tokens_stored_as_hashes"),
    ]

    operations = [
        migrations.RunPython(create_table, drop_table),
    ]
