"""The pg_trgm extension, for the site search's name similarity (alliance/search.py).

Nothing happens on SQLite: the operation applies to PostgreSQL only.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("news", "0001_news_items")]

    operations = [TrigramExtension()]
