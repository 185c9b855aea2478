"""News and announcements published by BDT staff, in the six UN languages."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.validators import validate_no_control_characters, validate_pdf, validate_single_line


class NewsItem(models.Model):
    """A news item, or an announcement such as a circular letter opening a call for applications.

    The public sees it once it is published and its publication date has come (a later date
    schedules it).
    """

    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        ANNOUNCEMENT = "announcement", _("Announcement")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=200, validators=[validate_single_line])
    body = models.TextField(_("text"), validators=[validate_no_control_characters],
                            help_text=_("Plain text; a blank line starts a new paragraph."))
    published_on = models.DateField(_("publication date"))
    is_published = models.BooleanField(
        _("published"), default=False,
        help_text=_("Shown to the public from its publication date on."))
    pdf = models.FileField(_("PDF"), upload_to="news/", blank=True, validators=[validate_pdf],
                           help_text=_("Optional: the letter or document the item announces."))
    centres = models.ManyToManyField("centres.Centre", blank=True, related_name="news_items",
                                     verbose_name=_("centres concerned"))
    meetings = models.ManyToManyField("board.Meeting", blank=True, related_name="news_items",
                                      verbose_name=_("Board meetings concerned"))
    playbooks = models.ManyToManyField("dtlab.Playbook", blank=True, related_name="news_items",
                                       verbose_name=_("playbooks concerned"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news and announcements")
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["news", "announcement"]),
                                   name="news_item_kind_valid"),
        ]
        indexes = [models.Index(fields=["is_published", "-published_on"], name="news_published_idx")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"slug": self.slug})

    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.body.replace("\r\n", "\n").split("\n\n") if part.strip()]
