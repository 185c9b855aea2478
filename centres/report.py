"""The centres section of the TDAG progress report on the Alliance (order 40)."""

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, figures, per_report, section

from . import selectors


@section(kind=ReportKind.ALLIANCE, key="centres", order=40, title=_("Network of ITU Acceleration Centres"),
         template="centres/report/section.html")
def centres_section(period: Period) -> dict:
    rows = _network(period.end)
    trainings = list(selectors.trainings_between(period.start, period.end))
    participants = selectors.participants_by_training(trainings)
    for training in trainings:
        training.participants = participants.get(training.pk, 0)
    return {
        "calls": rows,
        "total": selectors.figures_total(rows),
        "lifecycle": selectors.lifecycle_counts_on(period.end),
        "not_signed": selectors.centres_without_agreement_on(period.end),
        "removals": list(selectors.removals_between(period.start, period.end)),
        "new_hosts": list(selectors.hosts_selected_between(period.start, period.end)),
        "trainings": trainings,
        "events": list(selectors.events_between(period.start, period.end)),
    }


@per_report
def _network(end) -> list:
    return selectors.network_figures(until=end)


@figures(kind=ReportKind.ALLIANCE)
def centres_figures(period: Period) -> dict:
    total = selectors.figures_total(_network(period.end))
    return {
        "applications": total.applications, "application_countries": total.countries,
        "centres_selected": total.selected, "centres_agreements_signed": total.agreements_signed,
        "centres_design_finished": total.design_finished, "centres_removed": total.removed,
        "centres_without_agreement": selectors.centres_without_agreement_on(period.end),
    }
