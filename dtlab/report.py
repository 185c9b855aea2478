"""The DT Lab section of the TDAG progress report on the Alliance."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from alliance.reports.registry import Period, ReportKind, figures, section

from . import selectors


@section(kind=ReportKind.ALLIANCE, key="dtlab", order=50, title=_("Digital Transformation Lab"),
         template="dtlab/report/section.html")
def dtlab_section(period: Period) -> dict:
    published = list(selectors.playbooks_published_in(period))
    in_development = list(selectors.playbooks_in_development())
    services = list(selectors.services_delivered_in(period))
    cohorts = list(selectors.cohorts_held_in(period))
    return {
        "period": period,
        "playbooks_published": published,
        "playbooks_published_count": len(published),
        "playbook_funders": sorted({str(p.funder) for p in published if p.funder_id}),
        "playbooks_in_development": in_development,
        "services": services,
        "services_delivered_count": sum(s.delivered for s in services),
        "cohorts": cohorts,
        "cohort_count": len(cohorts),
        "concept_count": sum(c.concept_count for c in cohorts),
        "concepts_total_usd": sum((c.total_budget_usd for c in cohorts), Decimal("0.00")),
    }


@figures(kind=ReportKind.ALLIANCE)
def dtlab_figures(period: Period) -> dict:
    cohorts = list(selectors.cohorts_held_in(period))
    return {
        "playbooks_published": len(list(selectors.playbooks_published_in(period))),
        "ria_cohorts": len(cohorts),
        "ria_concepts": sum(c.concept_count for c in cohorts),
    }
