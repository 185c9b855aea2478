"""factory_boy factories: each test states only what it needs, the rest is a valid default.

The rows are built directly (not through the services), so a test of a service starts from
exactly the state it names. Reference data (regions, regional initiatives, objectives, priorities,
action areas) comes from the data migrations and is looked up, never created.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from alliance.core.roles import (
    BDT_STAFF_GROUP,
    EVALUATORS_GROUP,
    LEAD_EVALUATORS_GROUP,
    REPORT_APPROVERS_GROUP,
)
from alliance.models import Region, RegionalInitiative, StrategicObjective
from alliance.news import models as news
from board import models as board
from centres import models as centres
from dtlab import models as dtlab
from partnerships import models as partnerships

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "document.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    """A file as a form or a service receives it: a PDF by its content (the checks read it)."""
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_bytes(width: int = 4, height: int = 4, colour: str = "blue") -> bytes:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def png_upload(name: str = "photo.png", width: int = 4, height: int = 4) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(width, height), content_type="image/png")


def today() -> datetime.date:
    return timezone.localdate()


# --- People ---------------------------------------------------------------------------------------


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


def _joins(group: str) -> factory.PostGeneration:
    """A post-generation step adding the user to ``group`` (the groups come from migrate)."""
    def join(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=group))
    return factory.PostGeneration(join)


class StaffFactory(UserFactory):
    """A BDT staff member: staff status and the BDT staff group, no superuser."""

    class Meta:
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bdt{n}")
    is_staff = True
    bdt_group = _joins(BDT_STAFF_GROUP)


class EvaluatorFactory(StaffFactory):
    """BDT staff in the "Evaluators" group: they score the applications they are assigned."""

    username = factory.Sequence(lambda n: f"evaluator{n}")
    evaluators_group = _joins(EVALUATORS_GROUP)


class LeadEvaluatorFactory(StaffFactory):
    """BDT staff in the "Lead evaluators" group: they assign evaluators and see every score."""

    username = factory.Sequence(lambda n: f"lead{n}")
    lead_evaluators_group = _joins(LEAD_EVALUATORS_GROUP)


def api_key_for(user) -> str:
    """A new API token for ``user``: its key (the database holds only the key's digest)."""
    from alliance.api_tokens import api_token_create

    return api_token_create(user=user)


# --- Centres --------------------------------------------------------------------------------------


class CallFactory(DjangoModelFactory):
    class Meta:
        model = centres.Call

    code = factory.Sequence(lambda n: f"call-{n}")
    name = factory.Sequence(lambda n: f"Call {n}")
    opened_on = datetime.date(2023, 1, 25)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = centres.Application

    call = factory.SubFactory(CallFactory)
    reference = factory.Sequence(lambda n: f"AC-F-{n:06d}")
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    host_type = centres.HostType.GOVERNMENT
    country = "KE"
    city = "Nairobi"
    contact_name = "Amina Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")
    regional_initiative = factory.LazyFunction(lambda: RegionalInitiative.objects.get(code="AFR4"))
    support_plan = "Budget and a letter of the minister."
    submitted_at = factory.LazyFunction(timezone.now)
    status = centres.Application.Status.SUBMITTED
    decided_at = factory.LazyAttribute(
        lambda a: timezone.now() if a.status in ("selected", "not_selected") else None)
    decision_reason = factory.LazyAttribute(
        lambda a: "Not enough support." if a.status == "not_selected" else "")

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create:
            self.objectives.set(extracted or StrategicObjective.objects.filter(number__in=[1, 2]))


class DueDiligenceCheckFactory(DjangoModelFactory):
    class Meta:
        model = centres.DueDiligenceCheck

    application = factory.SubFactory(ApplicationFactory, status=centres.Application.Status.DUE_DILIGENCE)
    item = centres.DueDiligenceCheck.Item.LEGAL_STATUS
    result = centres.DueDiligenceCheck.Result.PENDING


class CriterionFactory(DjangoModelFactory):
    class Meta:
        model = centres.Criterion

    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = Decimal("50")
    max_score = 5


class ScoreFactory(DjangoModelFactory):
    class Meta:
        model = centres.Score

    application = factory.SubFactory(ApplicationFactory, status=centres.Application.Status.EVALUATION)
    criterion = factory.SubFactory(CriterionFactory)
    evaluator = factory.SubFactory(StaffFactory)
    score = 3


class EvaluatorAssignmentFactory(DjangoModelFactory):
    """An evaluator assigned to an application under evaluation, with nothing scored yet."""

    class Meta:
        model = centres.EvaluatorAssignment

    application = factory.SubFactory(ApplicationFactory, status=centres.Application.Status.EVALUATION)
    evaluator = factory.SubFactory(EvaluatorFactory)


class CentreFactory(DjangoModelFactory):
    class Meta:
        model = centres.Centre

    application = factory.SubFactory(ApplicationFactory, status=centres.Application.Status.SELECTED)
    name = factory.LazyAttribute(lambda c: f"Centre {c.application.reference}")
    slug = factory.LazyAttribute(lambda c: c.application.reference.lower())
    host_organisation = factory.LazyAttribute(lambda c: c.application.organisation)
    host_type = centres.HostType.GOVERNMENT
    country = "KE"
    city = "Nairobi"
    regional_initiative = factory.LazyFunction(lambda: RegionalInitiative.objects.get(code="AFR4"))
    status = centres.Centre.Status.SELECTED
    selected_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=400))
    design_finished_on = factory.LazyAttribute(
        lambda c: today() - datetime.timedelta(days=30)
        if c.status in ("capacity_building", "operating") else None)
    removed_on = factory.LazyAttribute(lambda c: today() if c.status == "removed" else None)
    removal_reason = factory.LazyAttribute(lambda c: "no_agreement" if c.status == "removed" else "")


class StagedCentreFactory(CentreFactory):
    """A centre with what its stage implies: an application from its country, objectives 1 and 2,
    its cooperation agreement once signed (every stage after "selected" but "removed"), and from
    the design phase on its action plan (a draft in design, approved later) with one activity,
    "Foresight programme"."""

    class Meta:
        skip_postgeneration_save = True

    application = factory.SubFactory(ApplicationFactory, status=centres.Application.Status.SELECTED,
                                     country=factory.SelfAttribute("..country"))

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create:
            self.objectives.set(extracted or StrategicObjective.objects.filter(number__in=[1, 2]))

    @factory.post_generation
    def stage(self, create, extracted, **kwargs):
        if not create:
            return
        Status = centres.Centre.Status
        if self.status not in (Status.SELECTED, Status.REMOVED):
            CentreAgreementFactory(centre=self, document=pdf_upload("agreement.pdf"))
        if self.status in (Status.DESIGN, Status.CAPACITY_BUILDING, Status.OPERATING):
            plan_status = (centres.ActionPlan.Status.DRAFT if self.status == Status.DESIGN
                           else centres.ActionPlan.Status.APPROVED)
            CentreActivityFactory(plan__centre=self, plan__status=plan_status, title="Foresight programme")


class CentreHostFactory(DjangoModelFactory):
    class Meta:
        model = centres.CentreHost

    user = factory.SubFactory(UserFactory)
    centre = factory.SubFactory(CentreFactory)


class CentreAgreementFactory(DjangoModelFactory):
    class Meta:
        model = centres.CooperationAgreement

    centre = factory.SubFactory(CentreFactory, status=centres.Centre.Status.AGREEMENT_SIGNED)
    signed_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=300))
    starts_on = factory.LazyFunction(lambda: today() - datetime.timedelta(days=300))
    ends_on = factory.LazyFunction(lambda: today() + datetime.timedelta(days=800))


class CentreDocumentFactory(DjangoModelFactory):
    class Meta:
        model = centres.CentreDocument

    centre = factory.SubFactory(CentreFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="document.pdf"))


class ActionPlanFactory(DjangoModelFactory):
    class Meta:
        model = centres.ActionPlan

    centre = factory.SubFactory(CentreFactory, status=centres.Centre.Status.DESIGN)
    status = centres.ActionPlan.Status.DRAFT
    approved_at = factory.LazyAttribute(lambda p: timezone.now() if p.status == "approved" else None)


class CentreActivityFactory(DjangoModelFactory):
    class Meta:
        model = centres.ActionPlanActivity

    plan = factory.SubFactory(ActionPlanFactory)
    objective = factory.LazyFunction(lambda: StrategicObjective.objects.get(number=1))
    title = factory.Sequence(lambda n: f"Activity {n}")
    planned_start = factory.LazyFunction(today)
    planned_end = factory.LazyFunction(lambda: today() + datetime.timedelta(days=90))


class CentreProgressReportFactory(DjangoModelFactory):
    class Meta:
        model = centres.CentreProgressReport

    centre = factory.SubFactory(CentreFactory, status=centres.Centre.Status.CAPACITY_BUILDING)
    period_start = factory.LazyFunction(lambda: today() - datetime.timedelta(days=180))
    period_end = factory.LazyFunction(today)
    summary = "Half-year summary."
    status = centres.CentreProgressReport.Status.DRAFT
    review_comment = factory.LazyAttribute(lambda r: "Add figures." if r.status == "returned" else "")


# --- Partnerships ---------------------------------------------------------------------------------


class PartnerFactory(DjangoModelFactory):
    class Meta:
        model = partnerships.Partner

    name = factory.Sequence(lambda n: f"Partner {n:04d}")
    kind = partnerships.PartnerKind.GOVERNMENT
    membership_category = partnerships.MembershipCategory.NONE


class PartnershipAgreementFactory(DjangoModelFactory):
    class Meta:
        model = partnerships.PartnershipAgreement

    reference = factory.Sequence(lambda n: f"F-{n:06d}")
    title = factory.Sequence(lambda n: f"Agreement {n}")
    partner = factory.SubFactory(PartnerFactory)
    region = partnerships.AgreementRegion.AFRICA
    status = partnerships.AgreementStatus.ACTIVE
    signed_on = datetime.date(2024, 5, 1)
    partner_contribution_usd = Decimal("0")
    itu_contribution_usd = Decimal("0")


class PledgerFactory(DjangoModelFactory):
    class Meta:
        model = partnerships.Pledger

    organisation = factory.Sequence(lambda n: f"Pledging organisation {n}")
    kind = partnerships.PledgerKind.GOVERNMENT
    country = "KE"
    contact_name = "Pat Pledger"
    contact_email = factory.Sequence(lambda n: f"pledger{n}@example.org")
    user = factory.SubFactory(UserFactory)


class PledgeFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = partnerships.Pledge

    pledger = factory.SubFactory(PledgerFactory)
    title = factory.Sequence(lambda n: f"Pledge {n}")
    description = "Connect schools."
    kind = partnerships.PledgeKind.PROGRAMMATIC
    target_year = 2026
    status = partnerships.PledgeStatus.SUBMITTED
    decline_reason = factory.LazyAttribute(lambda p: "Out of scope." if p.status == "declined" else "")

    @factory.post_generation
    def action_areas(self, create, extracted, **kwargs):
        if create:
            self.action_areas.set(extracted or partnerships.ActionArea.objects.order_by("order")[:1])


# --- DT Lab ---------------------------------------------------------------------------------------


class FunderFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.Funder

    code = factory.Sequence(lambda n: f"funder-{n}")
    name = factory.Sequence(lambda n: f"Funder {n}")


class PlaybookFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.Playbook

    slug = factory.Sequence(lambda n: f"playbook-{n}")
    title = factory.Sequence(lambda n: f"Playbook {n}")
    strategic_objective = factory.LazyFunction(lambda: StrategicObjective.objects.get(number=1))
    status = dtlab.Playbook.Status.IN_DEVELOPMENT


class PlaybookVersionFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.PlaybookVersion

    playbook = factory.SubFactory(PlaybookFactory)
    number = "1.0"
    released_on = datetime.date(2024, 10, 28)


class PlaybookDocumentFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.PlaybookDocument

    version = factory.SubFactory(PlaybookVersionFactory)
    language = "en"
    file = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="playbook.pdf"))


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.Service

    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.Sequence(lambda n: f"Service {n}")


class ServiceRequestFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.ServiceRequest

    service = factory.SubFactory(ServiceFactory)
    requester_type = dtlab.ServiceRequest.RequesterType.MEMBER
    organisation = factory.Sequence(lambda n: f"Requesting organisation {n}")
    country = "KE"
    contact_name = "Rita Requester"
    contact_email = factory.Sequence(lambda n: f"requester{n}@example.org")
    description = "Help us design an innovation strategy."
    status = dtlab.ServiceRequest.Status.SUBMITTED
    completed_on = factory.LazyAttribute(lambda r: today() if r.status == "completed" else None)


class RIACohortFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.RIACohort

    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"Cohort {n + 1}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="europe"))
    regional_initiative = factory.LazyFunction(lambda: RegionalInitiative.objects.get(code="EUR5"))
    funder = factory.SubFactory(FunderFactory)
    start_date = datetime.date(2025, 2, 3)
    end_date = datetime.date(2025, 2, 5)
    city = "Podgorica"
    country = "ME"


class ProjectConceptFactory(DjangoModelFactory):
    class Meta:
        model = dtlab.ProjectConcept

    cohort = factory.SubFactory(RIACohortFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Concept {n}")
    lead_country = "ME"
    budget_usd = Decimal("100000.00")
    regional_initiative = factory.LazyAttribute(lambda c: c.cohort.regional_initiative)


# --- Board ----------------------------------------------------------------------------------------


class BoardMemberFactory(DjangoModelFactory):
    class Meta:
        model = board.BoardMember

    slug = factory.Sequence(lambda n: f"member-{n}")
    full_name = factory.Sequence(lambda n: f"Member {n:03d}")


class MeetingFactory(DjangoModelFactory):
    class Meta:
        model = board.Meeting

    number = factory.Sequence(lambda n: n + 1)
    start_date = datetime.date(2024, 3, 1)
    end_date = datetime.date(2024, 3, 1)
    city = "Geneva"
    country = "CH"


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = board.Recommendation

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Publish the playbooks in the six languages."


class WorkplanFactory(DjangoModelFactory):
    class Meta:
        model = board.Workplan

    title = "Workplan"
    start_year = factory.Sequence(lambda n: 2000 + n)
    end_year = factory.LazyAttribute(lambda w: w.start_year + 1)


class WorkstreamFactory(DjangoModelFactory):
    class Meta:
        model = board.Workstream

    workplan = factory.SubFactory(WorkplanFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Workstream {n}")


class BoardActivityFactory(DjangoModelFactory):
    class Meta:
        model = board.WorkplanActivity

    workstream = factory.SubFactory(WorkstreamFactory)
    title = factory.Sequence(lambda n: f"Board activity {n}")


class ExpertiseAreaFactory(DjangoModelFactory):
    class Meta:
        model = board.ExpertiseArea

    slug = factory.Sequence(lambda n: f"area-{n}")
    name = factory.Sequence(lambda n: f"Area {n}")


class ExpertFactory(DjangoModelFactory):
    class Meta:
        model = board.Expert

    full_name = factory.Sequence(lambda n: f"Expert {n}")
    email = factory.Sequence(lambda n: f"expert{n}@example.org")
    organisation = "University"
    country = "CH"


class ExpertRequestFactory(DjangoModelFactory):
    class Meta:
        skip_postgeneration_save = True
        model = board.ExpertRequest

    full_name = factory.Sequence(lambda n: f"Applicant {n}")
    email = factory.Sequence(lambda n: f"applicant{n}@example.org")
    organisation = "University"
    country = "CH"
    motivation = "I advise ministries on innovation policy."
    status = board.ExpertRequest.Status.PENDING
    decided_at = factory.LazyAttribute(lambda r: None if r.status == "pending" else timezone.now())

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)


# --- News -----------------------------------------------------------------------------------------


class NewsItemFactory(DjangoModelFactory):
    class Meta:
        model = news.NewsItem

    slug = factory.Sequence(lambda n: f"news-{n}")
    kind = news.NewsItem.Kind.NEWS
    title = factory.Sequence(lambda n: f"News item {n}")
    body = "First paragraph of the news.\n\nSecond paragraph."
    published_on = factory.LazyFunction(today)
    is_published = True


# --- TDAG progress reports ------------------------------------------------------------------------


class ApprovedReportFactory(DjangoModelFactory):
    """A TDAG progress report approved and generated (its PDF stored): ready to be published."""

    class Meta:
        model = "reports.TDAGReport"

    kind = "partnerships"
    period_start = datetime.date(2024, 1, 1)
    period_end = datetime.date(2024, 12, 31)
    language = "en"
    status = "done"
    workflow = "approved"
    snapshot = factory.LazyFunction(dict)
    size_bytes = 2048
    pdf = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.7\n")


class ReportApproverFactory(StaffFactory):
    """BDT staff who may approve and publish the TDAG reports."""

    class Meta:
        skip_postgeneration_save = True

    approvers_group = _joins(REPORT_APPROVERS_GROUP)
