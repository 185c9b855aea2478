"""What a database holds, to compare a restored copy with its original.

    DATABASE_URL=... python -m tests.backup.inventory     # prints JSON

For every model of every app (many-to-many tables included): the row count and a SHA-256 of all
its rows ordered by primary key; on PostgreSQL also where each sequence stands, so that a restored
database hands out new ids after the old ones.
"""

from __future__ import annotations

import hashlib
import json


def inventory() -> dict:
    from django.apps import apps
    from django.db import connection

    models = {}
    for model in apps.get_models(include_auto_created=True):
        rows = list(model._base_manager.order_by("pk").values_list())
        digest = hashlib.sha256(repr(rows).encode()).hexdigest()
        models[model._meta.label] = {"count": len(rows), "sha256": digest}
    sequences = {}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")
            sequences = dict(cursor.fetchall())
    return {"models": models, "sequences": sequences}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(inventory(), sort_keys=True))
