"""Demo: one published TDAG report of each kind for 2024 (English), so /en/documents/ has content.

Each is written, submitted, approved by a second person and published through the services,
and generated in-process (the task's body), as the embedded default runs tasks. A second run
finds them published and changes nothing.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from alliance.core.roles import BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP, bdt_staff_group_sync

from . import services
from .models import TDAGReport, Workflow
from .registry import ReportKind

PERIOD = {"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)}

# From seeds 000, 002 and 003; the figures are quoted by placeholder, so they match the tables.
NARRATIVES = {
    ReportKind.ALLIANCE: ("TDAG-25/12", {
        "summary": "This document updates TDAG on the Innovation and Entrepreneurship Alliance for Digital "
                   "Development and its three vehicles in 2024.",
        "centres": "By the end of 2024, {centres_selected} hosts had been selected and "
                   "{centres_agreements_signed} had signed their cooperation agreement.",
        "lessons_learned": "Innovation comes from experiments: BDT adjusts its strategy and tactics with "
                           "the lessons learned from the three vehicles.",
        "challenges": "Centres raised the difficulty of securing funding, recruiting skilled staff and "
                      "building sustainable ecosystems adapted to each country.",
        "next_steps": "BDT will continue to put the vehicles of the Alliance into operation and to "
                      "mobilize resources.\n\nTDAG is invited to take note of this document.",
    }),
    ReportKind.PARTNERSHIPS: ("TDAG-25/13", {
        "summary": "In {year}, BDT signed {agreements} partnership agreements with {partners} partners.",
        "impact": "The impact of BDT's work with its partners is told as impact stories.",
        "next_steps": "BDT will continue to develop and strengthen its partnerships with a wide range of "
                      "stakeholders.",
    }),
    ReportKind.P2C: ("TDAG-25/14", {
        "summary": "{pledges} pledges by {pledgers} pledgers had been published by the end of 2024.",
        "background": "The Partner2Connect Digital Coalition was created in September 2021 with the support "
                      "of the Office of the UN Secretary-General's Envoy on Technology.",
        "roundtable": "The P2C Roundtable at WTDC-22 (7-9 June 2022) gathered high-level commitments for "
                      "meaningful connectivity in LDCs, LLDCs and SIDS.",
        "next_steps": "Pledgers report their progress periodically; ITU compiles it for TDAG.",
    }),
}


def _demo_user(username: str, *groups: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "email": f"{username}@itu.example"})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(*Group.objects.filter(name__in=groups))
    return user


def load(*, log) -> None:
    # The groups and their permissions, whatever emptied the tables since the last migrate.
    bdt_staff_group_sync()
    author = _demo_user("demo-report-author", BDT_STAFF_GROUP)
    approver = _demo_user("demo-report-approver", BDT_STAFF_GROUP, REPORT_APPROVERS_GROUP)
    for kind, (symbol, narrative) in NARRATIVES.items():
        published = TDAGReport.objects.filter(kind=kind, language="en", workflow=Workflow.PUBLISHED,
                                                  **PERIOD)
        if published.exists():
            continue
        report = services.report_request(kind=kind, language="en", by=author, **PERIOD)
        report = services.report_narrative_update(report=report, narrative=narrative, by=author)
        report = services.report_submit(report=report, by=author)
        report = services.report_approve(report=report, by=approver, symbol=symbol)
        report = services.report_generate(report_id=report.pk)
        if report is None or not report.is_done:
            log(f"The demo {kind} report could not be generated: {report.error if report else 'missing'}")
            continue
        services.report_publish(report=report, by=approver)
        log(f"Published the demo {kind} report for 2024 ({symbol}).")
