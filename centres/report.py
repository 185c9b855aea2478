"""The centres section of the TDAG progress report on the Alliance (order 40)."""

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, section

from . import selectors


@section(kind=ReportKind.ALLIANCE, key="centres", order=40, title=_("Network of ITU Acceleration Centres"),
         template="centres/report/section.html")
def centres_section(period: Period) -> dict:
    rows = selectors.network_figures(until=period.end)
    trainings = list(selectors.trainings_between(period.start, period.end))
    participants = selectors.participants_by_training(trainings)
    for training in trainings:
        training.participants = participants.get(training.pk, 0)
    return {
        "calls": rows,
        "total": selectors.figures_total(rows),
        "lifecycle": selectors.lifecycle_counts(until=period.end),
        "not_signed": selectors.centres_without_agreement(until=period.end),
        "removals": list(selectors.removals_between(period.start, period.end)),
        "new_hosts": list(selectors.hosts_selected_between(period.start, period.end)),
        "trainings": trainings,
        "events": list(selectors.events_between(period.start, period.end)),
    }
