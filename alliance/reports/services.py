"""Writes of the TDAG progress reports: request one, generate it (in the worker), fail it."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import posixpath
import tempfile
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance.core.mail import queue_mail
from alliance.core.storage import remove_unreferenced, save_complete

from .models import PENDING_STATUSES, ReportStatus, TDAGReport, report_upload_to
from .registry import ReportKind

if TYPE_CHECKING:
    from django.contrib.auth.models import User

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
                  exclude_pk: int | None = None) -> TDAGReport | None:
    twins = TDAGReport.objects.filter(
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


def _enqueue(report: TDAGReport) -> None:
    report_id = report.pk
    transaction.on_commit(lambda: _send(report_id))


def reports_resend_queued(*, older_than: timedelta = RESEND_AFTER) -> list[int]:
    """Send again the reports queued for longer than ``older_than`` (the beat task's body).

    They were requested while the broker was down, or their message went with a Redis restart.
    A report whose message was only waiting its turn is delivered twice; ``report_generate``
    leaves the second delivery alone. Returns the ids sent.
    """
    cutoff = timezone.now() - older_than
    waiting = TDAGReport.objects.filter(status=ReportStatus.QUEUED, updated_at__lte=cutoff)
    sent = []
    for report_id in waiting.order_by("requested_at", "pk").values_list("pk", flat=True):
        if not _send(report_id):
            break
        TDAGReport.objects.filter(pk=report_id, status=ReportStatus.QUEUED).update(
            updated_at=timezone.now())
        sent.append(report_id)
    return sent


def report_request(*, kind: str, period_start: date, period_end: date, language: str,
                   by: User | None = None) -> TDAGReport:
    """Queue a report, or return the identical one already queued or running."""
    report, _created = report_request_with_outcome(
        kind=kind, period_start=period_start, period_end=period_end, language=language, by=by)
    return report


def report_request_with_outcome(*, kind: str, period_start: date, period_end: date, language: str,
                                by: User | None = None) -> tuple[TDAGReport, bool]:
    """Like ``report_request``, and say whether a new report was queued (False: the twin)."""
    _validate(kind=kind, period_start=period_start, period_end=period_end, language=language)
    twin = _pending_twin(kind=kind, period_start=period_start, period_end=period_end, language=language)
    if twin:
        return twin, False
    try:
        with transaction.atomic():
            report = TDAGReport(kind=kind, period_start=period_start, period_end=period_end,
                                    language=language, requested_by=by,
                                    narrative=previous_narrative(kind=kind, language=language,
                                                                 before=period_end))
            report.snapshot = frozen_sibling_snapshot(report)
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


def report_request_all_languages(*, kind: str, period_start: date, period_end: date,
                                 by: User | None = None) -> list[tuple[TDAGReport, bool]]:
    """Queue the report in each of the six languages at once: one request, six reports, each
    tracked on its own; a language already queued or running gives that report (created False).

    All or nothing: a request that is refused queues no language.
    """
    with transaction.atomic():
        return [report_request_with_outcome(kind=kind, period_start=period_start, period_end=period_end,
                                            language=language, by=by)
                for language in LANGUAGE_CODES]


def report_generate_again(*, report: TDAGReport, by: User | None = None) -> TDAGReport:
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
        if by is not None:
            report.requested_by = by
        report.save(update_fields=["status", "progress", "error", "finished_at", "requested_by",
                                   "updated_at"])
    _enqueue(report)
    return report


def _set_progress(report_id: int, done: int, total: int) -> None:
    # The last few percent are for the PDF itself.
    percent = min(95, int(95 * done / max(total, 1)))
    TDAGReport.objects.filter(pk=report_id).update(progress=percent, updated_at=timezone.now())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


STALE_PART_SECONDS = 3600


def report_fail(*, report: TDAGReport, reason: str) -> TDAGReport:
    """Mark the report failed; the PDF of an earlier run, if any, stays."""
    report.status = ReportStatus.FAILED
    report.error = reason[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at", "updated_at"])
    return report


GENERATION_LOCK_NAMESPACE = 0x5444  # "TD": advisory locks of the report generation


@contextlib.contextmanager
def _advisory_lock(namespace: int, key: int, *, wait: bool):
    """Yield whether this process holds the lock ``(namespace, key)``: waiting for it, or only
    trying (``wait=False``).

    On PostgreSQL, a session advisory lock: the server releases it by itself when the worker
    holding it dies (its connection closes). Other databases (the embedded SQLite default) run
    the tasks in-process, one at a time: always held.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        if wait:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [namespace, key])
            acquired = True
        else:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [namespace, key])
            acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            # A lost connection has released the lock already.
            with contextlib.suppress(DatabaseError), connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [namespace, key])


def _generation_lock(report_id: int):
    """Whether this process may generate the report: one generation at a time per report (a
    report left by a worker that died is free again, so the redelivered task can take over)."""
    return _advisory_lock(GENERATION_LOCK_NAMESPACE, report_id % 2**31, wait=False)


def report_generate(*, report_id: int) -> TDAGReport | None:
    """Generate the PDF of a report; safe to run again for the same report (the task's body).

    A report already done is left alone (a duplicate delivery), and so is a report another
    worker is generating at this moment; a report left running by a worker that died is
    generated again.
    """
    with _generation_lock(report_id) as ours:
        if not ours:
            logger.info("Report %s is being generated by another worker; duplicate delivery left", report_id)
            return TDAGReport.objects.filter(pk=report_id).first()
        return _generate(report_id)


def _generate(report_id: int) -> TDAGReport | None:
    """The PDF is laid out in a temporary file of this machine, stored under a key no record
    points to yet, and only then recorded on the report (``save_complete``), so a reader (on any
    machine) never sees half a PDF."""
    from .document import render_document
    from .pdf import write_pdf

    report = TDAGReport.objects.select_related("requested_by").filter(pk=report_id).first()
    if report is None or report.status in (ReportStatus.DONE, ReportStatus.FAILED):
        return report
    TDAGReport.objects.filter(pk=report.pk).update(
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
    try:
        report_write_docx(report=report)
    except Exception as exc:  # noqa: BLE001 - the Word file failing fails the report, with its reason
        logger.exception("Report %s: the Word file failed", report.pk)
        return report_fail(report=report, reason=f"DOCX: {exc.__class__.__name__}: {exc}")
    try:
        report_write_lists(report=report)
    except Exception as exc:  # noqa: BLE001 - the lists failing fail the report, with their reason
        logger.exception("Report %s: the full lists failed", report.pk)
        return report_fail(report=report, reason=f"Lists: {exc.__class__.__name__}: {exc}")
    _notify_requester(report)
    return report


def _notify_requester(report: TDAGReport) -> None:
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


# --- Narrative and workflow ---------------------------------------------------------------------


class WorkflowConflict(Exception):
    """The step does not apply to the report's current state (the API answers 409)."""


def _record_step(*, report: TDAGReport, action: str, from_state: str, by: User, comment: str = "") -> None:
    from .models import ReportStep

    ReportStep.objects.create(report=report, action=action, from_state=from_state, to_state=report.workflow,
                              by=by, comment=comment[:2000])


def _locked(report: TDAGReport) -> TDAGReport:
    """The report's row, locked until the transaction ends, so two steps never cross."""
    return TDAGReport.objects.select_for_update().get(pk=report.pk)


def previous_narrative(*, kind: str, language: str, before: date, exclude_pk: int | None = None) -> dict:
    """The narrative of the same kind's latest earlier report in the language: where a new one starts."""
    earlier = (TDAGReport.objects.filter(kind=kind, language=language, period_end__lte=before)
               .exclude(narrative={}).order_by("-period_end", "-requested_at", "-pk"))
    if exclude_pk is not None:
        earlier = earlier.exclude(pk=exclude_pk)
    report = earlier.only("narrative").first()
    return dict(report.narrative) if report else {}


def report_narrative_update(*, report: TDAGReport, narrative: dict, by: User,
                            comment: str = "") -> TDAGReport:
    """Replace the given sections of the narrative (draft or in review only); the edit is recorded."""
    from . import narrative as narrative_markup
    from .document import report_figures
    from .models import StepAction

    with transaction.atomic():
        report = _locked(report)
        if not report.is_editable:
            raise WorkflowConflict(gettext("An approved report is frozen; return it to draft to change it."))
        cleaned = narrative_markup.validate(kind=report.kind, narrative=narrative,
                                            figure_names=set(report_figures(report)))
        report.narrative = {**(report.narrative or {}), **cleaned}
        report.save(update_fields=["narrative", "updated_at"])
        _record_step(report=report, action=StepAction.EDIT, from_state=report.workflow, by=by,
                     comment=comment)
    return report


def snapshot_take(report: TDAGReport) -> dict:
    """The report's figures and computed sections now, in every language: what approval freezes.

    The full lists (a row per agreement or pledge: 27,800 rows a year at the benchmark's 200,000
    agreements) are not read here, in the approver's request: the worker that generates the
    approved report again writes them, in every language, under ``lists_folder``
    (``report_freeze_lists``). Held inline as JSON in six languages, they took 64 s, 549 MB and
    89 MB of JSON at that size."""
    from .document import freeze_figures, snapshot_sections
    from .registry import figures_for

    return {
        "taken_at": timezone.now().isoformat(),
        "figures": freeze_figures(figures_for(report.kind, report.period)),
        "sections": {language: snapshot_sections(report, language) for language in LANGUAGE_CODES},
        "lists_folder": f"reports/frozen-lists/{report.kind}-{report.period_start:%Y%m%d}-"
                        f"{report.period_end:%Y%m%d}-{uuid.uuid4().hex[:12]}",
    }


FREEZE_LOCK_NAMESPACE = 0x544C  # "TL": advisory locks of the lists' freezing


def _frozen_list_name(folder: str, language: str, name: str) -> str:
    return f"{folder}/{language}/{name}.jsonl.gz"


def report_freeze_lists(*, report: TDAGReport) -> str:
    """Freeze the approved report's full lists, in every language, under its snapshot's
    ``lists_folder`` (those already there are kept: every language version of the report shares
    the folder, and the first worker to come writes it); the folder. One worker at a time per
    folder (on PostgreSQL, an advisory lock the others wait for)."""
    from django.core.files import File
    from django.core.files.base import ContentFile

    from .lists import freeze_table_to, lists_for

    folder = report.snapshot["lists_folder"]
    key = int(hashlib.sha256(folder.encode()).hexdigest()[:7], 16)
    with _advisory_lock(FREEZE_LOCK_NAMESPACE, key, wait=True):
        for language in LANGUAGE_CODES:
            for report_list in lists_for(report.kind):
                name = _frozen_list_name(folder, language, report_list.name)
                done = f"{name}.done"  # written once the list is whole: a worker may die mid-file
                if default_storage.exists(done):
                    continue
                if default_storage.exists(name):
                    default_storage.delete(name)
                with translation.override(language), tempfile.TemporaryFile() as scratch:
                    freeze_table_to(report_list.build(report.period), scratch)
                    scratch.seek(0)
                    saved = default_storage.save(name, File(scratch, name=posixpath.basename(name)))
                if saved != name:  # another process wrote it meanwhile (no lock on this database)
                    default_storage.delete(saved)
                default_storage.save(done, ContentFile(b""))
    return folder


def frozen_sibling_snapshot(report: TDAGReport) -> dict | None:
    """The snapshot of another language version of the same kind and period, approved or published:
    every language version of a report carries the same figures."""
    from .models import FROZEN_WORKFLOW

    sibling = (TDAGReport.objects.filter(kind=report.kind, period_start=report.period_start,
                                             period_end=report.period_end, workflow__in=FROZEN_WORKFLOW)
               .exclude(pk=report.pk).exclude(snapshot=None).order_by("-updated_at", "-pk")
               .only("snapshot").first())
    return sibling.snapshot if sibling else None


def report_submit(*, report: TDAGReport, by: User, comment: str = "") -> TDAGReport:
    """Draft → in review."""
    from .models import StepAction, Workflow

    with transaction.atomic():
        report = _locked(report)
        if report.workflow != Workflow.DRAFT:
            raise WorkflowConflict(gettext("Only a draft can be submitted for review."))
        report.workflow = Workflow.IN_REVIEW
        report.save(update_fields=["workflow", "updated_at"])
        _record_step(report=report, action=StepAction.SUBMIT, from_state=Workflow.DRAFT, by=by,
                     comment=comment)
    return report


def report_approve(*, report: TDAGReport, by: User, comment: str = "", symbol: str = "") -> TDAGReport:
    """In review → approved, by a second person holding the permission; freezes the figures and
    generates the PDF and the Word file again from them."""
    from django.core.exceptions import PermissionDenied

    from .models import StepAction, Workflow
    from .permissions import policy

    if not policy.holds_approval(by):
        raise PermissionDenied(gettext("Approving a report needs the permission to approve reports."))
    symbol = (symbol or "").strip()
    if len(symbol) > TDAGReport._meta.get_field("symbol").max_length:
        raise ValidationError({"symbol": [_("The symbol is too long.")]})
    with transaction.atomic():
        report = _locked(report)
        if report.workflow != Workflow.IN_REVIEW:
            raise WorkflowConflict(gettext("Only a report in review can be approved."))
        if policy.is_author(by, report):
            raise PermissionDenied(
                gettext("You wrote or submitted this report: a second person must approve it."))
        report.snapshot = frozen_sibling_snapshot(report) or snapshot_take(report)
        report.workflow = Workflow.APPROVED
        if symbol:
            report.symbol = symbol
        report.save(update_fields=["snapshot", "workflow", "symbol", "updated_at"])
        _record_step(report=report, action=StepAction.APPROVE, from_state=Workflow.IN_REVIEW, by=by,
                     comment=comment)
        report_generate_again(report=report)
    return report


def report_publish(*, report: TDAGReport, by: User, comment: str = "") -> TDAGReport:
    """Approved → published: the PDF and the Word file of the approved text become public."""
    from django.core.exceptions import PermissionDenied

    from .models import StepAction, Workflow
    from .permissions import policy

    if not policy.holds_approval(by):
        raise PermissionDenied(gettext("Publishing a report needs the permission to approve reports."))
    with transaction.atomic():
        report = _locked(report)
        if report.workflow != Workflow.APPROVED:
            raise WorkflowConflict(gettext("Only an approved report can be published."))
        if not report.is_done:
            raise WorkflowConflict(
                gettext("The approved report's PDF is not ready yet; publish it once it is."))
        report.workflow = Workflow.PUBLISHED
        report.published_at = timezone.now()
        report.save(update_fields=["workflow", "published_at", "updated_at"])
        _record_step(report=report, action=StepAction.PUBLISH, from_state=Workflow.APPROVED, by=by,
                     comment=comment)
    return report


def report_return(*, report: TDAGReport, by: User, comment: str = "") -> TDAGReport:
    """In review or approved → draft; an approved report's figures are unfrozen (needs the permission)."""
    from django.core.exceptions import PermissionDenied

    from .models import StepAction, Workflow
    from .permissions import policy

    with transaction.atomic():
        report = _locked(report)
        if report.workflow not in (Workflow.IN_REVIEW, Workflow.APPROVED):
            raise WorkflowConflict(gettext("Only a report in review or approved can be returned to draft."))
        if report.workflow == Workflow.APPROVED and not policy.holds_approval(by):
            raise PermissionDenied(
                gettext("Returning an approved report needs the permission to approve reports."))
        from_state = report.workflow
        report.workflow = Workflow.DRAFT
        # Unfrozen, unless another language version holds the period's figures.
        report.snapshot = frozen_sibling_snapshot(report)
        report.save(update_fields=["workflow", "snapshot", "updated_at"])
        _record_step(report=report, action=StepAction.RETURN, from_state=from_state, by=by, comment=comment)
    return report


def report_write_docx(*, report: TDAGReport) -> TDAGReport:
    """Write the Word version of the report through the storage API: saved under a new name, then
    recorded on the report, then the previous file removed; a reader never sees half a file."""
    from django.core.files.base import ContentFile

    from .docx import build_docx

    data = build_docx(report)
    previous = report.docx.name
    saved = default_storage.save(report_upload_to(report, report.docx_file_name), ContentFile(data))
    TDAGReport.objects.filter(pk=report.pk).update(docx=saved, updated_at=timezone.now())
    report.docx.name = saved
    if previous and previous != saved:
        with contextlib.suppress(FileNotFoundError, OSError):
            default_storage.delete(previous)
    return report


def _list_tables(report: TDAGReport) -> dict | None:
    """The report's full lists as tables: those frozen with an approved report's figures, or else
    read now for its period (call in the report's language: the cells are read as they are written);
    None for a frozen report whose snapshot predates the lists and that has its files already (they
    stay as they are)."""
    from .lists import build_lists, lists_for, thaw_table, thaw_table_from

    snapshot = report.snapshot or {}
    if "lists_folder" in snapshot:
        folder = report_freeze_lists(report=report)
        return {item.name: thaw_table_from(_frozen_list_name(folder, report.language, item.name))
                for item in lists_for(report.kind)}
    frozen = snapshot.get("lists")  # a snapshot taken before the lists were frozen as files
    if frozen is not None and report.language in frozen:
        return {name: thaw_table(data) for name, data in frozen[report.language].items()}
    if snapshot and report.list_files.exists():
        return None
    return build_lists(report.kind, report.period)


def report_write_lists(*, report: TDAGReport) -> list:
    """Write the report's full lists as CSV and XLSX through the storage API: each file stored under
    a new key, then all recorded on the report at once, then the files they replace removed; a
    reader never meets half a file nor a mix of two generations. The rows are read once, in chunks,
    and written to this machine's temporary files as they come: memory does not grow with a list's
    length."""
    from django.core.files import File

    from .freshness import list_files_written
    from .lists import FORMATS, write_files
    from .models import ReportListFile, list_upload_to

    written = []
    with (translation.override(report.language),
          tempfile.TemporaryDirectory(prefix="report-lists-") as scratch):
        tables = _list_tables(report)
        if tables is None:
            return list(report.list_files.all())
        for name, table in tables.items():
            paths, rows = write_files(table, Path(scratch), name)
            for fmt in FORMATS:
                record = ReportListFile(report=report, name=name, format=fmt, rows=rows,
                                        size_bytes=paths[fmt].stat().st_size)
                with paths[fmt].open("rb") as data:
                    record.file.name = default_storage.save(list_upload_to(record, record.file_name),
                                                            File(data))
                written.append(record)
    with transaction.atomic():
        replaced = [old.file.name for old in ReportListFile.objects.filter(report=report)]
        ReportListFile.objects.filter(report=report).delete()
        ReportListFile.objects.bulk_create(written)
        list_files_written(report)
    kept = {record.file.name for record in written}
    for name in replaced:
        if name not in kept:
            with contextlib.suppress(FileNotFoundError, OSError):
                default_storage.delete(name)
    return written
