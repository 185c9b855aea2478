"""Who may do what with a TDAG report (the four-eyes rule), as one policy object."""

from __future__ import annotations

from alliance.core.roles import staff_may

from .models import StepAction, TDAGReport

APPROVE_PERMISSION = "reports.approve_report"


class ReportPolicy:
    """BDT staff write and submit; approving and publishing need ``reports.approve_report``,
    which the BDT staff group does not hold, and nobody approves a report they wrote."""

    @staticmethod
    def authors(report: TDAGReport) -> set[int]:
        """Who requested the report, edited its narrative or submitted it for review."""
        ids = set(
            report.steps.filter(action__in=(StepAction.EDIT, StepAction.SUBMIT))
            .exclude(by=None)
            .values_list("by", flat=True)
        )
        if report.requested_by_id:
            ids.add(report.requested_by_id)
        return ids

    def can_edit(self, user, report: TDAGReport) -> bool:
        return staff_may(user, "reports.change_tdagreport") and report.is_editable

    def holds_approval(self, user) -> bool:
        return staff_may(user, APPROVE_PERMISSION)

    def is_author(self, user, report: TDAGReport) -> bool:
        return user.pk in self.authors(report)

    def can_approve(self, user, report: TDAGReport) -> bool:
        return self.holds_approval(user) and not self.is_author(user, report)


policy = ReportPolicy()
