"""The Board's members, serving in their personal capacity."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.validators import validate_image

from .base import TEXT


class BoardMember(models.Model):
    """A person on the Board, serving in a personal capacity."""

    class Role(models.TextChoices):
        CO_CHAIR = "co_chair", _("Co-chair")
        MEMBER = "member", _("Member")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    full_name = models.CharField(_("full name"), max_length=200, validators=TEXT)
    title = models.CharField(_("job title"), max_length=200, blank=True, validators=TEXT)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True, validators=TEXT)
    country = CountryField(_("country"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="board/members/", blank=True, validators=[validate_image])
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_founding_member = models.BooleanField(_("founding member"), default=False)
    elected_by_members = models.BooleanField(
        _("elected by the members"),
        default=False,
        help_text=_("Only for a co-chair elected by the Board's members."),
    )
    personal_capacity = models.BooleanField(_("serves in a personal capacity"), default=True)
    term_start = models.DateField(_("term start"), null=True, blank=True)
    term_end = models.DateField(_("term end"), null=True, blank=True)
    biography = models.TextField(_("short biography"), blank=True, validators=TEXT)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    notes = models.TextField(_("internal notes"), blank=True, validators=TEXT)

    class Meta:
        ordering = ["order", "full_name", "pk"]
        verbose_name = _("Board member")
        verbose_name_plural = _("Board members")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=models.F("term_start")),
                name="board_member_term_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(elected_by_members=False) | Q(role="co_chair"),
                name="board_member_only_co_chair_elected",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name
