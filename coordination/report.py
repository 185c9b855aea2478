"""The report to the ITU Council on inter-sectoral coordination (report kind ``coordination``),
in seed 004's frame: purpose, action required of Council, link with the strategic plan,
financial implications and references (front matter); then background, coordination within the
secretariat (ISC-TF), coordination among the members (ISCG) and the topic notes from the focal
points' annual reports. Computed for the year the period starts in."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, per_report, section

from . import selectors
from .models import Body, CallToAction, Topic

KIND = ReportKind.COORDINATION


@per_report
def _stats(year: int) -> dict:
    return selectors.coordination_stats(year=year)


def _body(kind: str) -> Body | None:
    return Body.objects.filter(kind=kind).order_by("acronym").first()


@section(kind=KIND, key="summary", order=10, title=_("Purpose"), template="coordination/report/purpose.html")
def purpose(period: Period) -> dict:
    return {"year": period.start.year}


@section(kind=KIND, key="action_required", order=12, title=_("Action required of Council"),
         template="coordination/report/action_required.html")
def action_required(period: Period) -> dict:
    return {}


@section(kind=KIND, key="references", order=14, title=_("References"),
         template="coordination/report/references.html")
def references(period: Period) -> dict:
    return {}


@section(kind=KIND, key="background", order=20, title=_("Background"),
         template="coordination/report/background.html")
def background(period: Period) -> dict:
    return {"secretariat_body": _body(Body.Kind.SECRETARIAT)}


@section(kind=KIND, key="isc_tf", order=30,
         title=_("Coordination within the secretariat: the Inter-Sectoral Coordination Task Force (ISC-TF)"),
         template="coordination/report/secretariat.html")
def secretariat(period: Period) -> dict:
    year = period.start.year
    stats = _stats(year)
    body = _body(Body.Kind.SECRETARIAT)
    return {
        "year": year,
        "body": body,
        "meetings": list(selectors.meetings_held_in(year=year).filter(body=body)) if body else [],
        "meetings_by_body": stats["meetings_by_body"],
        "topics": list(selectors.active_topics()),
        "topic_count": stats["active_topics"],
        "outcomes": list(selectors.outcomes_in(year=year)),
        "map_update": selectors.map_last_update(),
    }


@section(kind=KIND, key="iscg", order=40,
         title=_("Coordination among the members: the Inter-Sectoral Coordination Group (ISCG)"),
         template="coordination/report/membership.html")
def membership(period: Period) -> dict:
    year = period.start.year
    body = _body(Body.Kind.MEMBERSHIP)
    meetings = list(selectors.meetings_held_in(year=year).filter(body=body)) if body else []
    calls = (CallToAction.objects.filter(meeting__in=[m.pk for m in meetings]).select_related("topic")
             .order_by("meeting__held_on", "pk"))
    return {
        "year": year,
        "body": body,
        "meetings": meetings,
        "calls": list(calls),
        "vacancies": list(selectors.vacancies()),
        "new_topics": list(Topic.objects.filter(status=Topic.Status.PROPOSED).order_by("order", "name")),
    }


@section(kind=KIND, key="topic_notes", order=50, title=_("Topic notes from the focal points' annual reports"),
         template="coordination/report/topic_notes.html")
def topic_notes(period: Period) -> dict:
    year = period.start.year
    stats = _stats(year)
    return {
        "year": year,
        "reports": list(selectors.annual_reports_in(year=year)),
        "received": stats["annual_reports_received"],
        "expected": stats["annual_reports_expected"],
    }
