"""Partners of BDT, by type and ITU membership category."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.history import HistoricalRecords
from alliance.core.validators import validate_no_control_characters

from .base import _in_choices, _translations


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    UN_ENTITY = "un_entity", _("UN entity")
    INTERNATIONAL_ORG = "international_org", _("Regional or other international organization")
    FINANCIAL_INSTITUTION = "financial_institution", _("Financial institution")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIA = "academia", _("Academia")
    FOUNDATION_NGO = "foundation_ngo", _("Foundation or NGO")
    OTHER = "other", _("Other")


class MembershipCategory(models.TextChoices):
    MEMBER_STATE = "member_state", _("Member State")
    SECTOR_MEMBER = "sector_member", _("ITU-D Sector Member")
    ACADEMIA = "academia", _("Academia")
    INTERNATIONAL_ORG = "international_org", _("Regional or other international organization")
    NONE = "none", _("Not an ITU member")


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=300, validators=[validate_no_control_characters])
    acronym = models.CharField(_("acronym"), max_length=40, blank=True,
                               validators=[validate_no_control_characters])
    kind = models.CharField(_("type"), max_length=30, choices=PartnerKind.choices)
    membership_category = models.CharField(
        _("ITU membership category"), max_length=30, choices=MembershipCategory.choices,
        default=MembershipCategory.NONE,
    )
    country = CountryField(_("country"), blank=True,
                           help_text=_("Leave empty for international bodies."))
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True,
                                    validators=[validate_no_control_characters])
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True,
                                     validators=[validate_no_control_characters])
    relationship_notes = models.TextField(
        _("relationship notes"), blank=True, validators=[validate_no_control_characters],
        help_text=_("Long-standing relationship, history of cooperation (staff only)."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(excluded_fields=_translations("name"))

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.CheckConstraint(condition=_in_choices("kind", PartnerKind), name="partner_kind_valid"),
            models.CheckConstraint(condition=_in_choices("membership_category", MembershipCategory),
                                   name="partner_membership_category_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
