import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    local = ("alliance", "reports", "centres", "board", "dtlab", "partnerships")
    return {model._meta.label: model.objects.count() for model in apps.get_models()
            if model._meta.app_label in local}


def test_loading_the_demo_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = row_counts()
    call_command("load_demo", verbosity=0)
    assert row_counts() == first


def test_create_demo_staff_prints_the_password_once(settings, capsys, django_user_model):
    settings.DEBUG = True
    call_command("create_demo_staff")
    first = capsys.readouterr().out
    assert "password:" in first
    user = django_user_model.objects.get(username="staff")
    assert user.is_staff and user.groups.filter(name="BDT staff").exists()
    call_command("create_demo_staff")
    assert "password:" not in capsys.readouterr().out


def test_create_demo_staff_prints_a_login_for_each_role_of_the_demo(settings, capsys, django_user_model):
    from coordination.models import FocalPoint
    from partnerships.models import Pledger

    settings.DEBUG = True
    call_command("load_demo", verbosity=0)
    call_command("create_demo_staff")
    out = capsys.readouterr().out
    for username in ("staff", "approver", "evaluator", "lead-evaluator", "host", "pledger", "focal-point"):
        assert f"username: {username}\n" in out
        assert django_user_model.objects.get(username=username).has_usable_password()
    assert django_user_model.objects.get(username="approver").has_perm("reports.approve_report")
    assert not django_user_model.objects.get(username="staff").has_perm("reports.approve_report")
    assert django_user_model.objects.get(username="evaluator").has_perm("centres.evaluate_application")
    assert django_user_model.objects.get(username="lead-evaluator").has_perm("centres.lead_evaluation")
    assert not django_user_model.objects.get(username="staff").has_perm("centres.evaluate_application")
    assert Pledger.objects.order_by("pk").first().user.username == "pledger"
    assert FocalPoint.objects.filter(vacant=False).order_by("pk").first().user.username == "focal-point"
    call_command("create_demo_staff")
    assert "password:" not in capsys.readouterr().out
