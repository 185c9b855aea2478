"""The admin's change lists at millions of rows (issue 22): the pledges' default order indexed,
and trigram indexes for the admin's search (``icontains`` is ``UPPER(col::text) LIKE UPPER('%term%')``
on PostgreSQL: a GIN ``gin_trgm_ops`` index on that expression answers it without reading the
table). PostgreSQL only; other databases (the embedded SQLite) keep scanning their small tables.
The search of related fields is turned into indexed lookups by
``alliance.core.pagination.VersionedAdminPaginationMixin.get_search_results``."""

from django.conf import settings
from django.db import migrations, models

LANGUAGES = ("ar", "zh_hans", "en", "fr", "ru", "es")

#: (table, column, index name): the columns of the agreements', partners', pledges' and
#: pledgers' search_fields (translated ones in each language).
TRIGRAM_INDEXES = [
    ("partnerships_agreement", "reference", "agreement_reference_trgm"),
    *(("partnerships_agreement", f"title_{code}", f"agreement_title_{code}_trgm") for code in LANGUAGES),
    *(("partnerships_partner", f"name_{code}", f"partner_name_{code}_trgm") for code in LANGUAGES),
    ("partnerships_partner", "acronym", "partner_acronym_trgm"),
    ("partnerships_pledge", "title", "pledge_title_trgm"),
    ("partnerships_pledge", "description", "pledge_description_trgm"),
    ("partnerships_pledger", "organisation", "pledger_organisation_trgm"),
]


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column, name in TRIGRAM_INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
                              f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)')


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, _column, name in TRIGRAM_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):

    dependencies = [
        ('partnerships', '0008_pledge_compilations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='pledge',
            index=models.Index(fields=['-submitted_at', '-id'], name='pledge_admin_list_order'),
        ),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
