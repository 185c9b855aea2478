"""Reference data every app maps to, in the six UN languages (see alliance/reference_data.py)."""

from django.db import migrations

from alliance import reference_data


def load(apps, schema_editor):
    reference_data.load(apps)


class Migration(migrations.Migration):
    dependencies = [("alliance", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
