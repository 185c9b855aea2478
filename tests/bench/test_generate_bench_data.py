from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from centres.models import Application, Centre, CooperationAgreement
from dtlab.models import Playbook
from partnerships.models import AgreementStatus, Partner, PartnershipAgreement, Pledge, PledgeKind, Pledger

pytestmark = pytest.mark.django_db

SIZES = {"centres": 12, "agreements": 60, "pledges": 25, "playbooks": 4}


def _generate(*extra: str) -> None:
    call_command("generate_bench_data", *[f"--{name}={count}" for name, count in SIZES.items()], *extra,
                 stdout=None)


def _counts() -> dict[str, int]:
    return {
        "centres": Centre.objects.filter(slug__startswith="bench-").count(),
        "applications": Application.objects.filter(reference__startswith="BENCH-").count(),
        "agreements": PartnershipAgreement.objects.filter(reference__startswith="BENCH-").count(),
        "agreement_priorities": PartnershipAgreement.priorities.through.objects.filter(
            partnershipagreement__reference__startswith="BENCH-").count(),
        "partners": Partner.objects.filter(name__endswith="(bench, illustrative)").count(),
        "pledges": Pledge.objects.filter(title__endswith="(bench, illustrative)").count(),
        "pledge_areas": Pledge.action_areas.through.objects.filter(
            pledge__title__endswith="(bench, illustrative)").count(),
        "pledgers": Pledger.objects.filter(organisation__endswith="(bench, illustrative)").count(),
        "cooperation_agreements": CooperationAgreement.objects.filter(
            centre__slug__startswith="bench-").count(),
        "playbooks": Playbook.objects.filter(slug__startswith="bench-", status="published").count(),
    }


def test_generates_the_requested_numbers_of_rows():
    _generate()

    counts = _counts()
    assert counts["centres"] == counts["applications"] == 12
    assert counts["agreements"] == 60
    assert counts["pledges"] == 25
    assert counts["playbooks"] == 4
    assert 60 <= counts["agreement_priorities"] <= 120
    assert 25 <= counts["pledge_areas"] <= 50
    assert counts["partners"] >= 1 and counts["pledgers"] >= 1


def test_generated_rows_are_consistent_with_the_models_rules():
    _generate()

    agreements = PartnershipAgreement.objects.filter(reference__startswith="BENCH-")
    assert not agreements.exclude(status=AgreementStatus.DRAFT).filter(signed_on__isnull=True).exists()
    assert all(1 <= len(agreement.priorities.all()) <= 2
               for agreement in agreements.prefetch_related("priorities"))
    assert agreements.get(reference="BENCH-0000000").title == "Partnership agreement 0 (bench, illustrative)"
    pledges = Pledge.objects.filter(title__endswith="(bench, illustrative)")
    assert all(pledge.value_usd > Decimal(0) for pledge in pledges.filter(kind=PledgeKind.FINANCIAL))
    assert all(1 <= len(pledge.target_countries) <= 4 for pledge in pledges)
    for playbook in Playbook.objects.filter(slug__startswith="bench-"):
        playbook.full_clean()
    for centre in Centre.objects.filter(slug__startswith="bench-").select_related("application"):
        centre.full_clean(exclude=["application"])
        assert centre.application.organisation == centre.host_organisation
        assert centre.objectives.exists()


def test_a_second_run_refuses_without_reset_and_gives_the_same_counts_with_it():
    _generate()
    first = _counts()

    with pytest.raises(CommandError):
        _generate()
    _generate("--reset")

    assert _counts() == first


def test_reset_leaves_rows_that_are_not_bench_data():
    kept = Partner.objects.create(name="Real partner", kind="government")
    _generate()

    _generate("--reset")

    assert Partner.objects.filter(pk=kept.pk).exists()
    assert Partner.objects.exclude(name__endswith="(bench, illustrative)").count() == 1


def test_the_public_pages_show_the_generated_rows_at_once(client):
    """The rows go in without signals; the command bumps the content versions itself."""
    from django.urls import reverse

    explorer = reverse("partnerships:pledges")
    assert "No published pledge matches this selection." in client.get(explorer).content.decode()
    _generate()
    published = Pledge.objects.filter(status="published").count()
    assert published and client.get(explorer).context["paginator"].count == published
    assert "No published pledge matches" not in client.get(explorer).content.decode()


def test_one_kind_is_added_beside_the_others_without_a_reset():
    """A bench database made before playbooks were part of it gets them alone; a kind already
    there still refuses."""
    call_command("generate_bench_data", "--centres=0", "--agreements=6", "--pledges=0", "--playbooks=0",
                 stdout=None)

    call_command("generate_bench_data", "--centres=0", "--agreements=0", "--pledges=0", "--playbooks=3",
                 stdout=None)
    assert _counts()["playbooks"] == 3 and _counts()["agreements"] == 6
    with pytest.raises(CommandError):
        call_command("generate_bench_data", "--centres=0", "--agreements=0", "--pledges=0", "--playbooks=3",
                     stdout=None)


def test_a_generated_playbook_has_its_public_page(client):
    _generate()

    playbook = Playbook.objects.filter(slug__startswith="bench-").first()
    response = client.get(f"/en/dtlab/playbooks/{playbook.slug}/")
    assert response.status_code == 200
    assert playbook.title in response.content.decode()
