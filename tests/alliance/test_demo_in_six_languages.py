"""The demo's reference data reads in the visitor's language, and no demo marker leaks into a
public page."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from board.models import BoardMember, ExpertiseArea
from centres.models import Call, Criterion, NetworkEvent
from dtlab.models import Service
from partnerships.demo import ILLUSTRATIVE, KIND_NAMES
from partnerships.models import Partner, PartnerKind

pytestmark = pytest.mark.django_db

LANGUAGES = ("ar", "zh-hans", "fr", "ru", "es")


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def _names(queryset, field: str = "name") -> dict[str, set[str]]:
    names = {}
    for language in ("en", *LANGUAGES):
        with translation.override(language):
            names[language] = {str(getattr(obj, field)) for obj in queryset.all()}
    return names


def test_reference_data_of_the_demo_has_a_value_in_each_language(demo, client):
    for queryset, field in ((Criterion.objects, "name"), (Criterion.objects, "description"),
                            (Call.objects, "name"), (ExpertiseArea.objects, "name"),
                            (Service.objects, "name"), (Service.objects, "description"),
                            (NetworkEvent.objects, "title"), (NetworkEvent.objects, "description")):
        names = _names(queryset, field)
        assert names["en"], (queryset.model, field)
        for language in LANGUAGES:
            assert not names[language] & names["en"] or names[language] == {"Innovation Café"}, (
                queryset.model, field, language)
    with translation.override("ar"):
        assert Criterion.objects.get(order=1).name == "التوافق مع الأهداف الاستراتيجية"
        page = client.get(reverse("centres:apply")).content.decode()
    assert "التوافق مع الأهداف الاستراتيجية" in page
    with translation.override("zh-hans"):
        assert str(ExpertiseArea.objects.get(slug="strategic-foresight")) == "战略预见"


def test_no_demo_marker_on_the_network_figures_page_and_no_code_built_label(demo, client):
    page = client.get(reverse("centres:figures")).content.decode()
    assert "seed 0" not in page and "(illustrative)." not in page
    titles = set(BoardMember.objects.values_list("title_en", flat=True))
    assert "Expert in SME development" in titles and not any("sme " in title for title in titles)
    with translation.override("zh-hans"):
        assert BoardMember.objects.get(slug="sofia-herrera").title == "中小企业发展专家"
    with translation.override("ar"):
        title = BoardMember.objects.get(slug="sofia-herrera").title
    assert title == "خبير في تنمية المنشآت الصغيرة والمتوسطة"


def test_a_demo_loaded_before_the_un_names_is_renamed_not_duplicated(db):
    former = f"{KIND_NAMES[PartnerKind.PRIVATE_SECTOR]}, Vietnam {ILLUSTRATIVE}"
    Partner.objects.create(name_en=former, kind=PartnerKind.PRIVATE_SECTOR, country="VN")
    call_command("load_demo", verbosity=0)
    assert not Partner.objects.filter(name_en=former).exists()
    assert Partner.objects.filter(name_en__contains="Viet Nam").count() == 1
    assert Partner.objects.count() == 73  # seed 002
