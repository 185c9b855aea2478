"""The frame of the Alliance progress report (seed 000): summary, action required, references,
background and next steps. The Board, the centres and the DT Lab register their own sections
(orders 30, 40 and 50) in their ``report.py``.

The text follows seed 000 and goes through the message catalogs; the lists that the seed
states (strategic objectives, regional initiatives, the three vehicles) come from the data.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance.models import RegionalInitiative, StrategicObjective

from .registry import Period, ReportKind, narrative_sections, section


@section(kind=ReportKind.ALLIANCE, key="summary", order=10, title=_("Summary"),
         template="reports/report/alliance/summary.html")
def summary(period: Period) -> dict:
    return {"period": period}


@section(kind=ReportKind.ALLIANCE, key="action_required", order=12, title=_("Action required"),
         template="reports/report/action_required.html")
def action_required(period: Period) -> dict:
    return {}


@section(kind=ReportKind.ALLIANCE, key="references", order=14, title=_("References"),
         template="reports/report/alliance/references.html")
def references(period: Period) -> dict:
    codes = list(RegionalInitiative.objects.order_by("code").values_list("code", flat=True))
    return {"regional_initiatives": codes}


@section(kind=ReportKind.ALLIANCE, key="background", order=20, title=_("Background"),
         template="reports/report/alliance/background.html")
def background(period: Period) -> dict:
    objectives = list(StrategicObjective.objects.order_by("number"))
    return {"objectives": objectives, "objective_count": len(objectives)}


@section(kind=ReportKind.ALLIANCE, key="lessons_learned", order=60, title=_("Lessons learned"),
         template="reports/report/narrative.html")
def lessons_learned(period: Period) -> dict:
    return {}


@section(kind=ReportKind.ALLIANCE, key="challenges", order=70, title=_("Challenges"),
         template="reports/report/narrative.html")
def challenges(period: Period) -> dict:
    return {}


@section(kind=ReportKind.ALLIANCE, key="next_steps", order=90, title=_("Next steps"),
         template="reports/report/alliance/next_steps.html")
def next_steps(period: Period) -> dict:
    return {}


narrative_sections(kind=ReportKind.ALLIANCE, sections=[
    ("summary", _("Summary")),
    ("background", _("Background")),
    ("board", _("Digital Innovation Board")),
    ("centres", _("Network of ITU Acceleration Centres")),
    ("dtlab", _("Digital Transformation Lab")),
    ("lessons_learned", _("Lessons learned")),
    ("challenges", _("Challenges")),
    ("next_steps", _("Next steps")),
])
