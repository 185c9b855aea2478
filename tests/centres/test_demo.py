"""The demo data tells the seeds' story and loading it twice changes nothing."""

from centres import demo, selectors
from centres.models import Application, Centre, CentreHost, Score


def test_demo_figures_match_seeds_000_and_001_and_a_second_load_changes_nothing(db):
    demo.load(log=lambda message: None)
    counts = (Application.history.count(), Centre.history.count(), Score.history.count(),
              CentreHost.objects.count())
    demo.load(log=lambda message: None)
    assert (Application.history.count(), Centre.history.count(), Score.history.count(),
            CentreHost.objects.count()) == counts

    first, rolling = selectors.network_figures()
    assert first.call.code == "first-call-2023"
    figures = first.figures
    assert (figures.applications, figures.countries, figures.selected) == (44, 35, 17)
    assert (figures.agreements_signed, figures.design_finished, figures.removed) == (10, 10, 3)
    removed = Centre.objects.filter(status=Centre.Status.REMOVED)
    assert {c.removed_on.year for c in removed} == {2024}
    not_signed = Centre.objects.filter(application__call=first.call, agreements__isnull=True).exclude(
        status=Centre.Status.REMOVED)
    assert not_signed.count() == 4
    later = set(Centre.objects.filter(application__call=rolling.call)
                .values_list("host_organisation", flat=True))
    assert later == {"Department of Communications and Digital Technologies",
                     "Communications, Space and Technology Commission"}
    assert CentreHost.objects.get(user__username="host").user.has_usable_password() is False
    ranking = selectors.call_ranking(first.call)
    assert {r.application.status for r in ranking[:17]} == {Application.Status.SELECTED}
    assert all(r.total is not None for r in ranking)
    invented = Application.objects.filter(call=first.call).exclude(organisation__endswith="(illustrative)")
    assert not invented.exists()


def test_demo_loads_the_same_whatever_language_is_active(db):
    from django.utils import translation

    with translation.override("ar"):
        demo.load(log=lambda message: None)
    assert Centre.objects.filter(slug="communications-regulatory-authority-kenya").exists()
    assert Centre.objects.values("slug").distinct().count() == Centre.objects.count()


def test_the_states_the_demo_writes_directly_hold_the_models_rules(db):
    """The demo writes the dated lifecycle of the seeds without the services (see centres.demo):
    what it writes must still pass each model's validation and constraints."""
    demo.load(log=lambda message: None)

    for application in Application.objects.all():
        application.full_clean()
    for centre in Centre.objects.select_related("application"):
        centre.full_clean()
        assert centre.selected_on is not None
        dates = [d for d in (centre.selected_on, centre.design_finished_on, centre.operating_since) if d]
        assert dates == sorted(dates), centre
