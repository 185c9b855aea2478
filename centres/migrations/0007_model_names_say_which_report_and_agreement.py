"""Model names that say which report and which agreement they are (#17): ProgressReport ->
CentreProgressReport, Agreement -> CooperationAgreement (partnerships and the TDAG have their own).
Django renames the tables and content types; the permissions keep their holders
(alliance.core.model_renames)."""

from django.conf import settings
from django.db import migrations

from alliance.core.model_renames import rename_permissions


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('centres', '0006_centre_messages_about_a_progress_report'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(
            old_name='ProgressReport',
            new_name='CentreProgressReport',
        ),
        migrations.RenameModel(
            old_name='Agreement',
            new_name='CooperationAgreement',
        ),
        migrations.RenameModel(
            old_name='HistoricalProgressReport',
            new_name='HistoricalCentreProgressReport',
        ),
        migrations.RenameModel(
            old_name='HistoricalAgreement',
            new_name='HistoricalCooperationAgreement',
        ),
        rename_permissions("centres", {"progressreport": "centreprogressreport",
                                       "agreement": "cooperationagreement"}),
    ]
