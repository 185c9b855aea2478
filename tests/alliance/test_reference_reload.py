import pytest
from django.core.management import call_command
from django.utils import translation

from alliance import reference_data
from alliance.models import RegionalInitiative, StrategicObjective

pytestmark = pytest.mark.django_db


def test_load_demo_restores_reference_data_after_a_flush():
    RegionalInitiative.objects.all().delete()
    call_command("load_demo", verbosity=0)
    assert RegionalInitiative.objects.count() == 7


def test_reloading_reference_data_in_another_language_keeps_every_translation():
    with translation.override("fr"):
        reference_data.load()
    objective = StrategicObjective.objects.get(number=3)
    assert objective.name_fr == "Entrepreneuriat et croissance des PME"
    assert objective.name_en == "Entrepreneurship and SME growth"
