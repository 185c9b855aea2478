"""What a centre keeps and exchanges with BDT: its documents (with their previous versions) and
the message thread."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_pdf

from .action_plans import CentreProgressReport
from .base import TEXT, _written
from .centres import Centre


class CentreDocument(models.Model):
    """A document a host keeps for their centre. A host who removes one only marks it removed
    (``removed_at``): it leaves the portal, while BDT still sees it, its file and its previous
    versions in the admin."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="documents",
                               verbose_name=_("centre"))
    title = models.CharField(_("title"), max_length=200, validators=TEXT)
    file = models.FileField(_("file (PDF)"), upload_to="centres/documents/%Y/", validators=[validate_pdf])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True, db_index=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                   blank=True, related_name="+", verbose_name=_("removed by"))

    history = HistoricalRecords()
    class Meta:
        ordering = ["centre", "-uploaded_at", "pk"]
        verbose_name = _("centre document")
        verbose_name_plural = _("centre documents")

    def __str__(self) -> str:
        return self.title


class CentreDocumentVersion(models.Model):
    """A file a centre document held before the host replaced it: kept, with who uploaded it and when,
    and who replaced it and when."""

    document = models.ForeignKey(CentreDocument, on_delete=models.CASCADE, related_name="versions",
                                 verbose_name=_("document"))
    file = models.FileField(_("file (PDF)"), upload_to="centres/documents/%Y/", validators=[validate_pdf])
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("uploaded by"))
    uploaded_at = models.DateTimeField(_("uploaded at"))
    replaced_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                    blank=True, related_name="+", verbose_name=_("replaced by"))
    replaced_at = models.DateTimeField(_("replaced at"))

    class Meta:
        ordering = ["document", "-replaced_at", "-pk"]
        verbose_name = _("previous version of a centre document")
        verbose_name_plural = _("previous versions of centre documents")
        constraints = [
            models.CheckConstraint(condition=Q(replaced_at__gte=F("uploaded_at")),
                                   name="centres_document_version_replaced_after_upload"),
        ]

    def __str__(self) -> str:
        return _("%(document)s, uploaded %(date)s") % {"document": self.document,
                                                        "date": _written(self.uploaded_at)}


class CentreMessage(models.Model):
    """A message in the thread between a centre's hosts and BDT (one thread per centre)."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="messages",
                               verbose_name=_("centre"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="+", verbose_name=_("author"))
    from_bdt = models.BooleanField(_("from BDT"), default=False)
    body = models.TextField(_("message"), max_length=5000, validators=TEXT)
    attachment = models.FileField(_("attachment (PDF)"), upload_to="centres/messages/%Y/", blank=True,
                                  validators=[validate_pdf])
    sent_at = models.DateTimeField(_("sent at"), db_index=True)
    report = models.ForeignKey(CentreProgressReport, on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="messages", verbose_name=_("about the progress report"),
                               help_text=_("The centre's progress report the message is about, if any."))

    class Meta:
        ordering = ["centre", "sent_at", "pk"]
        verbose_name = _("message with a centre")
        verbose_name_plural = _("messages with centres")

    def __str__(self) -> str:
        return _("Message of %(date)s about %(centre)s") % {"date": _written(self.sent_at),
                                                             "centre": self.centre}

    def clean(self) -> None:
        if self.report_id and self.centre_id and self.report.centre_id != self.centre_id:
            raise ValidationError({"report": _("This progress report is another centre's.")})
