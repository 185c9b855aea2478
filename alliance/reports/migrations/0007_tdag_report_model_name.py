"""The TDAG report's model says what it is (#17): ProgressReport -> TDAGReport (the centres' and the
pledges' progress reports have their own). Django renames the table, its index and the content
type; the permissions keep their holders (alliance.core.model_renames)."""

from django.conf import settings
from django.db import migrations

from alliance.core.model_renames import rename_permissions


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('reports', '0006_report_list_files'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(
            old_name='ProgressReport',
            new_name='TDAGReport',
        ),
        migrations.RenameIndex(
            model_name='tdagreport',
            new_name='reports_tda_kind_ecfe2e_idx',
            old_name='reports_pro_kind_5c7b87_idx',
        ),
        rename_permissions("reports", {"progressreport": "tdagreport"}),
    ]
