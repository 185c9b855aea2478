"""Writes of centres: every lifecycle step is one function with its rules.

Views, admin actions, the API and the demo call these; none of them takes a request.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from alliance.core.links import absolute_url
from alliance.core.mail import queue_mail
from alliance.core.roles import staff_may
from alliance.models import RegionalInitiative, StrategicObjective, User
from alliance.notifications import decisions

from .models import (
    ActionPlan,
    ActionPlanActivity,
    ActivityProgress,
    Application,
    ApplicationDocument,
    Call,
    Centre,
    CentreChangeProposal,
    CentreDocument,
    CentreDocumentVersion,
    CentreHost,
    CentreMessage,
    CentreProgressReport,
    CooperationAgreement,
    Criterion,
    DueDiligenceCheck,
    EvaluatorAssignment,
    NetworkEvent,
    Score,
)
from .selectors import evaluation_complete

DUPLICATE_WINDOW = timedelta(days=1)
MAX_OBJECTIVES = 5


def _set_history_user(obj, user) -> None:
    if user is not None:
        obj._history_user = user


def _full_clean(obj, exclude: Iterable[str] = ()) -> None:
    obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)


# Applications -------------------------------------------------------------------------------


def current_call() -> Call:
    """The call that receives applications now: the most recent one that is still open."""
    today = timezone.localdate()
    call = (Call.objects.filter(opened_on__lte=today)
            .exclude(closed_on__lt=today).order_by("-opened_on", "-pk").first())
    if call is None:
        call, _created = Call.objects.get_or_create(
            code="rolling", defaults={"name": "Applications on a rolling basis", "opened_on": today})
    return call


def _new_reference(year: int) -> str:
    while True:
        reference = f"AC-{year}-{secrets.token_hex(3).upper()}"
        if not Application.objects.filter(reference=reference).exists():
            return reference


def application_submit(
    *,
    organisation: str,
    host_type: str,
    country: str,
    city: str,
    contact_name: str,
    contact_email: str,
    regional_initiative: RegionalInitiative,
    objectives: Sequence[StrategicObjective],
    support_plan: str,
    contact_phone: str = "",
    website: str = "",
    documents: Sequence[tuple[str, UploadedFile]] = (),
    language: str = "en",
    call: Call | None = None,
    submitted_at=None,
) -> Application:
    """Store a public application with its documents and send the applicant a confirmation, with
    the signed link where they follow its status."""
    submitted_at = submitted_at or timezone.now()
    errors: dict[str, list] = {}
    if not 1 <= len(objectives) <= MAX_OBJECTIVES:
        errors["objectives"] = [_("Choose between one and five strategic objectives.")]
    if Application.objects.filter(
        organisation__iexact=organisation.strip(), contact_email__iexact=contact_email.strip(),
        submitted_at__gte=submitted_at - DUPLICATE_WINDOW,
    ).exists():
        errors["__all__"] = [_("An application from this organisation with this e-mail address was "
                               "received in the last 24 hours. Write to us if you need to change it.")]
    application = Application(
        call=call or current_call(), organisation=organisation.strip(), host_type=host_type,
        country=country, city=city.strip(), contact_name=contact_name.strip(),
        contact_email=contact_email.strip(), contact_phone=contact_phone.strip(), website=website,
        regional_initiative=regional_initiative, support_plan=support_plan, language=language,
        submitted_at=submitted_at, reference=_new_reference(submitted_at.year),
    )
    try:
        _full_clean(application)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    document_rows = []
    for title, file in documents:
        document = ApplicationDocument(title=title or file.name, file=file)
        try:
            _full_clean(document, exclude=["application"])
        except ValidationError as exc:
            errors.setdefault("documents", []).extend(
                message for messages in exc.message_dict.values() for message in messages)
        document_rows.append(document)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        application.save()
        application.objectives.set(objectives)
        for document in document_rows:
            document.application = application
            document.save()
        with translation.override(language):
            link = application_status_url(application=application)
        queue_mail(to=[application.contact_email], template="centres/mail/application_received",
                   context={"application": application, "status_link": link}, language=language)
    return application


APPLICATION_STATUS_SALT = "centres.application-status"
APPLICATION_STATUS_MAX_AGE = timedelta(days=730)
SCREENING_STATUSES = (Application.Status.SUBMITTED, Application.Status.DUE_DILIGENCE)
MAX_APPLICATION_DOCUMENTS = 10


def application_status_token(*, application: Application) -> str:
    """What the applicant's link carries: the reference, signed (nobody reaches an application by
    guessing its reference)."""
    return signing.dumps(application.reference, salt=APPLICATION_STATUS_SALT)


def application_status_url(*, application: Application) -> str:
    path = reverse("centres:application-status", kwargs={"token": application_status_token(
        application=application)})
    return absolute_url(path)


def application_document_add(*, application: Application, title: str,
                             file: UploadedFile) -> ApplicationDocument:
    """The applicant adds a missing document while BDT screens the application (submitted or in
    due diligence); not once it is being evaluated or decided."""
    if application.status not in SCREENING_STATUSES:
        raise ValidationError(_("Documents can be added only while the application is being screened."))
    if application.documents.count() >= MAX_APPLICATION_DOCUMENTS:
        raise ValidationError(_("An application holds at most ten documents; write to BDT to replace one."))
    document = ApplicationDocument(application=application, title=title.strip() or file.name, file=file)
    _full_clean(document)
    _set_history_user(document, None)
    document.save()
    return document


def application_start_due_diligence(*, application: Application, by: User | None = None) -> Application:
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Due diligence starts on a submitted application only."))
    with transaction.atomic():
        for item in DueDiligenceCheck.Item.values:
            DueDiligenceCheck.objects.get_or_create(application=application, item=item)
        application.status = Application.Status.DUE_DILIGENCE
        _set_history_user(application, by)
        application.save(update_fields=["status"])
    return application


def due_diligence_check_open(*, application: Application) -> None:
    """The checklist (its results, and which checks it holds) changes only during due diligence."""
    if application.status != Application.Status.DUE_DILIGENCE:
        raise ValidationError(_("The checklist can be changed only while due diligence is under way."))


def due_diligence_check_result(*, check: DueDiligenceCheck, result: str, note: str = "") -> None:
    """The checklist changes only during due diligence, and a failed check says why."""
    due_diligence_check_open(application=check.application)
    if result not in DueDiligenceCheck.Result.values:
        raise ValidationError({"result": _("Choose a valid result.")})
    if result == DueDiligenceCheck.Result.FAILED and not note.strip():
        raise ValidationError({"note": _("Say why the check failed.")})


def due_diligence_record(*, check: DueDiligenceCheck, result: str, note: str = "",
                         by: User | None = None) -> DueDiligenceCheck:
    due_diligence_check_result(check=check, result=result, note=note)
    check.result, check.note = result, note
    check.checked_by, check.checked_at = by, timezone.now()
    _set_history_user(check, by)
    check.save()
    return check


def due_diligence_delete(*, check: DueDiligenceCheck, by: User | None = None) -> None:
    """Take a check off the checklist, during due diligence only (its history keeps it)."""
    due_diligence_check_open(application=check.application)
    _set_history_user(check, by)
    check.delete()


def application_finish_due_diligence(*, application: Application, by: User | None = None) -> Application:
    """Send an application to evaluation once every check of its checklist has passed."""
    if application.status != Application.Status.DUE_DILIGENCE:
        raise ValidationError(_("This application is not in due diligence."))
    results = set(application.checks.values_list("result", flat=True))
    if not results or results != {DueDiligenceCheck.Result.PASSED}:
        raise ValidationError(_("Every due-diligence check must pass before the evaluation; "
                                "an application that fails a check is not selected."))
    application.status = Application.Status.EVALUATION
    _set_history_user(application, by)
    application.save(update_fields=["status"])
    return application


# Blind evaluation ------------------------------------------------------------------------------

DECIDED = (Application.Status.SELECTED, Application.Status.NOT_SELECTED)


def evaluator_assign(*, application: Application, evaluator, by: User | None = None) -> EvaluatorAssignment:
    """Assign an evaluator (a staff member who may evaluate) to score an application on their own."""
    if application.status in DECIDED:
        raise ValidationError(_("A decision was already taken on this application."))
    if not staff_may(evaluator, "centres.evaluate_application"):
        raise ValidationError({"evaluator": _("This person is not an evaluator.")})
    existing = EvaluatorAssignment.objects.filter(application=application, evaluator=evaluator).first()
    if existing is not None:
        if not existing.is_active:
            raise ValidationError({"evaluator": _(
                "This evaluator declared a conflict of interest with this application.")})
        raise ValidationError({"evaluator": _("This evaluator is already assigned to this application.")})
    assignment = EvaluatorAssignment(application=application, evaluator=evaluator, assigned_by=by)
    _set_history_user(assignment, by)
    assignment.save()
    return assignment


def evaluator_unassign(*, assignment: EvaluatorAssignment, by: User | None = None) -> None:
    """Take an evaluator off an application before they submit: their draft scores go with them."""
    if assignment.submitted_at is not None:
        raise ValidationError(_("Submitted scores are final: this evaluator can no longer be removed."))
    with transaction.atomic():
        _own_scores(assignment).delete()
        _set_history_user(assignment, by)
        assignment.delete()


def _own_scores(assignment: EvaluatorAssignment):
    return Score.objects.filter(application_id=assignment.application_id,
                                evaluator_id=assignment.evaluator_id)


def _active_assignment(application: Application, evaluator) -> EvaluatorAssignment:
    """The evaluator's assignment to score this application: they score their own sheet only."""
    assignment = EvaluatorAssignment.objects.filter(
        application=application, evaluator=evaluator, conflict_declared_at__isnull=True).first()
    if assignment is None:
        raise ValidationError(_("You are not assigned to evaluate this application."))
    return assignment


def _require_open(assignment: EvaluatorAssignment) -> None:
    if assignment.submitted_at is not None:
        raise ValidationError(_("Your scores were submitted; they can no longer be changed."))


def conflict_declare(*, assignment: EvaluatorAssignment, note: str,
                     by: User | None = None) -> EvaluatorAssignment:
    """The evaluator has a conflict of interest: they leave the application, their drafts deleted."""
    if not assignment.is_active:
        raise ValidationError(_("A conflict of interest was already declared."))
    _require_open(assignment)
    if not note.strip():
        raise ValidationError({"note": _("Describe the conflict of interest.")})
    with transaction.atomic():
        _own_scores(assignment).delete()
        assignment.conflict_declared_at, assignment.conflict_note = timezone.now(), note.strip()
        _full_clean(assignment)
        _set_history_user(assignment, by)
        assignment.save(update_fields=["conflict_declared_at", "conflict_note"])
    return assignment


def score_record(*, application: Application, criterion: Criterion, evaluator, score: int,
                 comment: str = "") -> Score:
    """One score of the evaluator's own sheet, a draft until they submit the sheet."""
    if application.status != Application.Status.EVALUATION:
        raise ValidationError(_("Only applications under evaluation can be scored."))
    assignment = _active_assignment(application, evaluator)
    _require_open(assignment)
    if not criterion.is_active:
        raise ValidationError({"criterion": _("This criterion is no longer in use.")})
    if not 0 <= score <= criterion.max_score:
        raise ValidationError({"score": _("The score must be between 0 and %(max)s.") % {
            "max": criterion.max_score}})
    row, _created = Score.objects.update_or_create(
        application=application, criterion=criterion, evaluator=evaluator,
        defaults={"score": score, "comment": comment},
    )
    return row


def score_sheet_save(*, assignment: EvaluatorAssignment, scores: Sequence[tuple[Criterion, int | None, str]],
                     submit: bool = False) -> EvaluatorAssignment:
    """Save the evaluator's sheet (a score and a comment per criterion), and submit it if asked:
    then every criterion in use must be scored, and the scores are final."""
    if not assignment.is_active:
        raise ValidationError(_("You declared a conflict of interest with this application."))
    _require_open(assignment)
    with transaction.atomic():
        for criterion, score, comment in scores:
            if score is None:
                _own_scores(assignment).filter(criterion=criterion).delete()
                continue
            score_record(application=assignment.application, criterion=criterion,
                         evaluator=assignment.evaluator, score=score, comment=comment)
        if submit:
            score_sheet_submit(assignment=assignment)
    return assignment


def score_sheet_submit(*, assignment: EvaluatorAssignment) -> EvaluatorAssignment:
    if not assignment.is_active:
        raise ValidationError(_("You declared a conflict of interest with this application."))
    _require_open(assignment)
    active = set(Criterion.objects.filter(is_active=True).values_list("pk", flat=True))
    scored = set(_own_scores(assignment).values_list("criterion_id", flat=True))
    if not active or not active <= scored:
        raise ValidationError(_("Score every criterion before submitting your scores."))
    assignment.submitted_at = timezone.now()
    _set_history_user(assignment, assignment.evaluator)
    assignment.save(update_fields=["submitted_at"])
    return assignment


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "centre"
    slug, number = base, 2
    while Centre.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def application_select(*, application: Application, by: User, reason: str = "",
                       selected_on: date | None = None) -> Centre:
    """Select a host: create its centre and invite the contact person to the host portal."""
    if application.status != Application.Status.EVALUATION:
        raise ValidationError(_("Only applications under evaluation can be selected."))
    if not evaluation_complete(application):
        raise ValidationError(_("Every assigned evaluator must submit their scores before the "
                                "application is selected."))
    with transaction.atomic():
        application.status = Application.Status.SELECTED
        application.decision_reason = reason
        application.decided_at, application.decided_by = timezone.now(), by
        _set_history_user(application, by)
        application.save(update_fields=["status", "decision_reason", "decided_at", "decided_by"])
        name = _("ITU Acceleration Centre – %(host)s") % {"host": application.organisation}
        centre = Centre(
            application=application, name=str(name), slug=_unique_slug(application.organisation),
            host_organisation=application.organisation, host_type=application.host_type,
            country=application.country, city=application.city,
            regional_initiative=application.regional_initiative,
            selected_on=selected_on or timezone.localdate(), contact_email=application.contact_email,
            contact_phone=application.contact_phone, website=application.website,
        )
        _set_history_user(centre, by)
        centre.save()
        centre.objectives.set(application.objectives.all())
        host_invite(centre=centre, email=application.contact_email, full_name=application.contact_name,
                    language=application.language)
    return centre


def application_reject(*, application: Application, by: User, reason: str,
                       reason_given: str = "") -> Application:
    """Not selected: the internal ``reason`` is recorded; the applicant is told by e-mail, with
    ``reason_given`` if staff chose to give one."""
    if application.status in (Application.Status.SELECTED, Application.Status.NOT_SELECTED):
        raise ValidationError(_("A decision was already taken on this application."))
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason why the application is not selected.")})
    application.status = Application.Status.NOT_SELECTED
    application.decision_reason = reason.strip()
    application.decided_at, application.decided_by = timezone.now(), by
    _set_history_user(application, by)
    with transaction.atomic():
        application.save(update_fields=["status", "decision_reason", "decided_at", "decided_by"])
        decisions.application_not_selected(application=application, reason_given=reason_given)
    return application


def host_invite(*, centre: Centre, email: str, full_name: str = "", language: str = "en") -> CentreHost:
    """Give a person a host account with no password and e-mail them a link to choose one."""
    User = get_user_model()
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        first, _sep, last = full_name.strip().partition(" ")
        user = User(username=email[:150], email=email, first_name=first[:150], last_name=last[:150],
                    preferred_language=language)
        user.set_unusable_password()
        user.save()
    if user.is_staff:
        raise ValidationError(_("BDT staff accounts cannot be centre hosts."))
    try:
        with transaction.atomic():
            host = CentreHost.objects.create(user=user, centre=centre, invited_at=timezone.now())
    except IntegrityError as exc:
        raise ValidationError(_("This person already hosts a centre.")) from exc
    with translation.override(language):
        path = reverse("password_reset_confirm", kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        })
    queue_mail(to=[email], template="centres/mail/host_invitation", language=language,
               context={"centre": centre, "user": user, "link": absolute_url(path)})
    return host


# Centres and their lifecycle -----------------------------------------------------------------


def _require_not_removed(centre: Centre) -> None:
    if centre.status == Centre.Status.REMOVED:
        raise ValidationError(_("This centre was removed from the network."))


def agreement_sign(*, centre: Centre, signed_on: date, starts_on: date, ends_on: date,
                   document: UploadedFile | None = None, by: User | None = None) -> CooperationAgreement:
    """Record the signed cooperation agreement; a selected centre moves to "agreement signed"."""
    agreement_check_new(centre=centre, renews=None, starts_on=starts_on)
    agreement = CooperationAgreement(centre=centre, signed_on=signed_on, starts_on=starts_on, ends_on=ends_on)
    if document:
        agreement.document = document
    agreement_check_terms(agreement=agreement)
    with transaction.atomic():
        _set_history_user(agreement, by)
        agreement.save()
        if centre.status == Centre.Status.SELECTED:
            centre.status = Centre.Status.AGREEMENT_SIGNED
            _set_history_user(centre, by)
            centre.save(update_fields=["status"])
    return agreement


def agreement_check_new(
    *, centre: Centre, renews: CooperationAgreement | None, starts_on: date | None
) -> None:
    """The rules for a new agreement: a first one per centre, then renewals of the latest one."""
    _require_not_removed(centre)
    if renews is None:
        if centre.agreements.exists():
            raise ValidationError(_("This centre already has a cooperation agreement; record a renewal."))
        return
    if renews.centre_id != centre.pk:
        raise ValidationError(_("A renewal must renew an agreement of the same centre."))
    if CooperationAgreement.objects.filter(renews=renews).exists():
        raise ValidationError(_("This agreement was already renewed."))
    if starts_on and starts_on < renews.starts_on:
        raise ValidationError({"starts_on": _("A renewal cannot start before the agreement it renews.")})


def agreement_check_terms(*, agreement: CooperationAgreement) -> None:
    """An agreement's term ends after it starts, and it was not signed in the future."""
    _full_clean(agreement)
    if agreement.ends_on <= agreement.starts_on:
        raise ValidationError({"ends_on": _("The term must end after it starts.")})
    if agreement.signed_on > timezone.localdate():
        raise ValidationError({"signed_on": _("The signature date cannot be in the future.")})


def agreement_renew(*, agreement: CooperationAgreement, signed_on: date, starts_on: date, ends_on: date,
                    document: UploadedFile | None = None, by: User | None = None) -> CooperationAgreement:
    agreement_check_new(centre=agreement.centre, renews=agreement, starts_on=starts_on)
    renewal = CooperationAgreement(centre=agreement.centre, renews=agreement, signed_on=signed_on,
                        starts_on=starts_on, ends_on=ends_on)
    if document:
        renewal.document = document
    agreement_check_terms(agreement=renewal)
    _set_history_user(renewal, by)
    renewal.save()
    return renewal


def centre_start_design(*, centre: Centre, by: User | None = None) -> Centre:
    """The design phase needs a signed agreement; it opens the centre's action plan."""
    if centre.status != Centre.Status.AGREEMENT_SIGNED or not centre.agreements.exists():
        raise ValidationError(_("The design phase starts only after the cooperation agreement is signed."))
    with transaction.atomic():
        ActionPlan.objects.get_or_create(centre=centre)
        centre.status = Centre.Status.DESIGN
        _set_history_user(centre, by)
        centre.save(update_fields=["status"])
    return centre


def centre_start_operating(*, centre: Centre, by: User | None = None, on: date | None = None) -> Centre:
    if centre.status != Centre.Status.CAPACITY_BUILDING:
        raise ValidationError(_("Only a centre deploying its services can start operating."))
    if not centre.progress_reports.filter(status=CentreProgressReport.Status.ACCEPTED).exists():
        raise ValidationError(_("A centre starts operating after BDT has accepted a progress report."))
    centre.status = Centre.Status.OPERATING
    centre.operating_since = on or timezone.localdate()
    _set_history_user(centre, by)
    centre.save(update_fields=["status", "operating_since"])
    return centre


def centre_remove(*, centre: Centre, removed_on: date, reason: str, note: str = "",
                  by: User | None = None) -> Centre:
    _require_not_removed(centre)
    if reason not in Centre.RemovalReason.values:
        raise ValidationError({"reason": _("Choose the reason for the removal.")})
    if reason == Centre.RemovalReason.OTHER and not note.strip():
        raise ValidationError({"note": _("Explain the removal when the reason is \"other\".")})
    if removed_on < centre.selected_on:
        raise ValidationError({"removed_on": _("A centre cannot be removed before it was selected.")})
    centre.status = Centre.Status.REMOVED
    centre.removed_on, centre.removal_reason, centre.removal_note = removed_on, reason, note.strip()
    _set_history_user(centre, by)
    centre.save(update_fields=["status", "removed_on", "removal_reason", "removal_note"])
    return centre


PROFILE_FIELDS = ("website", "contact_email", "contact_phone", "logo")


def centre_update_profile(*, centre: Centre, data: dict, by: User | None = None) -> Centre:
    """Update what a host may change: descriptions in the six languages, contacts, logo, website."""
    _require_not_removed(centre)
    allowed = {name for name in data if name in PROFILE_FIELDS or name.startswith("description")}
    for name in allowed:
        if name == "logo":
            # None keeps the current logo, False (the "clear" box) removes it, a file replaces it.
            Centre._meta.get_field("logo").save_form_data(centre, data[name])
        else:
            setattr(centre, name, data[name])
    _full_clean(centre)
    _set_history_user(centre, by)
    centre.save()
    return centre


# Changes only BDT may make -------------------------------------------------------------------


def change_proposal_submit(*, centre: Centre, data: dict, reason: str,
                           by: User | None = None) -> CentreChangeProposal:
    """A host proposes new values for fields BDT validates; only values that differ from the
    centre's are kept. Refused while another proposal of the centre waits for BDT."""
    _require_not_removed(centre)
    changes = {name: (data.get(name) or "").strip() for name in CentreChangeProposal.FIELDS}
    changes = {name: value if value != getattr(centre, name) else "" for name, value in changes.items()}
    if not any(changes.values()):
        raise ValidationError(_("Change at least one field: the values are the centre's current ones."))
    proposal = CentreChangeProposal(centre=centre, reason=reason.strip(), proposed_by=by,
                                    proposed_at=timezone.now(), **changes)
    _full_clean(proposal)
    waiting = ValidationError(_("A proposed change already waits for BDT; wait for its decision."))
    pending = CentreChangeProposal.Status.PENDING
    if CentreChangeProposal.objects.filter(centre=centre, status=pending).exists():
        raise waiting
    try:
        with transaction.atomic():  # the database's constraint settles two proposals sent at once
            _set_history_user(proposal, by)
            proposal.save()
    except IntegrityError as exc:
        raise waiting from exc
    return proposal


def _require_pending(proposal: CentreChangeProposal) -> None:
    if proposal.status != CentreChangeProposal.Status.PENDING:
        raise ValidationError(_("This proposal was already decided."))


def change_proposal_accept(*, proposal: CentreChangeProposal, by: User | None = None,
                           comment: str = "") -> CentreChangeProposal:
    """BDT accepts: the centre takes the proposed values (its address, the slug, stays)."""
    _require_pending(proposal)
    centre = proposal.centre
    _require_not_removed(centre)
    for name in CentreChangeProposal.FIELDS:
        if getattr(proposal, name):
            setattr(centre, name, getattr(proposal, name))
    _full_clean(centre)
    proposal.status, proposal.decided_by, proposal.decided_at = (CentreChangeProposal.Status.ACCEPTED, by,
                                                                 timezone.now())
    proposal.decision_comment = comment.strip()
    with transaction.atomic():
        _set_history_user(centre, by)
        centre.save()
        _set_history_user(proposal, by)
        proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
    return proposal


def change_proposal_decline(*, proposal: CentreChangeProposal, comment: str,
                            by: User | None = None) -> CentreChangeProposal:
    _require_pending(proposal)
    if not comment.strip():
        raise ValidationError({"decision_comment": _("Say why the change is declined.")})
    proposal.status, proposal.decided_by, proposal.decided_at = (CentreChangeProposal.Status.DECLINED, by,
                                                                 timezone.now())
    proposal.decision_comment = comment.strip()
    _set_history_user(proposal, by)
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_comment"])
    return proposal


# Action plans --------------------------------------------------------------------------------


EDITABLE_PLAN_CENTRE_STATUSES = (Centre.Status.DESIGN, Centre.Status.CAPACITY_BUILDING,
                                 Centre.Status.OPERATING)


def _require_plan_editable(plan: ActionPlan) -> None:
    if plan.centre.status not in EDITABLE_PLAN_CENTRE_STATUSES:
        raise ValidationError(_("The action plan can be changed once the design phase has started."))
    if plan.status == ActionPlan.Status.SUBMITTED:
        raise ValidationError(_("The action plan is with BDT for review; wait for its answer."))


ACTIVITY_FIELDS = ("objective", "title", "planned_start", "planned_end", "status", "progress", "outputs",
                   "indicators")


def activity_check(*, activity: ActionPlanActivity) -> None:
    """An activity (its status and progress too) changes only while its plan can, and it ends no
    earlier than it starts. The admin's forms ask this before activity_save writes."""
    if activity.plan_id is None:
        return
    _require_plan_editable(activity.plan)
    start, end = activity.planned_start, activity.planned_end
    if start and end and end < start:
        raise ValidationError({"planned_end": _("The planned end cannot be before the planned start.")})


def activity_save(
    *, plan: ActionPlan, activity: ActionPlanActivity | None = None, data: dict, by: User | None = None
) -> ActionPlanActivity:
    """Add an activity to a plan or change one of its activities."""
    _require_plan_editable(plan)
    activity = activity or ActionPlanActivity(plan=plan)
    if activity.plan_id != plan.pk:
        raise ValidationError(_("This activity belongs to another action plan."))
    for name in ACTIVITY_FIELDS:
        if name in data:
            setattr(activity, name, data[name])
    _full_clean(activity)
    activity_check(activity=activity)
    _set_history_user(activity, by)
    activity.save()
    return activity


def action_plan_submit(*, plan: ActionPlan, by: User | None = None) -> ActionPlan:
    if plan.status not in (ActionPlan.Status.DRAFT, ActionPlan.Status.RETURNED):
        raise ValidationError(_("Only a draft or returned action plan can be submitted."))
    _require_plan_editable(plan)
    if not plan.activities.exists():
        raise ValidationError(_("Add at least one activity before submitting the action plan."))
    plan.status, plan.submitted_at = ActionPlan.Status.SUBMITTED, timezone.now()
    _set_history_user(plan, by)
    plan.save(update_fields=["status", "submitted_at"])
    return plan


def action_plan_approve(*, plan: ActionPlan, by: User | None = None, on: date | None = None) -> ActionPlan:
    """BDT's approval finishes the design phase: the centre moves to capacity building."""
    if plan.status != ActionPlan.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted action plan can be approved."))
    centre = plan.centre
    if centre.status != Centre.Status.DESIGN:
        raise ValidationError(_("The centre is not in the design phase."))
    with transaction.atomic():
        plan.status, plan.approved_at, plan.approved_by = ActionPlan.Status.APPROVED, timezone.now(), by
        _set_history_user(plan, by)
        plan.save(update_fields=["status", "approved_at", "approved_by"])
        centre.status = Centre.Status.CAPACITY_BUILDING
        centre.design_finished_on = on or timezone.localdate()
        _set_history_user(centre, by)
        centre.save(update_fields=["status", "design_finished_on"])
    return plan


def action_plan_return(*, plan: ActionPlan, comment: str, by: User | None = None) -> ActionPlan:
    if plan.status != ActionPlan.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted action plan can be returned."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the host should change.")})
    plan.status, plan.review_comment = ActionPlan.Status.RETURNED, comment.strip()
    _set_history_user(plan, by)
    plan.save(update_fields=["status", "review_comment"])
    return plan


# Progress reports ----------------------------------------------------------------------------

REPORTING_CENTRE_STATUSES = (Centre.Status.CAPACITY_BUILDING, Centre.Status.OPERATING)


def progress_report_create(*, centre: Centre, period_start: date, period_end: date, summary: str,
                           by: User | None = None) -> CentreProgressReport:
    """Open a draft report with one line per activity of the approved action plan."""
    if centre.status not in REPORTING_CENTRE_STATUSES:
        raise ValidationError(_("Progress is reported once BDT has approved the action plan."))
    if period_end < period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    if centre.progress_reports.filter(period_start=period_start, period_end=period_end).exists():
        raise ValidationError({"period_start": _("There is already a report for this period.")})
    report = CentreProgressReport(
        centre=centre, period_start=period_start, period_end=period_end, summary=summary
    )
    _full_clean(report)
    with transaction.atomic():
        _set_history_user(report, by)
        report.save()
        ActivityProgress.objects.bulk_create(
            ActivityProgress(report=report, activity=activity, status=activity.status,
                             progress=activity.progress)
            for activity in ActionPlanActivity.objects.filter(plan__centre=centre).order_by("pk")
        )
    return report


def _require_report_editable(report: CentreProgressReport) -> None:
    if report.status not in (CentreProgressReport.Status.DRAFT, CentreProgressReport.Status.RETURNED):
        raise ValidationError(_("This report was submitted; it can no longer be changed."))


def progress_report_update(*, report: CentreProgressReport, data: dict, lines: Sequence[dict] = (),
                           by: User | None = None) -> CentreProgressReport:
    """Change a draft: ``lines`` are dicts with ``line`` (an ActivityProgress) and its new values."""
    _require_report_editable(report)
    for name in ("period_start", "period_end", "summary"):
        if name in data:
            setattr(report, name, data[name])
    _full_clean(report)
    if report.period_end < report.period_start:
        raise ValidationError({"period_end": _("The period cannot end before it starts.")})
    with transaction.atomic():
        _set_history_user(report, by)
        report.save()
        for values in lines:
            line = values["line"]
            if line.report_id != report.pk:
                raise ValidationError(_("This line belongs to another report."))
            line.status, line.progress = values["status"], values["progress"]
            line.note = values.get("note", "")
            _full_clean(line)
            line.save()
    return report


def progress_report_submit(*, report: CentreProgressReport, by: User | None = None) -> CentreProgressReport:
    _require_report_editable(report)
    report.status, report.submitted_at = CentreProgressReport.Status.SUBMITTED, timezone.now()
    _set_history_user(report, by)
    report.save(update_fields=["status", "submitted_at"])
    return report


def progress_report_accept(
    *, report: CentreProgressReport, by: User | None = None, comment: str = ""
) -> CentreProgressReport:
    """Accepting a report carries the progress it reports onto the plan's activities."""
    if report.status != CentreProgressReport.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted."))
    with transaction.atomic():
        for line in report.lines.select_related("activity"):
            activity = line.activity
            activity.status, activity.progress = line.status, line.progress
            _set_history_user(activity, by)
            activity.save(update_fields=["status", "progress"])
        report.status, report.reviewed_at = CentreProgressReport.Status.ACCEPTED, timezone.now()
        report.reviewed_by, report.review_comment = by, comment.strip()
        _set_history_user(report, by)
        report.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_comment"])
    return report


def progress_report_return(*, report: CentreProgressReport, comment: str,
                           by: User | None = None) -> CentreProgressReport:
    """BDT sends a submitted report back for changes. Its comment also opens the exchange about the
    report in the centre's thread (a message tied to the report, the hosts told by e-mail), where
    the host answers from the report's page."""
    if report.status != CentreProgressReport.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be returned."))
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the host should change.")})
    report.status, report.reviewed_at, report.reviewed_by = (
        CentreProgressReport.Status.RETURNED,
        timezone.now(),
        by,
    )
    report.review_comment = comment.strip()
    with transaction.atomic():
        _set_history_user(report, by)
        report.save(update_fields=["status", "reviewed_at", "reviewed_by", "review_comment"])
        centre_message_send(centre=report.centre, body=report.review_comment, by=by, from_bdt=True,
                            report=report)
    return report


# Documents -----------------------------------------------------------------------------------


def centre_document_upload(*, centre: Centre, title: str, file: UploadedFile,
                           by: User | None = None) -> CentreDocument:
    _require_not_removed(centre)
    document = CentreDocument(centre=centre, title=title, file=file, uploaded_by=by)
    _full_clean(document)
    document.save()
    return document


def centre_document_replace(*, document: CentreDocument, file: UploadedFile,
                            by: User | None = None) -> CentreDocument:
    """Put a new file in place of the document's; the file it held is kept as a previous version,
    with who uploaded it and when, and who replaced it."""
    _require_not_removed(document.centre)
    now = timezone.now()
    with transaction.atomic():
        document = CentreDocument.objects.select_for_update().get(pk=document.pk)
        if document.removed_at is not None:
            raise ValidationError(_("This document was removed; upload it again as a new document."))
        previous = CentreDocumentVersion(document=document, file=document.file.name,
                                         uploaded_by=document.uploaded_by, uploaded_at=document.uploaded_at,
                                         replaced_by=by, replaced_at=now)
        document.file, document.uploaded_by, document.uploaded_at = file, by, now
        _full_clean(document)
        previous.save()
        _set_history_user(document, by)
        document.save()
    return document


def centre_document_remove(*, document: CentreDocument, by: User | None = None) -> CentreDocument:
    """The host takes a document off the centre's list. Nothing is deleted: the document, its file
    and its previous versions stay, marked removed with who and when, for BDT to see."""
    _require_not_removed(document.centre)
    with transaction.atomic():
        document = CentreDocument.objects.select_for_update().get(pk=document.pk)
        if document.removed_at is not None:
            raise ValidationError(_("This document was already removed."))
        document.removed_at, document.removed_by = timezone.now(), by
        _set_history_user(document, by)
        document.save(update_fields=["removed_at", "removed_by"])
    return document


# Messages between a centre and BDT -----------------------------------------------------------


def centre_message_send(*, centre: Centre, body: str, by: User, from_bdt: bool,
                        attachment: UploadedFile | None = None,
                        report: CentreProgressReport | None = None) -> CentreMessage:
    """Add a message to the centre's thread and tell the other side by e-mail once it is saved:
    BDT's address for a host's message, the centre's hosts for BDT's. The e-mail says who wrote
    and links to the thread (to the report's page for a message about one of the centre's
    progress reports); the text stays in the portal, behind the sign-in."""
    if not from_bdt:
        _require_not_removed(centre)
    message = CentreMessage(centre=centre, body=body.strip(), author=by, from_bdt=from_bdt,
                            sent_at=timezone.now(), report=report)
    if attachment:
        message.attachment = attachment
    _full_clean(message)
    with transaction.atomic():
        message.save()
        if from_bdt:
            hosts = (get_user_model().objects.filter(centre_host__centre=centre, is_active=True)
                     .exclude(email=""))
            for host in hosts:
                language = getattr(host, "preferred_language", "") or "en"
                with translation.override(language):
                    link = absolute_url(reverse("portal:report", args=[report.pk]) + f"#message-{message.pk}"
                                        if report else reverse("portal:messages"))
                queue_mail(to=[host.email], template="centres/mail/message_to_host", language=language,
                           context={"centre": centre, "link": link})
        else:
            with translation.override("en"):
                link = absolute_url(reverse("admin:centres_centremessage_changelist")
                                    + f"?centre__id__exact={centre.pk}")
            queue_mail(to=[settings.ALLIANCE_CONTACT_EMAIL], template="centres/mail/message_to_bdt",
                       language="en", context={"centre": centre, "author": by, "link": link})
    return message


# Events a centre organises -------------------------------------------------------------------


CENTRE_EVENT_FIELDS = ("title", "starts_on", "ends_on", "location", "is_online", "link", "description")


def centre_event_save(*, centre: Centre, data: dict, event: NetworkEvent | None = None,
                      by: User | None = None) -> NetworkEvent:
    """Record (or correct) an event the centre organises; it shows on the centre's public page."""
    _require_not_removed(centre)
    if event is None:
        event = NetworkEvent(organiser=centre, recorded_by=by)
    elif event.organiser_id != centre.pk:
        raise ValidationError(_("Only the centre that organises an event can change it."))
    for name in CENTRE_EVENT_FIELDS:
        if name in data:
            setattr(event, name, data[name])
    errors = {}
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        errors["ends_on"] = _("The event cannot end before it starts.")
    if not event.is_online and not (event.location or "").strip():
        errors["location"] = _("Give the place of the event, or tick \"online\".")
    if errors:
        raise ValidationError(errors)
    _full_clean(event)
    with transaction.atomic():
        _set_history_user(event, by)
        event.save()
    return event
