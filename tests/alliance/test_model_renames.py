"""The models renamed so that their names say which report or agreement they are (#17): in a database
that had them under their old names, the rows, the content types and the groups' permissions stay."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from alliance.reports.models import TDAGReport

BEFORE = [("centres", "0006_centre_messages_about_a_progress_report"),
          ("partnerships", "0011_pledge_follow_up_order"), ("reports", "0006_report_list_files")]
RENAMED = {("centres", "centreprogressreport"): "progressreport",
           ("centres", "historicalcentreprogressreport"): "historicalprogressreport",
           ("centres", "cooperationagreement"): "agreement",
           ("partnerships", "partnershipagreement"): "agreement",
           ("partnerships", "pledgeprogressreport"): "progressreport",
           ("reports", "tdagreport"): "progressreport"}


def _database_before_the_renames():
    """The tables, content types and permissions as they were: migrating back renames the tables
    and the permissions; the content types, renamed by ``migrate`` only, are set by hand."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    for (app_label, new), old in RENAMED.items():
        ContentType.objects.filter(app_label=app_label, model=new).update(model=old)
    ContentType.objects.clear_cache()
    return executor.loader.project_state(BEFORE).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_groups_keep_their_permissions_and_rows_their_tables_across_the_renames():
    try:
        apps = _database_before_the_renames()
        group = Group.objects.create(name="Centre desk")
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label__in=["centres", "reports"],
            codename__in=["change_progressreport", "view_historicalprogressreport"]))
        # A permission made under its new name meanwhile (a migrate interrupted after post_migrate)
        # gets the holders of the old one.
        agreements = ContentType.objects.get(app_label="partnerships", model="agreement")
        group.permissions.add(Permission.objects.get(content_type=agreements, codename="view_agreement"))
        Permission.objects.create(content_type=agreements, codename="view_partnershipagreement",
                                  name="Can view partnership agreement")
        apps.get_model("reports", "ProgressReport").objects.create(
            kind="alliance", period_start="2024-01-01", period_end="2024-12-31")

        call_command("migrate", verbosity=0)

        assert sorted(Group.objects.get(name="Centre desk").permissions.values_list(
            "content_type__app_label", "content_type__model", "codename")) == [
            ("centres", "centreprogressreport", "change_centreprogressreport"),
            ("centres", "historicalcentreprogressreport", "view_historicalcentreprogressreport"),
            ("partnerships", "partnershipagreement", "view_partnershipagreement"),
            ("reports", "tdagreport", "change_tdagreport"),
        ]
        old_names = [f"{action}_{old}" for old in set(RENAMED.values()) for action in ("add", "view")]
        renamed_apps = ["centres", "partnerships", "reports"]
        assert not Permission.objects.filter(content_type__app_label__in=renamed_apps,
                                             codename__in=old_names).exists()
        assert Permission.objects.filter(codename="view_partnershipagreement").count() == 1
        assert not ContentType.objects.filter(model__in=set(RENAMED.values())).exclude(
            app_label__in=["auth", "alliance", "board", "coordination", "dtlab"]).exists()
        assert TDAGReport.objects.filter(period_start="2024-01-01").count() == 1
    finally:
        call_command("migrate", verbosity=0)
