"""Writes of the TDAG progress reports: request one, generate it (in the worker), fail it."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import posixpath
import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.mail import queue_mail
from alliance.storage import remove_unreferenced, save_complete

from .models import PENDING_STATUSES, ProgressReport, ReportStatus, report_upload_to
from .registry import ReportKind

logger = logging.getLogger(__name__)

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def _validate(*, kind: str, period_start: date | None, period_end: date | None, language: str) -> None:
    errors: dict[str, list] = {}
    if kind not in ReportKind.values:
        errors["kind"] = [_("Choose one of the report kinds.")]
    if language not in LANGUAGE_CODES:
        errors["language"] = [_("Choose one of the six languages.")]
    if period_start is None:
        errors["period_start"] = [_("Give the first day of the period.")]
    if period_end is None:
        errors["period_end"] = [_("Give the last day of the period.")]
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = [_("The period cannot end before it starts.")]
    if errors:
        raise ValidationError(errors)


def _pending_twin(*, kind: str, period_start: date, period_end: date, language: str,
                  exclude_pk: int | None = None) -> ProgressReport | None:
    twins = ProgressReport.objects.filter(
        kind=kind, period_start=period_start, period_end=period_end, language=language,
        status__in=PENDING_STATUSES,
    )
    if exclude_pk is not None:
        twins = twins.exclude(pk=exclude_pk)
    return twins.order_by("requested_at", "pk").first()


RESEND_AFTER = timedelta(minutes=10)


def _send(report_id: int) -> bool:
    """Hand the report to the workers. With the broker unreachable the request is not lost: the
    report stays queued in the database and ``reports_resend_queued`` sends it later."""
    from alliance.celery import delay_if_reachable

    from .tasks import generate_report

    if delay_if_reachable(generate_report, report_id):
        return True
    logger.warning("Report %s kept queued, to be sent again", report_id)
    return False


def _enqueue(report: ProgressReport) -> None:
    report_id = report.pk
    transaction.on_commit(lambda: _send(report_id))


def reports_resend_queued(*, older_than: timedelta = RESEND_AFTER) -> list[int]:
    """Send again the reports queued for longer than ``older_than`` (the beat task's body).

    They were requested while the broker was down, or their message went with a Redis restart.
    A report whose message was only waiting its turn is delivered twice; ``report_generate``
    leaves the second delivery alone. Returns the ids sent.
    """
    cutoff = timezone.now() - older_than
    waiting = ProgressReport.objects.filter(status=ReportStatus.QUEUED, updated_at__lte=cutoff)
    sent = []
    for report_id in waiting.order_by("requested_at", "pk").values_list("pk", flat=True):
        if not _send(report_id):
            break
        ProgressReport.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
            updated_at=timezone.now())
        sent.append(report_id)
    return sent


def report_request(*, kind: str, period_start: date, period_end: date, language: str,
                   requested_by=None) -> ProgressReport:
    """Queue a report, or return the identical one already queued or running."""
    report, _created = report_request_with_outcome(
        kind=kind, period_start=period_start, period_end=period_end, language=language,
        requested_by=requested_by)
    return report


def report_request_with_outcome(*, kind: str, period_start: date, period_end: date, language: str,
                                requested_by=None) -> tuple[ProgressReport, bool]:
    """Like ``report_request``, and say whether a new report was queued (False: the twin)."""
    _validate(kind=kind, period_start=period_start, period_end=period_end, language=language)
    twin = _pending_twin(kind=kind, period_start=period_start, period_end=period_end, language=language)
    if twin:
        return twin, False
    try:
        with transaction.atomic():
            report = ProgressReport(kind=kind, period_start=period_start, period_end=period_end,
                                    language=language, requested_by=requested_by)
            report.full_clean()
            report.save()
    except IntegrityError:
        # Another request created the same report between our check and our insert.
        twin = _pending_twin(kind=kind, period_start=period_start, period_end=period_end,
                             language=language)
        if twin is None:
            raise
        return twin, False
    _enqueue(report)
    return report, True


def report_generate_again(*, report: ProgressReport, requested_by=None) -> ProgressReport:
    """Queue a finished or failed report again; its current PDF stays until the new one is ready."""
    if report.is_pending:
        return report
    twin = _pending_twin(kind=report.kind, period_start=report.period_start, period_end=report.period_end,
                         language=report.language, exclude_pk=report.pk)
    if twin:
        return twin
    with transaction.atomic():
        report.status = ReportStatus.QUEUED
        report.progress = 0
        report.error = ""
        report.finished_at = None
        if requested_by is not None:
            report.requested_by = requested_by
        report.save(update_fields=["status", "progress", "error", "finished_at", "requested_by",
                                   "updated_at"])
    _enqueue(report)
    return report


def _set_progress(report_id: int, done: int, total: int) -> None:
    # The last few percent are for the PDF itself.
    percent = min(95, int(95 * done / max(total, 1)))
    ProgressReport.objects.filter(pk=report_id).update(progress=percent, updated_at=timezone.now())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


STALE_PART_SECONDS = 3600


def report_fail(*, report: ProgressReport, reason: str) -> ProgressReport:
    """Mark the report failed; the PDF of an earlier run, if any, stays."""
    report.status = ReportStatus.FAILED
    report.error = reason[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return report


GENERATION_LOCK_NAMESPACE = 0x5444  # "TD": advisory locks of the report generation


@contextlib.contextmanager
def _generation_lock(report_id: int):
    """Yield whether this process may generate the report: one generation at a time per report.

    On PostgreSQL, a session advisory lock: the server releases it by itself when the worker
    holding it dies (its connection closes), so the redelivered task can take over. Other
    databases (the embedded SQLite default) run the tasks in-process, one at a time.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    key = [GENERATION_LOCK_NAMESPACE, report_id % 2**31]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", key)
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            # A lost connection has released the lock already.
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", key)


def report_generate(*, report_id: int) -> ProgressReport | None:
    """Generate the PDF of a report; safe to run again for the same report (the task's body).

    A report already done is left alone (a duplicate delivery), and so is a report another
    worker is generating at this moment; a report left running by a worker that died is
    generated again.
    """
    with _generation_lock(report_id) as ours:
        if not ours:
            logger.info("Report %s is being generated by another worker; duplicate delivery left", report_id)
            return ProgressReport.objects.filter(pk=report_id).first()
        return _generate(report_id)


def _generate(report_id: int) -> ProgressReport | None:
    """The PDF is laid out in a temporary file of this machine, stored under a key no record
    points to yet, and only then recorded on the report (``save_complete``), so a reader (on any
    machine) never sees half a PDF."""
    from .document import render_document
    from .pdf import write_pdf

    report = ProgressReport.objects.select_related("requested_by").filter(pk=report_id).first()
    if report is None or report.status in (ReportStatus.DONE, ReportStatus.FAILED):
        return report
    ProgressReport.objects.filter(pk=report.pk).update(
        status=ReportStatus.RUNNING, progress=0, started_at=timezone.now(), attempts=F("attempts") + 1,
        updated_at=timezone.now(),
    )
    report.refresh_from_db()
    name = report_upload_to(report, report.file_name)
    previous = report.pdf.name
    remove_unreferenced(folder=posixpath.dirname(name), keep=previous,
                        older_than=timedelta(seconds=STALE_PART_SECONDS))
    try:
        html = render_document(report, on_section=lambda done, total: _set_progress(report.pk, done, total))
        with tempfile.TemporaryDirectory(prefix="report-") as scratch:
            temporary = Path(scratch) / report.file_name
            static = [Path(folder) for folder in settings.STATICFILES_DIRS]
            rendered = write_pdf(html=html, target=temporary, base_url=f"{static[0]}/" if static else None,
                                 allowed_roots=static)
            checksum, size = _sha256(temporary), temporary.stat().st_size
            name = save_complete(name=name, source=temporary)
    except Exception as exc:  # noqa: BLE001 - any failure is reported on the record
        logger.exception("Report %s failed", report.pk)
        with translation.override(report.language):
            reason = gettext("The report could not be generated: %(reason)s") % {
                "reason": f"{exc.__class__.__name__}: {exc}"}
        return report_fail(report=report, reason=reason)
    report.pdf.name = name
    report.page_count = rendered.page_count
    report.size_bytes = size
    report.checksum = checksum
    report.status = ReportStatus.DONE
    report.progress = 100
    report.error = ""
    report.finished_at = timezone.now()
    report.save(update_fields=["pdf", "page_count", "size_bytes", "checksum", "status", "progress",
                               "error", "finished_at", "updated_at"])
    if previous and previous != name:
        default_storage.delete(previous)
    _notify_requester(report)
    return report


def _notify_requester(report: ProgressReport) -> None:
    user = report.requested_by
    if user is None or not user.email:
        return
    from .document import portal_base_url

    base = portal_base_url()
    with translation.override(report.language):
        detail = reverse("reports:detail", kwargs={"pk": report.pk})
    queue_mail(to=[user.email], template="reports/mail/report_ready",
               context={"report": report, "url": f"{base}{detail}", "user": user},
               language=report.language)
