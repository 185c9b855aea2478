"""The centres' activity says whose it is (#17): Activity -> ActionPlanActivity, an activity of a
centre's action plan (the Board's workplan has its own). Django renames the table and the content
type; the permissions keep their holders (alliance.core.model_renames)."""

from django.conf import settings
from django.db import migrations

from alliance.core.model_renames import rename_permissions


class Migration(migrations.Migration):

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("centres", "0007_model_names_say_which_report_and_agreement"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Activity", new_name="ActionPlanActivity"),
        migrations.RenameModel(old_name="HistoricalActivity", new_name="HistoricalActionPlanActivity"),
        rename_permissions("centres", {"activity": "actionplanactivity"}),
    ]
