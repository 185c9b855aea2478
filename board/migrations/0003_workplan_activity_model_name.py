"""The Board's activity says whose it is (#17): Activity -> WorkplanActivity, an activity of the
Board's workplan (a centre's action plan has its own). Django renames the table and the content
type; the permissions keep their holders (alliance.core.model_renames)."""

from django.conf import settings
from django.db import migrations

from alliance.core.model_renames import rename_permissions


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("board", "0002_member_job_title_label"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Activity", new_name="WorkplanActivity"),
        migrations.RenameModel(old_name="HistoricalActivity", new_name="HistoricalWorkplanActivity"),
        rename_permissions("board", {"activity": "workplanactivity"}),
    ]
