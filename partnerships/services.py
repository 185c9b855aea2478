"""Writes: every change to partners, agreements and pledges goes through these functions."""

from __future__ import annotations

import calendar
import logging
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from alliance.core.mail import queue_mail
from alliance.core.roles import staff_may
from alliance.models import Priority, User
from alliance.notifications import decisions

from .models import (
    DUE_DILIGENCE_FIELDS,
    MAX_LEADS_PER_AREA,
    ActionArea,
    ActionAreaMembership,
    ActionAreaRole,
    BenefitGroup,
    CompilationStatus,
    ExpressionOfInterest,
    ImpactIndicator,
    InterestStatus,
    Partner,
    PartnershipAgreement,
    Pledge,
    PledgeBenefit,
    PledgeCompilation,
    PledgeProgressReport,
    Pledger,
    PledgeStatus,
    ProgressStatus,
)

logger = logging.getLogger(__name__)

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


def partner_check_deletable(*, partner: Partner) -> None:
    """A partner with agreements stays: the agreements are the record of the partnership."""
    if partner.agreements.exists():
        raise ValidationError(_("A partner with agreements cannot be deleted."))


def partner_delete(*, partner: Partner) -> None:
    partner_check_deletable(partner=partner)
    partner.delete()


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
                     **fields: Any) -> PartnershipAgreement:
    agreement = PartnershipAgreement(partner=partner, title=title, region=region)
    _set_fields(agreement, AGREEMENT_FIELDS, fields)
    if not agreement.reference:
        agreement.reference = _new_reference(agreement.signed_on)
    priority_objects = priorities_from_codes(priorities)
    agreement.full_clean()
    with transaction.atomic():
        agreement.save()
        agreement.priorities.set(priority_objects)
    return agreement


def agreement_update(*, agreement: PartnershipAgreement, priorities: Iterable[str] | None = None,
                     **fields: Any) -> PartnershipAgreement:
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


def set_password_link(*, user, language: str) -> str:
    """The address where a new account's holder chooses its password (Django's password reset
    confirmation: it works until the password is set), absolute when the portal's address is known."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from alliance.reports.document import portal_base_url

    with translation.override(language):
        path = reverse("password_reset_confirm", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user)})
    return f"{portal_base_url()}{path}"


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


BENEFIT_FIGURES = ("share_percent", "amount_usd", "people_reached")
BenefitFigures = Mapping[str, Mapping[str, Any]]


def _benefit_figures(benefits: BenefitFigures) -> dict[str, dict[str, Any]]:
    """The figures given per group, empty ones left out; an unknown group or figure is refused."""
    result: dict[str, dict[str, Any]] = {}
    for group, figures in benefits.items():
        if group not in BenefitGroup.values:
            raise TypeError(f"unknown group: {group}")
        unknown = set(figures) - set(BENEFIT_FIGURES)
        if unknown:
            raise TypeError(f"unexpected figures: {', '.join(sorted(unknown))}")
        given = {name: value for name, value in figures.items() if value is not None}
        if given:
            result[group] = given
    return result


def _check_benefits_stated(*, pledge: Pledge, figures: dict[str, dict[str, Any]]) -> None:
    """A group the pledge benefits needs its figures, or at least the description of how much."""
    unstated = [group for group in BenefitGroup.values
                if pledge.benefits_group(group) and group not in figures]
    if unstated and not pledge.benefit_description.strip():
        raise ValidationError({"benefit_description": _(
            "Say how much the pledge benefits LDCs, LLDCs or SIDS.")})


def _benefits_set(*, pledge: Pledge, figures: dict[str, dict[str, Any]]) -> None:
    """Replace the pledge's benefit figures; a row's errors are named ``<group>_<figure>``."""
    pledge.benefits.all().delete()
    for group, given in figures.items():
        row = PledgeBenefit(pledge=pledge, group=group, **given)
        try:
            row.full_clean()
        except ValidationError as error:
            raise ValidationError({
                (f"{group}_{field}" if field in BENEFIT_FIGURES else field): messages
                for field, messages in error.message_dict.items()}) from error
        row.save()


def pledge_submit(*, organisation: str, pledger_kind: str, country: str, contact_name: str,
                  contact_email: str, title: str, description: str, kind: str,
                  action_areas: Iterable[ActionArea], target_year: int, target_countries: Iterable[str] = (),
                  benefits_ldc: bool = False, benefits_lldc: bool = False, benefits_sids: bool = False,
                  benefit_description: str = "", benefits: BenefitFigures | None = None,
                  value_usd: Decimal | None = None, made_with: str = "",
                  language: str = "en", by: User | None = None) -> Pledge:
    """A pledge from the public form: it waits for due diligence and is not visible until published.

    ``benefits`` gives, per group (``ldc``, ``lldc``, ``sids``), how much the pledge benefits it:
    ``share_percent``, ``amount_usd`` (financial pledges), ``people_reached``; a group with figures
    is a group the pledge benefits. ``by`` is the signed-in visitor, if any (see
    ``_pledger_for`` for whose pledge it is).
    """
    action_areas = list(action_areas)
    if not action_areas:
        raise ValidationError({"action_areas": _("Choose at least one action area.")})
    figures = _benefit_figures(benefits or {})
    benefits_ldc = benefits_ldc or "ldc" in figures
    benefits_lldc = benefits_lldc or "lldc" in figures
    benefits_sids = benefits_sids or "sids" in figures
    with transaction.atomic():
        pledger, created = _pledger_for(organisation=organisation, contact_email=contact_email,
                                         language=language, contact_name=contact_name,
                                         submitted_by=by)
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
        _check_benefits_stated(pledge=pledge, figures=figures)
        pledge.save()
        pledge.action_areas.set(action_areas)
        _benefits_set(pledge=pledge, figures=figures)
        account = ({"username": pledger.user.get_username(),
                    "set_password_url": set_password_link(user=pledger.user, language=language)}
                   if created else {})
        queue_mail(to=[contact_email], template="partnerships/mail/pledge_received",
                   context={"pledge": pledge, "pledger": pledger, "new_account": created, **account},
                   language=language)
    return pledge


PLEDGER_EDITABLE = ("title", "description", "kind", "target_countries", "benefits_ldc", "benefits_lldc",
                    "benefits_sids", "benefit_description", "value_usd", "target_year", "made_with")
#: The points of the checklist that depend on what the pledge says: a change asks for them again.
CONTENT_CHECKS = ("dd_supports_action_area", "dd_realistic_measurable")


def pledge_update_by_pledger(*, pledge: Pledge, by: User, action_areas: Iterable[ActionArea],
                             benefits: BenefitFigures | None = None, **fields: Any) -> Pledge:
    """The pledger corrects their pledge while ITU reviews it, never after the decision; the
    checklist points about its content are to be ticked again."""
    from .permissions import is_pledger_of

    if not is_pledger_of(by, pledge):
        raise ValidationError(_("Only the pledger can change this pledge."))
    action_areas = list(action_areas)
    if not action_areas:
        raise ValidationError({"action_areas": _("Choose at least one action area.")})
    figures = _benefit_figures(benefits or {})
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().select_related("pledger").get(pk=pledge.pk)
        if pledge.status != PledgeStatus.SUBMITTED:
            raise ValidationError(_("A pledge can be changed only while it is under review."))
        _set_fields(pledge, PLEDGER_EDITABLE, fields)
        pledge.target_countries = list(pledge.target_countries)
        for group in figures:
            setattr(pledge, f"benefits_{group}", True)
        for check in CONTENT_CHECKS:
            setattr(pledge, check, False)
        pledge.full_clean()
        _check_benefits_stated(pledge=pledge, figures=figures)
        pledge.save()
        pledge.action_areas.set(action_areas)
        _benefits_set(pledge=pledge, figures=figures)
    return pledge


def pledge_due_diligence(*, pledge: Pledge, by: User, checklist: dict[str, bool]) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge is under due diligence."))
    _set_fields(pledge, DUE_DILIGENCE_FIELDS, {k: bool(v) for k, v in checklist.items()})
    pledge.reviewed_by = by
    pledge.save(update_fields=[*checklist, "reviewed_by"])
    return pledge


def pledge_publish(*, pledge: Pledge, by: User, today: date | None = None) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge can be published."))
    if not pledge.due_diligence_complete:
        raise ValidationError(_("Complete every point of the due diligence checklist before publishing."))
    today = today or timezone.localdate()
    pledge.status = PledgeStatus.PUBLISHED
    pledge.reviewed_by, pledge.decided_at = by, timezone.now()
    pledge.next_report_due = add_months(today, pledge.report_every_months)
    pledge.save(update_fields=["status", "reviewed_by", "decided_at", "next_report_due"])
    decisions.pledge_published(pledge=pledge)
    return pledge


def pledge_decline(*, pledge: Pledge, by: User, reason: str) -> Pledge:
    if pledge.status != PledgeStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted pledge can be declined."))
    if not reason.strip():
        raise ValidationError({"decline_reason": _("Give the reason for declining the pledge.")})
    pledge.status, pledge.decline_reason = PledgeStatus.DECLINED, reason.strip()
    pledge.reviewed_by, pledge.decided_at = by, timezone.now()
    pledge.full_clean()
    pledge.save(update_fields=["status", "decline_reason", "reviewed_by", "decided_at"])
    decisions.pledge_declined(pledge=pledge)
    return pledge


def _language_of(pledge: Pledge) -> str:
    user = pledge.pledger.user
    return (user.preferred_language if user and user.preferred_language else "en")


def can_report_on(*, user, pledge: Pledge) -> bool:
    return (staff_may(user, "partnerships.add_pledgeprogressreport")
            or (user.is_authenticated and pledge.pledger.user_id == user.pk))


INDICATOR_FIELDS = ("name", "value", "unit", "measured_on")


def progress_report_submit(*, pledge: Pledge, by: User, status: str, narrative: str,
                           amount_delivered_usd: Decimal = Decimal("0"),
                           indicators: Iterable[Mapping[str, Any]] = (),
                           today: date | None = None) -> PledgeProgressReport:
    """A pledger's progress report, with the impact indicators it carries (name, value, unit,
    date): all stored, or nothing."""
    if not can_report_on(user=by, pledge=pledge):
        raise ValidationError(_("Only the pledger can report progress on this pledge."))
    if pledge.status != PledgeStatus.PUBLISHED:
        raise ValidationError(_("Progress is reported on published pledges only."))
    today = today or timezone.localdate()
    report = PledgeProgressReport(pledge=pledge, status=status, narrative=narrative,
                            amount_delivered_usd=amount_delivered_usd, reported_on=today, submitted_by=by)
    report.full_clean()
    rows = []
    for fields in indicators:
        row = ImpactIndicator(progress_report=report)
        _set_fields(row, INDICATOR_FIELDS, dict(fields))
        row.full_clean(exclude=["progress_report"])
        rows.append(row)
    with transaction.atomic():
        report.save()
        for row in rows:
            row.progress_report = report
            row.save()
        pledge.next_report_due = (None if status == ProgressStatus.COMPLETED
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
                       # The number, never the title the visitor typed (issue 15).
                       context={"reference": pledge.pk, "due": pledge.next_report_due},
                       language=_language_of(pledge))
            pledge.last_reminded_on = today
            pledge.save(update_fields=["last_reminded_on"])
        sent += 1
    return sent


def membership_check(membership: ActionAreaMembership) -> None:
    """The rule a lead must meet whoever appoints them (this service, the admin).

    A lead commits to a significant pledge (seed 003): an organization whose pledges in the area
    were all declined cannot lead it. One without any pledge yet may, and is shown as such.
    """
    if (membership.role != ActionAreaRole.LEAD or membership.pledger_id is None
            or membership.action_area_id is None):
        return
    statuses = set(Pledge.objects.filter(pledger=membership.pledger, action_areas=membership.action_area)
                   .values_list("status", flat=True))
    if statuses == {PledgeStatus.DECLINED}:
        raise ValidationError({"role": _(
            "This organization's only pledge in this action area was declined: it cannot lead the area.")})


def action_area_membership_add(*, action_area: ActionArea, pledger: Pledger,
                               role: str) -> ActionAreaMembership:
    """Add a lead (on a free seat, at most five) or a member to an action area."""
    if role not in ActionAreaRole.values:
        raise ValidationError({"role": _("Unknown role.")})
    membership_check(ActionAreaMembership(action_area=action_area, pledger=pledger, role=role))
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


# --- Joining the coalition -------------------------------------------------------------------------

INTEREST_FIELDS = ("country", "website", "contact_name", "contact_email", "contribution", "language")


def interest_submit(*, action_area: ActionArea, organisation: str, stakeholder_group: str,
                    **fields: Any) -> ExpressionOfInterest:
    """An organization's expression of interest in becoming a member of an action area; it waits
    for BDT's decision."""
    interest = ExpressionOfInterest(action_area=action_area, organisation=organisation.strip(),
                                    stakeholder_group=stakeholder_group)
    _set_fields(interest, INTEREST_FIELDS, fields)
    interest.full_clean()
    interest.save()
    return interest


def _decidable(interest: ExpressionOfInterest) -> ExpressionOfInterest:
    locked = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if locked.status != InterestStatus.SUBMITTED:
        raise ValidationError(_("This expression of interest has already been decided."))
    return locked


def interest_accept(*, interest: ExpressionOfInterest, by: User) -> ExpressionOfInterest:
    """Accept: the organization becomes a member of the action area, as the pledger it already is
    (same organization and contact e-mail) or as a new one without an account."""
    with transaction.atomic():
        interest = _decidable(interest)
        pledger = (Pledger.objects.filter(organisation__iexact=interest.organisation,
                                          contact_email__iexact=interest.contact_email).order_by("pk").first())
        if pledger is None:
            pledger = Pledger(organisation=interest.organisation, kind=interest.stakeholder_group,
                              country=interest.country, contact_name=interest.contact_name,
                              contact_email=interest.contact_email)
            pledger.full_clean()
            pledger.save()
        interest.membership = action_area_membership_add(action_area=interest.action_area, pledger=pledger,
                                                         role=ActionAreaRole.MEMBER)
        interest.status, interest.decided_by, interest.decided_at = (
            InterestStatus.ACCEPTED, by, timezone.now())
        interest.save(update_fields=["membership", "status", "decided_by", "decided_at"])
        _interest_tell(interest, accepted=True)
    return interest


def _interest_tell(interest: ExpressionOfInterest, *, accepted: bool) -> None:
    """The organization learns the decision in the language it wrote in (sent at commit)."""
    with translation.override(interest.language):
        area_name = str(interest.action_area.name)
    decisions.expression_of_interest_decided(
        email=interest.contact_email, language=interest.language, accepted=accepted,
        reference=interest.pk, action_area=area_name, reason_given=interest.decline_reason)


def interest_decline(*, interest: ExpressionOfInterest, by: User, reason: str = "") -> ExpressionOfInterest:
    """Decline, with the reason staff choose to give (it may be empty)."""
    with transaction.atomic():
        interest = _decidable(interest)
        interest.status, interest.decline_reason = InterestStatus.DECLINED, reason.strip()
        interest.decided_by, interest.decided_at = by, timezone.now()
        interest.full_clean()
        interest.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
        _interest_tell(interest, accepted=False)
    return interest


# --- The compilation of pledges -----------------------------------------------------------------


def compilation_request(*, query: str, language: str) -> PledgeCompilation:
    """The PDF compilation of the pledges ``query`` selects (a canonical explorer query string), in
    ``language``: the one already made for the same selection, language and data, or a new one
    that a worker lays out once this transaction commits."""
    from . import compilation
    from .tasks import generate_compilation

    if language not in dict(settings.LANGUAGES):
        raise ValidationError({"language": _("Unknown language.")})
    pledges, query = compilation.selection(QueryDict(query))
    if compilation.pdf_count(pledges) is None:
        raise ValidationError({"query": compilation.too_long_for_pdf_message()})
    key = compilation.compilation_key(query=query, language=language)
    with transaction.atomic():
        item, created = PledgeCompilation.objects.get_or_create(
            key=key, defaults={"query": query, "language": language})
        if not created and item.status == CompilationStatus.FAILED:
            item.status, item.error = CompilationStatus.QUEUED, ""
            item.save(update_fields=["status", "error"])
            created = True
        if created:
            transaction.on_commit(lambda: generate_compilation.delay(item.pk))
    return item


def compilation_generate(*, compilation_id: int) -> PledgeCompilation | None:
    """Lay the compilation out as PDF with the reports' writer and store it; a failure is recorded
    on the compilation, with its reason."""
    from alliance.core.storage import save_complete
    from alliance.reports.document import DEFAULT_FONT_FAMILY, FONT_FAMILIES, portal_base_url
    from alliance.reports.pdf import write_pdf

    from . import compilation

    item = PledgeCompilation.objects.filter(pk=compilation_id).first()
    if item is None or item.status == CompilationStatus.DONE:
        return item
    try:
        with translation.override(item.language):
            pledges, _query = compilation.selection(QueryDict(item.query))
            pledges = list(pledges)
            ids = [pledge.pk for pledge in pledges]
            html = render_to_string("partnerships/compilation/document.html", {
                "pledges": pledges, "totals": compilation.totals(Pledge.objects.filter(pk__in=ids)),
                "language": item.language, "base_url": portal_base_url(),
                "direction": "rtl" if item.language in settings.LANGUAGES_BIDI else "ltr",
                "font_family": FONT_FAMILIES.get(item.language, DEFAULT_FONT_FAMILY),
                "generated_on": timezone.localdate(), "filtered": bool(item.query),
            })
        with tempfile.TemporaryDirectory(prefix="compilation-") as scratch:
            target = Path(scratch) / "pledges.pdf"
            write_pdf(html=html, target=target)
            stored = f"partnerships/compilations/p2c-pledges-{item.language}-{item.key[:12]}.pdf"
            name = save_complete(name=stored, source=target)
    except Exception as exc:  # noqa: BLE001 - any failure is recorded on the compilation
        logger.exception("Compilation %s failed", item.pk)
        item.status, item.error = CompilationStatus.FAILED, f"{exc.__class__.__name__}: {exc}"
        item.save(update_fields=["status", "error"])
        return item
    item.pdf.name, item.pledge_count = name, len(pledges)
    item.status, item.finished_at = CompilationStatus.DONE, timezone.now()
    item.save(update_fields=["pdf", "pledge_count", "status", "finished_at"])
    return item
