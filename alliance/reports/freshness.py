"""The documents page's content version (``alliance.core.freshness.DOCUMENTS``): bumped when what
/documents/ shows may change (a report published, a published report's PDF generated again, its
list files written, a published report deleted), not when a report is requested, moves through
review or reports its progress (``QuerySet.update``, no signal)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from alliance.core import freshness

from .models import ReportListFile, TDAGReport, Workflow


def _report_saved(sender: type, instance: TDAGReport, *, created: bool = False,
                  update_fields: frozenset[str] | None = None, using: str = "default", **kwargs: Any) -> None:
    # A published report changed; or a whole save (the admin's) that may have taken it out of
    # the published state: the previous state is unknown, so the page is computed again.
    if instance.is_published or (not created and update_fields is None):
        freshness.bump_now_and_at_commit(freshness.DOCUMENTS, using=using)


def _report_deleted(sender: type, instance: TDAGReport, *, using: str = "default", **kwargs: Any) -> None:
    if instance.is_published:
        freshness.bump_now_and_at_commit(freshness.DOCUMENTS, using=using)


def _is_published(report_id: int, using: str) -> bool:
    """Asked of the database: the caller's copy of the report may predate its publication."""
    return TDAGReport.objects.using(using).filter(pk=report_id, workflow=Workflow.PUBLISHED).exists()


def _list_file_changed(sender: type, instance: ReportListFile, *, using: str = "default",
                       **kwargs: Any) -> None:
    if _is_published(instance.report_id, using):
        freshness.bump_now_and_at_commit(freshness.DOCUMENTS, using=using)


def list_files_written(report: TDAGReport, *, using: str = "default") -> None:
    """After ``bulk_create`` of a report's list files (no signal)."""
    if _is_published(report.pk, using):
        freshness.bump_now_and_at_commit(freshness.DOCUMENTS, using=using)


def connect_receivers() -> None:
    post_save.connect(_report_saved, sender=TDAGReport, dispatch_uid="reports.documents.saved")
    post_delete.connect(_report_deleted, sender=TDAGReport, dispatch_uid="reports.documents.deleted")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(_list_file_changed, sender=ReportListFile,
                       dispatch_uid=f"reports.documents.list-{name}")
