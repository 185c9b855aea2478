"""Model names that say which agreement and which progress report they are (#17): Agreement ->
PartnershipAgreement, ProgressReport -> PledgeProgressReport (the centres' and the TDAG's have
their own). Django renames the tables, the priorities' link table and its column
(agreement_id -> partnershipagreement_id), the content types; the history of the priorities
(simple_history's HistoricalAgreement_priorities) is renamed with its rows, and the permissions
keep their holders (alliance.core.model_renames)."""

from django.conf import settings
from django.db import migrations

from alliance.core.model_renames import rename_permissions


class Migration(migrations.Migration):

    dependencies = [
        ("alliance", "0005_ratelimit_counters_cache_table"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partnerships", "0011_pledge_follow_up_order"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameModel(old_name="Agreement", new_name="PartnershipAgreement"),
        migrations.RenameModel(old_name="HistoricalAgreement", new_name="HistoricalPartnershipAgreement"),
        migrations.RenameModel(old_name="HistoricalAgreement_priorities",
                               new_name="HistoricalPartnershipAgreement_priorities"),
        migrations.RenameField(model_name="historicalpartnershipagreement_priorities", old_name="agreement",
                               new_name="partnershipagreement"),
        migrations.AlterModelOptions(name="historicalpartnershipagreement_priorities",
                                     options={"verbose_name": "HistoricalPartnershipAgreement_priorities"}),
        migrations.RenameIndex(model_name="partnershipagreement", new_name="partnership_signed__17daae_idx",
                               old_name="partnership_signed__9fea76_idx"),
        migrations.RenameModel(old_name="ProgressReport", new_name="PledgeProgressReport"),
        migrations.RenameModel(old_name="HistoricalProgressReport", new_name="HistoricalPledgeProgressReport"),
        rename_permissions("partnerships", {"agreement": "partnershipagreement",
                                            "progressreport": "pledgeprogressreport",
                                            "agreement_priorities": "partnershipagreement_priorities"}),
    ]
