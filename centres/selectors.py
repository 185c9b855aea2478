"""Reads of centres, scoped by who asks, with the joins each page needs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property

from django.contrib.auth import get_user_model
from django.core import signing
from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.roles import staff_may

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
    CentreMessage,
    CentreProgressReport,
    CooperationAgreement,
    Criterion,
    EvaluatorAssignment,
    NetworkEvent,
    Score,
    Training,
    TrainingAttendance,
)
from .permissions import host_centre_id

REPORTING_INTERVAL = timedelta(days=182)
AGREEMENT_RENEWAL_NOTICE = timedelta(days=90)


# Public --------------------------------------------------------------------------------------


def centres_public() -> QuerySet[Centre]:
    """Centres shown to the public: every centre of the network that was not removed."""
    return (Centre.objects.exclude(status=Centre.Status.REMOVED)
            .select_related("regional_initiative__region")
            .prefetch_related("objectives")
            .order_by("name", "pk"))


def centre_countries() -> list[str]:
    """The codes of the countries that have a centre shown to the public."""
    return sorted(str(code) for code in Centre.objects.exclude(status=Centre.Status.REMOVED)
                  .values_list("country", flat=True).distinct().order_by())


def centre_counts_by_country() -> list[tuple[str, int]]:
    """(country code, number of centres) for each country with a centre shown to the public."""
    return [(str(row["country"]), row["n"]) for row in centres_public().order_by("country")
            .values("country").annotate(n=Count("pk"))]


def centre_public_detail_queryset() -> QuerySet[Centre]:
    return centres_public().prefetch_related(
        Prefetch("attendances", queryset=TrainingAttendance.objects.select_related("training")
                 .order_by("-training__starts_on", "pk")),
    )


@dataclass
class Figures:
    applications: int = 0
    countries: int = 0
    selected: int = 0
    agreements_signed: int = 0
    design_finished: int = 0
    removed: int = 0


@dataclass
class CallFigures:
    call: Call
    figures: Figures = field(default_factory=Figures)


def network_figures(*, calls: QuerySet[Call] | None = None, until: date | None = None) -> list[CallFigures]:
    """The network's figures per call, computed from the data in three queries.

    ``until`` counts only what had happened by that date (for a report period).
    """
    calls = list((calls if calls is not None else Call.objects.all()).order_by("opened_on", "pk"))
    rows = {call.pk: CallFigures(call=call) for call in calls}
    applications = Application.objects.filter(call__in=calls)
    if until:
        applications = applications.filter(submitted_at__date__lte=until)
    for row in applications.values("call").annotate(
        n=Count("pk"), countries=Count("country", distinct=True),
    ).order_by("call"):
        rows[row["call"]].figures.applications = row["n"]
        rows[row["call"]].figures.countries = row["countries"]
    centres = Centre.objects.filter(application__call__in=calls)
    signed = Q(agreements__isnull=False, agreements__renews__isnull=True)
    if until:
        signed &= Q(agreements__signed_on__lte=until)
    if until:
        centres = centres.filter(selected_on__lte=until)
    removed = Q(status=Centre.Status.REMOVED) & (Q(removed_on__lte=until) if until else Q())
    design = Q(design_finished_on__isnull=False) & (Q(design_finished_on__lte=until) if until else Q())
    for row in centres.values("application__call").annotate(
        selected=Count("pk", distinct=True),
        agreements=Count("pk", filter=signed, distinct=True),
        design=Count("pk", filter=design, distinct=True),
        removed=Count("pk", filter=removed, distinct=True),
    ).order_by("application__call"):
        figures = rows[row["application__call"]].figures
        figures.selected, figures.agreements_signed = row["selected"], row["agreements"]
        figures.design_finished, figures.removed = row["design"], row["removed"]
    return list(rows.values())


def figures_total(rows: list[CallFigures]) -> Figures:
    total = Figures()
    for row in rows:
        for name in ("applications", "selected", "agreements_signed", "design_finished", "removed"):
            setattr(total, name, getattr(total, name) + getattr(row.figures, name))
    total.countries = (Application.objects.filter(call__in=[row.call for row in rows])
                       .values("country").distinct().count())
    return total


def criteria_published() -> QuerySet[Criterion]:
    return Criterion.objects.filter(is_active=True).order_by("order", "pk")


# Evaluation ----------------------------------------------------------------------------------


@dataclass
class Ranked:
    application: Application
    total: Decimal | None
    rank: int | None = None
    submitted: int = 0
    assigned: int = 0


def submitted_scores() -> QuerySet[Score]:
    """Scores whose evaluator has submitted their sheet (a draft counts for nobody but its author)."""
    return Score.objects.filter(Exists(EvaluatorAssignment.objects.filter(
        application=OuterRef("application"), evaluator=OuterRef("evaluator"), submitted_at__isnull=False)))


def evaluation_progress(applications) -> dict[int, tuple[int, int]]:
    """Per application: how many assigned evaluators (without a conflict) submitted, out of how many."""
    active = EvaluatorAssignment.objects.filter(application__in=applications,
                                                conflict_declared_at__isnull=True)
    rows = (active.values("application").order_by("application")
            .annotate(assigned=Count("pk"), submitted=Count("pk", filter=Q(submitted_at__isnull=False))))
    return {row["application"]: (row["submitted"], row["assigned"]) for row in rows}


def _complete(progress: tuple[int, int] | None) -> bool:
    return progress is not None and progress[1] > 0 and progress[0] == progress[1]


def evaluation_complete(application: Application) -> bool:
    """Every evaluator assigned to the application (without a conflict) has submitted; at least one."""
    return _complete(evaluation_progress([application]).get(application.pk))


def weighted_totals(applications: list[Application]) -> dict[int, Decimal | None]:
    """Each application's weighted total, out of 100, once its evaluation is complete.

    A criterion counts the mean of its evaluators' submitted scores as a share of its maximum, times
    its weight; the total is divided by the sum of the weights of the active criteria. Until every
    assigned evaluator has submitted, the application has no total (nor a rank).
    """
    progress = evaluation_progress(applications)
    complete = [a for a in applications if _complete(progress.get(a.pk))]
    criteria = list(Criterion.objects.filter(is_active=True).order_by("pk"))
    weight_sum = sum((c.weight for c in criteria), Decimal(0))
    sums: dict[tuple[int, int], list[int]] = defaultdict(list)
    if complete and criteria:
        for application_id, criterion_id, score in submitted_scores().filter(
            application__in=complete, criterion__in=criteria,
        ).values_list("application_id", "criterion_id", "score").order_by("pk"):
            sums[(application_id, criterion_id)].append(score)
    totals: dict[int, Decimal | None] = {}
    for application in applications:
        if not criteria or any((application.pk, c.pk) not in sums for c in criteria):
            totals[application.pk] = None
            continue
        total = Decimal(0)
        for criterion in criteria:
            scores = sums[(application.pk, criterion.pk)]
            mean = Decimal(sum(scores)) / len(scores)
            total += criterion.weight * mean / criterion.max_score
        totals[application.pk] = (total * 100 / weight_sum).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return totals


def application_weighted_total(application: Application) -> Decimal | None:
    return weighted_totals([application])[application.pk]


def _ranked(applications: list[Application]) -> list[Ranked]:
    totals = weighted_totals(applications)
    progress = evaluation_progress(applications)
    rows = [Ranked(application=a, total=totals[a.pk], submitted=progress.get(a.pk, (0, 0))[0],
                   assigned=progress.get(a.pk, (0, 0))[1]) for a in applications]
    rows.sort(key=lambda r: (r.total is None, -(r.total or 0), r.application.reference))
    for number, row in enumerate(r for r in rows if r.total is not None):
        row.rank = number + 1
    return rows


def call_ranking(call: Call) -> list[Ranked]:
    """The call's applications, best weighted total first; those whose evaluation is not complete
    come last, unranked."""
    return _ranked(list(call.applications.exclude(status=Application.Status.SUBMITTED)
                        .select_related("regional_initiative").order_by("reference")))


def rankings_by_call() -> list[tuple[Call, list[Ranked]]]:
    """Every call's ranking, newest call first, in a constant number of queries."""
    applications = list(Application.objects.exclude(status=Application.Status.SUBMITTED)
                        .select_related("call").order_by("reference"))
    by_call: dict[int, list[Ranked]] = defaultdict(list)
    calls: dict[int, Call] = {}
    for row in _ranked(applications):
        calls[row.application.call_id] = row.application.call
        by_call[row.application.call_id].append(row)
    ordered = sorted(calls.values(), key=lambda c: (c.opened_on, c.pk), reverse=True)
    return [(call, by_call[call.pk]) for call in ordered]


def assignments_of(evaluator) -> QuerySet[EvaluatorAssignment]:
    """The applications an evaluator is to score (without those they declared a conflict with)."""
    return (EvaluatorAssignment.objects.filter(evaluator=evaluator, conflict_declared_at__isnull=True)
            .select_related("application__call").order_by(F("submitted_at").desc(nulls_first=True),
                                                            "application__reference"))


@dataclass
class Sheet:
    """What an evaluator sees of one application: their own scores, and the others' once they
    have submitted theirs (blind until then)."""

    assignment: EvaluatorAssignment
    criteria: list[Criterion]
    own: dict[int, Score]
    others: list[Score]


def evaluator_sheet(assignment: EvaluatorAssignment) -> Sheet:
    criteria = list(criteria_published())
    scores = Score.objects.filter(application_id=assignment.application_id)
    own = {s.criterion_id: s for s in scores.filter(evaluator_id=assignment.evaluator_id)}
    others: list[Score] = []
    if assignment.submitted_at is not None:
        others = list(submitted_scores().filter(application_id=assignment.application_id)
                      .exclude(evaluator_id=assignment.evaluator_id)
                      .select_related("criterion", "evaluator").order_by("criterion__order", "evaluator_id"))
    return Sheet(assignment=assignment, criteria=criteria, own=own, others=others)


@dataclass
class CriterionScores:
    criterion: Criterion
    scores: list[Score | None]
    spread: int | None
    mean: Decimal | None


@dataclass
class Scoreboard:
    """The lead evaluator's view of one application: who is assigned and where they are, and once
    every assigned evaluator has submitted, every score, the spread per criterion and the total."""

    application: Application
    assignments: list[EvaluatorAssignment]
    complete: bool
    evaluators: list = field(default_factory=list)
    rows: list[CriterionScores] = field(default_factory=list)
    total: Decimal | None = None


def application_scoreboard(application: Application) -> Scoreboard:
    assignments = list(application.assignments.select_related("evaluator", "assigned_by")
                       .order_by("assigned_at", "pk"))
    active = [a for a in assignments if a.is_active]
    complete = bool(active) and all(a.submitted_at is not None for a in active)
    board = Scoreboard(application=application, assignments=assignments, complete=complete)
    if not complete:
        return board
    board.evaluators = [a.evaluator for a in active]
    scores = {(s.criterion_id, s.evaluator_id): s
              for s in submitted_scores().filter(application=application)}
    for criterion in criteria_published():
        row = [scores.get((criterion.pk, evaluator.pk)) for evaluator in board.evaluators]
        values = [s.score for s in row if s is not None]
        board.rows.append(CriterionScores(
            criterion=criterion, scores=row, spread=(max(values) - min(values)) if values else None,
            mean=(Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"), ROUND_HALF_UP)
            if values else None))
    board.total = application_weighted_total(application)
    return board


def evaluators_available(application: Application):
    """Staff who may evaluate and are not yet assigned to (nor conflicted with) the application."""
    taken = application.assignments.values("evaluator_id")
    return (get_user_model().objects.with_perm("centres.evaluate_application",
                                                backend="django.contrib.auth.backends.ModelBackend")
            .filter(is_staff=True, is_active=True).exclude(pk__in=taken).order_by("username"))


def applications_for_lead() -> QuerySet[Application]:
    return Application.objects.select_related("call", "regional_initiative")


# Scoped to who asks --------------------------------------------------------------------------


def centres_visible_to(user) -> QuerySet[Centre]:
    qs = Centre.objects.select_related("regional_initiative__region").prefetch_related("objectives")
    if staff_may(user, "centres.view_centre"):
        return qs
    centre_id = host_centre_id(user)
    if centre_id is not None:
        return qs.filter(Q(pk=centre_id) | ~Q(status=Centre.Status.REMOVED))
    return qs.exclude(status=Centre.Status.REMOVED)


def host_centre(user) -> Centre | None:
    centre_id = host_centre_id(user)
    if centre_id is None:
        return None
    return (Centre.objects.select_related("regional_initiative__region", "action_plan")
            .prefetch_related("objectives").filter(pk=centre_id).first())


def action_plans_for(user) -> QuerySet[ActionPlan]:
    qs = ActionPlan.objects.select_related("centre").prefetch_related(
        Prefetch("activities", queryset=ActionPlanActivity.objects.select_related("objective")))
    if staff_may(user, "centres.view_actionplan"):
        return qs.order_by("centre__name", "pk")
    return qs.filter(centre_id=host_centre_id(user) or 0).order_by("pk")


def progress_reports_for(user) -> QuerySet[CentreProgressReport]:
    qs = CentreProgressReport.objects.select_related("centre").prefetch_related(
        Prefetch("lines", queryset=ActivityProgress.objects.select_related("activity__objective")))
    if staff_may(user, "centres.view_centreprogressreport"):
        return qs.order_by("centre__name", "-period_end", "pk")
    return qs.filter(centre_id=host_centre_id(user) or 0).order_by("-period_end", "pk")


def activities_of(centre: Centre) -> QuerySet[ActionPlanActivity]:
    return (ActionPlanActivity.objects.filter(plan__centre=centre).select_related("objective")
            .order_by("objective__number", "planned_start", "pk"))


def documents_of(centre: Centre) -> QuerySet[CentreDocument]:
    """The centre's documents its hosts see: not the ones they removed (BDT sees those in the admin)."""
    return (CentreDocument.objects.filter(centre=centre, removed_at__isnull=True)
            .select_related("uploaded_by")
            .annotate(version_count=Count("versions")).order_by("-uploaded_at", "-pk"))


def document_versions_of(document: CentreDocument) -> QuerySet[CentreDocumentVersion]:
    return (CentreDocumentVersion.objects.filter(document=document)
            .select_related("uploaded_by", "replaced_by").order_by("-replaced_at", "-pk"))


def document_versions_for_centre(centre: Centre) -> QuerySet[CentreDocumentVersion]:
    """The previous versions of the centre's documents: a version's own URL is scoped by this."""
    return CentreDocumentVersion.objects.filter(document__centre=centre, document__removed_at__isnull=True)


def change_proposals_of(centre: Centre) -> QuerySet[CentreChangeProposal]:
    return (CentreChangeProposal.objects.filter(centre=centre).select_related("proposed_by", "decided_by")
            .order_by("-proposed_at", "-pk"))


def messages_of(centre: Centre) -> QuerySet[CentreMessage]:
    return (CentreMessage.objects.filter(centre=centre).select_related("author", "report")
            .order_by("sent_at", "pk"))


def messages_about(report: CentreProgressReport) -> QuerySet[CentreMessage]:
    """The part of the centre's thread about one of its progress reports, oldest first."""
    return messages_of(report.centre).filter(report=report)


def centre_events_of(centre: Centre) -> QuerySet[NetworkEvent]:
    """The events the centre organises, newest first (the portal's list)."""
    return NetworkEvent.objects.filter(organiser=centre).order_by("-starts_on", "-pk")


def centre_public_events(centre: Centre) -> QuerySet[NetworkEvent]:
    """Every event of the centre's public page, the ones it organises and the network's it takes
    part in, in date order (one query; the page splits them into upcoming and past)."""
    return (NetworkEvent.objects.filter(Q(organiser=centre) | Q(centres=centre)).distinct()
            .select_related("organiser").order_by("starts_on", "pk"))


@dataclass
class CentreEvents:
    """A centre's events split into upcoming (not ended by ``today``, soonest first) and past
    (latest first), read with one query on first use: a cached page body runs none."""

    centre: Centre
    today: date

    @cached_property
    def _all(self) -> list[NetworkEvent]:
        return list(centre_public_events(self.centre))

    @property
    def upcoming(self) -> list[NetworkEvent]:
        return [event for event in self._all if event.ends_on >= self.today]

    @property
    def past(self) -> list[NetworkEvent]:
        return [event for event in reversed(self._all) if event.ends_on < self.today]


def application_for_status_lookup(*, reference: str, email: str) -> Application | None:
    """The application with this reference whose contact address is ``email`` (both as typed,
    ignoring case and surrounding spaces), or None whichever of the two does not match."""
    return (Application.objects.filter(reference__iexact=reference.strip(),
                                       contact_email__iexact=email.strip()).only("pk", "reference").first())


def application_from_status_token(token: str) -> Application | None:
    """The application an applicant's signed status link names, or None (forged, altered, expired)."""
    from .services import APPLICATION_STATUS_MAX_AGE, APPLICATION_STATUS_SALT

    try:
        reference = signing.loads(token, salt=APPLICATION_STATUS_SALT,
                                  max_age=APPLICATION_STATUS_MAX_AGE)
    except signing.BadSignature:
        return None
    return (Application.objects.filter(reference=reference)
            .prefetch_related(Prefetch("documents", queryset=ApplicationDocument.objects.order_by("pk")))
            .first())


def agreements_of(centre: Centre) -> QuerySet[CooperationAgreement]:
    return CooperationAgreement.objects.filter(centre=centre).order_by("-starts_on", "-pk")


def reports_of(centre: Centre) -> QuerySet[CentreProgressReport]:
    return CentreProgressReport.objects.filter(centre=centre).order_by("-period_end", "-pk")


@dataclass
class DueItem:
    text: str
    url_name: str = ""


def progress_report_due_on(centre: Centre) -> date | None:
    """When a centre building capacity or operating owes its next progress report: a reporting
    interval after the period of its last accepted report, or after its design phase ended."""
    if centre.status not in (Centre.Status.CAPACITY_BUILDING, Centre.Status.OPERATING):
        return None
    last = (centre.progress_reports.filter(status=CentreProgressReport.Status.ACCEPTED)
            .order_by("-period_end").values_list("period_end", flat=True).first())
    since = last or centre.design_finished_on
    return since + REPORTING_INTERVAL if since else None


def agreement_ends_on(centre: Centre) -> date | None:
    """When the centre's latest cooperation agreement ends (none for a removed centre)."""
    if centre.status == Centre.Status.REMOVED:
        return None
    return centre.agreements.order_by("-ends_on").values_list("ends_on", flat=True).first()


def host_due_items(centre: Centre) -> list[DueItem]:
    """What the host should do next, from the centre's state (a few small queries)."""
    today = timezone.localdate()
    items: list[DueItem] = []
    status = centre.status
    if status == Centre.Status.SELECTED:
        items.append(DueItem(_("Sign the cooperation agreement with BDT."), "portal:agreement"))
    if status == Centre.Status.AGREEMENT_SIGNED:
        items.append(DueItem(_("BDT will open the design phase; prepare your action plan.")))
    plan = getattr(centre, "action_plan", None)
    if status == Centre.Status.DESIGN and plan is not None:
        if plan.status in (ActionPlan.Status.DRAFT, ActionPlan.Status.RETURNED):
            items.append(DueItem(_("Complete the action plan and submit it to BDT."), "portal:action-plan"))
        elif plan.status == ActionPlan.Status.SUBMITTED:
            items.append(DueItem(_("BDT is reviewing your action plan.")))
    if status in (Centre.Status.CAPACITY_BUILDING, Centre.Status.OPERATING):
        due = progress_report_due_on(centre)
        if due and today >= due:
            items.append(DueItem(_("A progress report is due."), "portal:reports"))
        if centre.progress_reports.filter(status=CentreProgressReport.Status.RETURNED).exists():
            items.append(DueItem(_("BDT returned a progress report for changes."), "portal:reports"))
        overdue = ActionPlanActivity.objects.filter(
            plan__centre=centre, planned_end__lt=today,
            status__in=[ActionPlanActivity.Status.PLANNED, ActionPlanActivity.Status.IN_PROGRESS]).count()
        if overdue:
            items.append(DueItem(_("%(n)s activities are past their planned end.") % {"n": overdue},
                                 "portal:action-plan"))
    latest = agreement_ends_on(centre)
    if latest and latest - today <= AGREEMENT_RENEWAL_NOTICE:
        items.append(DueItem(_("The cooperation agreement ends on %(date)s; discuss its renewal with BDT.")
                             % {"date": latest}, "portal:agreement"))
    return items


# Report --------------------------------------------------------------------------------------


def lifecycle_counts(*, until: date | None = None) -> list[tuple[str, int]]:
    """How many centres are at each stage of the lifecycle."""
    qs = Centre.objects.all()
    if until:
        qs = qs.filter(selected_on__lte=until)
    counts = dict(qs.values_list("status").annotate(n=Count("pk")).order_by("status"))
    return [(label, counts.get(value, 0)) for value, label in Centre.Status.choices]


def removals_between(start: date, end: date) -> QuerySet[Centre]:
    return (Centre.objects.filter(status=Centre.Status.REMOVED, removed_on__range=(start, end))
            .order_by("removed_on", "name"))


def trainings_between(start: date, end: date) -> QuerySet[Training]:
    return (Training.objects.filter(starts_on__lte=end, ends_on__gte=start)
            .annotate(centre_count=Count("attendances", distinct=True))
            .order_by("starts_on", "pk"))


def participants_by_training(trainings: list[Training]) -> dict[int, int]:
    from django.db.models import Sum

    return dict(TrainingAttendance.objects.filter(training__in=trainings).values("training")
                .annotate(n=Sum("participants")).values_list("training", "n").order_by("training"))


def centres_without_agreement(*, until: date | None = None) -> int:
    qs = Centre.objects.exclude(status=Centre.Status.REMOVED).filter(agreements__isnull=True)
    if until:
        qs = qs.filter(selected_on__lte=until)
    return qs.count()


def hosts_selected_between(start: date, end: date) -> QuerySet[Centre]:
    return (Centre.objects.filter(selected_on__range=(start, end)).select_related("application__call")
            .order_by("selected_on", "name"))


def events_between(start: date, end: date) -> QuerySet[NetworkEvent]:
    return (NetworkEvent.objects.filter(starts_on__lte=end, ends_on__gte=start)
            .annotate(centre_count=Count("centres", distinct=True)).order_by("starts_on", "pk"))


def trainings_recent(limit: int = 10) -> list[Training]:
    trainings = list(Training.objects.annotate(centre_count=Count("attendances", distinct=True))
                     .order_by("-starts_on", "pk")[:limit])
    participants = participants_by_training(trainings)
    for training in trainings:
        training.participants = participants.get(training.pk, 0)
    return trainings


def events_recent(limit: int = 5) -> QuerySet[NetworkEvent]:
    return (NetworkEvent.objects.annotate(centre_count=Count("centres", distinct=True))
            .order_by("-starts_on", "pk")[:limit])


def _status_reached_by(record, day: date, first_signed: date | None) -> bool:
    """Whether a historical record's status had been reached by ``day``, from its own dates."""
    status = record.status
    if status == Centre.Status.REMOVED:
        return record.removed_on is not None and record.removed_on <= day
    if status == Centre.Status.OPERATING:
        return record.operating_since is not None and record.operating_since <= day
    if status == Centre.Status.CAPACITY_BUILDING:
        return record.design_finished_on is not None and record.design_finished_on <= day
    if status in (Centre.Status.AGREEMENT_SIGNED, Centre.Status.DESIGN):
        return first_signed is not None and first_signed <= day
    return record.selected_on <= day


def centre_statuses_on(day: date) -> dict[int, str]:
    """Each centre's lifecycle status at the end of ``day``, from its history.

    (three queries) A record saved by that day is what the portal showed then. Data entered later (a centre
    recorded after the fact, or changed since) is read back through its history, newest first,
    down to the first status whose own date (removal, operation, end of design, first agreement
    signed) falls by ``day``. Centres selected after ``day`` are left out; a centre deleted
    since still counts.
    """
    from datetime import datetime, time

    from django.utils import timezone

    end = timezone.make_aware(datetime.combine(day, time.max))
    first_signed = dict(CooperationAgreement.objects.filter(signed_on__lte=day).values("centre")
                        .annotate(first=Min("signed_on")).values_list("centre", "first").order_by())
    records = (Centre.history.filter(selected_on__lte=day)
               .only("id", "status", "selected_on", "design_finished_on", "operating_since", "removed_on",
                     "history_date", "history_type")
               .order_by("id", "-history_date", "-history_id"))
    statuses: dict[int, str] = {}
    decided: set[int] = set()
    newest: dict = {}
    for record in records:
        newest.setdefault(record.id, record)
        if record.id in decided:
            continue
        if record.history_date <= end:
            decided.add(record.id)
            if record.history_type != "-":
                statuses[record.id] = record.status
            continue
        if record.history_type != "-" and record.id not in statuses and _status_reached_by(
                record, day, first_signed.get(record.id)):
            statuses[record.id] = record.status
    # Centres recorded without history (loaded data) are read from their row alone.
    for centre in Centre.objects.filter(selected_on__lte=day).exclude(pk__in=list(newest)).only(
            "id", "status", "selected_on", "design_finished_on", "operating_since", "removed_on"):
        newest[centre.id] = centre
    for centre_id, record in newest.items():
        if centre_id in decided or centre_id in statuses:
            continue
        signed = first_signed.get(centre_id)
        statuses[centre_id] = (record.status if _status_reached_by(record, day, signed)
                               else _status_from_dates(record, day, signed))
    return statuses


def _status_from_dates(record, day: date, first_signed: date | None) -> str:
    """The furthest stage whose date falls by ``day``, when no recorded status had been reached."""
    if record.removed_on and record.removed_on <= day:
        return Centre.Status.REMOVED
    if record.operating_since and record.operating_since <= day:
        return Centre.Status.OPERATING
    if record.design_finished_on and record.design_finished_on <= day:
        return Centre.Status.CAPACITY_BUILDING
    if first_signed:
        return Centre.Status.AGREEMENT_SIGNED
    return Centre.Status.SELECTED


def lifecycle_counts_on(day: date) -> list[tuple[str, int]]:
    """How many centres were at each stage of the lifecycle at the end of ``day``."""
    counts: dict[str, int] = {}
    for status in centre_statuses_on(day).values():
        counts[status] = counts.get(status, 0) + 1
    return [(label, counts.get(value, 0)) for value, label in Centre.Status.choices]


def centres_without_agreement_on(day: date) -> int:
    """Centres selected and not removed by ``day`` that had no agreement signed by then."""
    return (Centre.objects.filter(selected_on__lte=day)
            .exclude(status=Centre.Status.REMOVED, removed_on__lte=day)
            .exclude(agreements__signed_on__lte=day).count())
