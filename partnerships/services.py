"""Writes: every change to partners, agreements and pledges goes through these functions."""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.mail import queue_mail
from alliance.models import Priority
from alliance.notifications import decisions
from alliance.roles import staff_may

from .models import (
    DUE_DILIGENCE_FIELDS,
    MAX_LEADS_PER_AREA,
    ActionArea,
    ActionAreaMembership,
    ActionAreaRole,
    Agreement,
    Partner,
    Pledge,
    Pledger,
    PledgeStatus,
    ProgressReport,
    ProgressStatus,
)

LANGUAGE_SUFFIXES = [code.replace("-", "_") for code in settings.MODELTRANSLATION_LANGUAGES]
PARTNER_FIELDS = ("name", *[f"name_{s}" for s in LANGUAGE_SUFFIXES], "acronym", "kind",
                  "membership_category", "country", "website", "contact_name", "contact_email",
                  "contact_phone", "relationship_notes")
AGREEMENT_FIELDS = ("reference", "title", *[f"title_{s}" for s in LANGUAGE_SUFFIXES], "partner",
                    "signed_on", "status", "partner_contribution_usd", "itu_contribution_usd",
                    "original_currency", "original_amount", "region", "vehicle", "linked_projects",
                    "document", "notes")


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _set_fields(instance: Any, allowed: Iterable[str], fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unexpected fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(instance, name, value)


# --- Partners and agreements ----------------------------------------------------------------------


def partner_create(*, name: str, kind: str, **fields: Any) -> Partner:
    partner = Partner(name=name, kind=kind)
    _set_fields(partner, PARTNER_FIELDS, fields)
    partner.full_clean()
    partner.save()
    return partner


def partner_update(*, partner: Partner, **fields: Any) -> Partner:
    _set_fields(partner, PARTNER_FIELDS, fields)
    partner.full_clean()
    partner.save()
    return partner


def priorities_from_codes(codes: Iterable[str]) -> list[Priority]:
    """The priorities with these codes; an unknown code is refused, never ignored."""
    codes = list(dict.fromkeys(codes))
    found = {p.code: p for p in Priority.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({"priorities": _("Unknown ITU-D priority: %(codes)s.") % {
            "codes": ", ".join(unknown)}})
    return [found[code] for code in codes]


def _new_reference(signed_on: date | None) -> str:
    year = signed_on.year if signed_on else timezone.localdate().year
    return f"BDT-{year}-{uuid.uuid4().hex[:8].upper()}"


def agreement_create(*, partner: Partner, title: str, region: str, priorities: Iterable[str] = (),
                     **fields: Any) -> Agreement:
    agreement = Agreement(partner=partner, title=title, region=region)
    _set_fields(agreement, AGREEMENT_FIELDS, fields)
    if not agreement.reference:
        agreement.reference = _new_reference(agreement.signed_on)
    priority_objects = priorities_from_codes(priorities)
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
        agreement.priorities.set(priority_objects)
    return agreement


def agreement_update(*, agreement: Agreement, priorities: Iterable[str] | None = None,
                     **fields: Any) -> Agreement:
    _set_fields(agreement, AGREEMENT_FIELDS, fields)
    priority_objects = priorities_from_codes(priorities) if priorities is not None else None
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
        if priority_objects is not None:
            agreement.priorities.set(priority_objects)
    return agreement


# --- Partner2Connect ----------------------------------------------------------------------------------


USERNAME_MAX_LENGTH = 150


def _free_username(email: str) -> str:
    """The e-mail address as username when it fits and is free; else a unique one derived from it
    (two addresses may share their first 150 characters, or differ only in case)."""
    User = get_user_model()
    username = email.lower()
    if len(username) <= USERNAME_MAX_LENGTH and not User.objects.filter(username__iexact=username).exists():
        return username
    suffix = f"-{uuid.uuid4().hex}"
    return username[:USERNAME_MAX_LENGTH - len(suffix)] + suffix


def _new_pledger_account(*, email: str, name: str, language: str):
    """An account without a usable password for a new pledger (who sets it with "forgot password")."""
    User = get_user_model()
    first, _sep, last = name.partition(" ")
    user = User(username=_free_username(email), email=email, first_name=first[:150], last_name=last[:150],
                preferred_language=language)
    user.set_unusable_password()
    user.save()
    return user


def _pledger_for(*, organisation: str, contact_email: str, language: str, contact_name: str,
                 submitted_by) -> tuple[Pledger, bool]:
    """The pledger a pledge from the public form belongs to, and whether an account was created.

    A visitor signed in with this very e-mail address pledges as themselves: their pledger of this
    organisation (its details updated), or a new one. Anyone else never changes an existing pledger
    nor joins an existing account: an address nobody uses yet gets a new account; an address that
    already has one gets a new pledger without an account, which BDT links after due diligence.
    """
    User = get_user_model()
    if (submitted_by is not None and submitted_by.is_authenticated
            and submitted_by.email.lower() == contact_email.lower()):
        pledger = (Pledger.objects.filter(user=submitted_by, organisation__iexact=organisation)
                   .order_by("pk").first() or Pledger(user=submitted_by, organisation=organisation))
        return pledger, False
    if User.objects.filter(email__iexact=contact_email).exists():
        return Pledger(user=None, organisation=organisation), False
    user = _new_pledger_account(email=contact_email, name=contact_name, language=language)
    return Pledger(user=user, organisation=organisation), True


def pledge_submit(*, organisation: str, pledger_kind: str, country: str, contact_name: str,
                  contact_email: str, title: str, description: str, kind: str,
                  action_areas: Iterable[ActionArea], target_year: int, target_countries: Iterable[str] = (),
                  benefits_ldc: bool = False, benefits_lldc: bool = False, benefits_sids: bool = False,
                  benefit_description: str = "", value_usd: Decimal | None = None, made_with: str = "",
                  language: str = "en", submitted_by=None) -> Pledge:
    """A pledge from the public form: it waits for due diligence and is not visible until published.

    ``submitted_by`` is the signed-in visitor, if any (see ``_pledger_for`` for whose pledge it is).
    """
    action_areas = list(action_areas)
    if not action_areas:
        raise ValidationError({"action_areas": _("Choose at least one action area.")})
    with transaction.atomic():
        pledger, created = _pledger_for(organisation=organisation, contact_email=contact_email,
                                         language=language, contact_name=contact_name,
                                         submitted_by=submitted_by)
        pledger.kind, pledger.country = pledger_kind, country
        pledger.contact_name, pledger.contact_email = contact_name, contact_email
        pledger.full_clean()
        pledger.save()
        pledge = Pledge(
            pledger=pledger, title=title, description=description, kind=kind,
            target_countries=list(target_countries), benefits_ldc=benefits_ldc, benefits_lldc=benefits_lldc,
            benefits_sids=benefits_sids, benefit_description=benefit_description, value_usd=value_usd,
            target_year=target_year, made_with=made_with, status=PledgeStatus.SUBMITTED,
        )
        pledge.full_clean()
        pledge.save()
        pledge.action_areas.set(action_areas)
        queue_mail(to=[contact_email], template="partnerships/mail/pledge_received",
                   context={"pledge": pledge, "pledger": pledger, "new_account": created}, language=language)
    return pledge


def pledge_due_diligence(*, pledge: Pledge, reviewer, checklist: dict[str, bool]) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge is under due diligence."))
    _set_fields(pledge, DUE_DILIGENCE_FIELDS, {k: bool(v) for k, v in checklist.items()})
    pledge.reviewed_by = reviewer
    pledge.save(update_fields=[*checklist, "reviewed_by"])
    return pledge


def pledge_publish(*, pledge: Pledge, reviewer, today: date | None = None) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge can be published."))
    if not pledge.due_diligence_complete:
        raise ValidationError(_("Complete every point of the due diligence checklist before publishing."))
    today = today or timezone.localdate()
    pledge.status = PledgeStatus.PUBLISHED
    pledge.reviewed_by, pledge.decided_at = reviewer, timezone.now()
    pledge.next_report_due = add_months(today, pledge.report_every_months)
    pledge.save(update_fields=["status", "reviewed_by", "decided_at", "next_report_due"])
    decisions.pledge_published(pledge=pledge)
    return pledge


def pledge_decline(*, pledge: Pledge, reviewer, reason: str) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge can be declined."))
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Give the reason for declining the pledge.")})
    pledge.status, pledge.decline_reason = PledgeStatus.DECLINED, reason.strip()
    pledge.reviewed_by, pledge.decided_at = reviewer, timezone.now()
    pledge.full_clean()
    pledge.save(update_fields=["status", "decline_reason", "reviewed_by", "decided_at"])
    decisions.pledge_declined(pledge=pledge)
    return pledge


def _language_of(pledge: Pledge) -> str:
    user = pledge.pledger.user
    return (user.preferred_language if user and user.preferred_language else "en")


def can_report_on(*, user, pledge: Pledge) -> bool:
    return (staff_may(user, "partnerships.add_progressreport")
            or (user.is_authenticated and pledge.pledger.user_id == user.pk))


def progress_report_submit(*, pledge: Pledge, user, status: str, narrative: str,
                           amount_delivered_usd: Decimal = Decimal("0"),
                           today: date | None = None) -> ProgressReport:
    if not can_report_on(user=user, pledge=pledge):
        raise ValidationError(_("Only the pledger can report progress on this pledge."))
    if pledge.status != PledgeStatus.PUBLISHED:
        raise ValidationError(_("Progress is reported on published pledges only."))
    today = today or timezone.localdate()
    report = ProgressReport(pledge=pledge, status=status, narrative=narrative,
                            amount_delivered_usd=amount_delivered_usd, reported_on=today, submitted_by=user)
    report.full_clean()
    with transaction.atomic():
        report.save()
        pledge.next_report_due = (None if status == ProgressStatus.FULFILLED
                                  else add_months(today, pledge.report_every_months))
        pledge.save(update_fields=["next_report_due"])
    return report


def pledges_remind(*, pledges: Iterable[Pledge], today: date | None = None) -> int:
    """Remind each pledger whose report is due, once per due date."""
    today = today or timezone.localdate()
    sent = 0
    for pledge in pledges:
        with transaction.atomic():
            queue_mail(to=[pledge.pledger.contact_email], template="partnerships/mail/progress_due",
                       context={"pledge": pledge, "due": pledge.next_report_due},
                       language=_language_of(pledge))
            pledge.last_reminded_on = today
            pledge.save(update_fields=["last_reminded_on"])
        sent += 1
    return sent


def action_area_membership_add(*, action_area: ActionArea, pledger: Pledger,
                               role: str) -> ActionAreaMembership:
    """Add a lead (on a free seat, at most five) or a member to an action area."""
    if role not in ActionAreaRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    if ActionAreaMembership.objects.filter(action_area=action_area, pledger=pledger).exists():
        raise ValidationError(_("This organization already has a role in this action area."))
    seat = None
    if role == ActionAreaRole.LEAD:
        taken = set(ActionAreaMembership.objects.filter(action_area=action_area, role=ActionAreaRole.LEAD)
                    .values_list("lead_seat", flat=True))
        free = [s for s in range(1, MAX_LEADS_PER_AREA + 1) if s not in taken]
        if not free:
            raise ValidationError(_("An action area has at most %(max)d leads.") % {
                "max": MAX_LEADS_PER_AREA})
        seat = free[0]
    try:
        with transaction.atomic():
            return ActionAreaMembership.objects.create(action_area=action_area, pledger=pledger, role=role,
                                                       lead_seat=seat)
    except IntegrityError as exc:  # another lead took the last seat at the same moment
        raise ValidationError(_("An action area has at most %(max)d leads.") % {
            "max": MAX_LEADS_PER_AREA}) from exc
