"""Writes of the Board: every view, admin action, API call and the demo go through here."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.mail import queue_mail
from alliance.models import User
from alliance.notifications import decisions

from .models import BoardMember, Expert, ExpertiseArea, ExpertRequest, Recommendation, WorkplanActivity

MAX_CO_CHAIRS = 2


def board_member_validate(*, member: BoardMember) -> None:
    """The Board has at most two co-chairs, and only one of them is elected by the members."""
    if member.term_start and member.term_end and member.term_end < member.term_start:
        raise ValidationError({"term_end": _("A term cannot end before it starts.")})
    if member.elected_by_members and member.role != BoardMember.Role.CO_CHAIR:
        raise ValidationError({"elected_by_members": _("Only a co-chair is elected by the members.")})
    if member.role == BoardMember.Role.CO_CHAIR:
        others = BoardMember.objects.filter(role=BoardMember.Role.CO_CHAIR).exclude(pk=member.pk)
        if others.count() >= MAX_CO_CHAIRS:
            raise ValidationError({"role": _("The Board already has two co-chairs.")})
        if member.elected_by_members and others.filter(elected_by_members=True).exists():
            raise ValidationError({"elected_by_members": _("The Board already has an elected co-chair.")})


def recommendation_update_status(
    *, recommendation: Recommendation, status: str, progress_note: str | None = None,
    due_date: datetime.date | None = None,
) -> Recommendation:
    """Record how a recommendation is being implemented (staff, from the admin or the API)."""
    if status not in Recommendation.Status.values:
        raise ValidationError({"status": _("Unknown implementation status.")})
    if status == Recommendation.Status.IMPLEMENTED and not (progress_note or recommendation.progress_note):
        raise ValidationError(
            {"progress_note": _("Say how the recommendation was implemented before marking it implemented.")}
        )
    fields = ["status", "status_updated_at"]
    recommendation.status = status
    recommendation.status_updated_at = timezone.now()
    if progress_note is not None:
        recommendation.progress_note = progress_note
        fields.append("progress_note")
    if due_date is not None:
        recommendation.due_date = due_date
        fields.append("due_date")
    with transaction.atomic():
        recommendation.save(update_fields=fields)
    return recommendation


def activity_check_progress(*, status: str, progress: int | None) -> None:
    """Status and progress agree: planned is 0 percent, completed 100 (the admin's form asks this too)."""
    if status not in WorkplanActivity.Status.values:
        raise ValidationError({"status": _("Unknown activity status.")})
    if progress is None or not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress is a percentage between 0 and 100.")})
    if status == WorkplanActivity.Status.COMPLETED and progress != 100:
        raise ValidationError({"progress": _("A completed activity must be at 100 percent progress.")})
    if status == WorkplanActivity.Status.PLANNED and progress != 0:
        raise ValidationError({"progress": _("A planned activity has not progressed yet.")})


def activity_update_progress(*, activity: WorkplanActivity, status: str, progress: int) -> WorkplanActivity:
    activity_check_progress(status=status, progress=progress)
    activity.status = status
    activity.progress = progress
    with transaction.atomic():
        activity.save(update_fields=["status", "progress"])
    return activity


def expert_request_submit(
    *, full_name: str, email: str, organisation: str, country: str, areas: list[ExpertiseArea],
    motivation: str, language: str = "en",
) -> ExpertRequest:
    """Store a request to join the Expert Network from the public form."""
    email = email.strip().lower()
    if not areas:
        raise ValidationError({"areas": _("Choose at least one area of expertise.")})
    if Expert.objects.filter(email__iexact=email, is_active=True).exists():
        raise ValidationError({"email": _("This e-mail address already belongs to a member of the network.")})
    if ExpertRequest.objects.filter(email__iexact=email, status=ExpertRequest.Status.PENDING).exists():
        raise ValidationError({"email": _("A request from this e-mail address is already being reviewed.")})
    with transaction.atomic():
        request = ExpertRequest.objects.create(
            full_name=full_name.strip(), email=email, organisation=organisation.strip(), country=country,
            motivation=motivation.strip(), language=language,
        )
        request.areas.set(areas)
        queue_mail(to=[email], template="board/mail/expert_request_received",
                   context={"request": request}, language=language)
    return request


def expert_request_approve(*, expert_request: ExpertRequest, by: User) -> Expert:
    """Admit the requester to the Expert Network (or reactivate them) and tell them."""
    if expert_request.status != ExpertRequest.Status.PENDING:
        raise ValidationError(_("Only pending requests can be approved."))
    with transaction.atomic():
        expert, _created = Expert.objects.update_or_create(
            email=expert_request.email,
            defaults={"full_name": expert_request.full_name, "organisation": expert_request.organisation,
                      "country": expert_request.country, "is_active": True,
                      "joined_on": timezone.localdate()},
        )
        expert.areas.add(*expert_request.areas.all())
        expert_request.status = ExpertRequest.Status.APPROVED
        expert_request.decided_at = timezone.now()
        expert_request.decided_by = by
        expert_request.expert = expert
        expert_request.save(update_fields=["status", "decided_at", "decided_by", "expert"])
        decisions.expert_request_decided(request=expert_request)
    return expert


def expert_request_reject(*, expert_request: ExpertRequest, by: User) -> ExpertRequest:
    if expert_request.status != ExpertRequest.Status.PENDING:
        raise ValidationError(_("Only pending requests can be rejected."))
    with transaction.atomic():
        expert_request.status = ExpertRequest.Status.REJECTED
        expert_request.decided_at = timezone.now()
        expert_request.decided_by = by
        expert_request.save(update_fields=["status", "decided_at", "decided_by"])
        decisions.expert_request_decided(request=expert_request)
    return expert_request
