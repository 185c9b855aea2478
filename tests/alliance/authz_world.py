"""The world the authorization matrix asks about: two centres with their hosts, two pledgers,
BDT staff, and one object of every kind the site's URLs name (some public, some hidden).

Built with the apps' services where they exist (pledges, progress reports, documents) and with
the centres tests' factories otherwise, once per test module (see ``test_authorization_matrix``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.models import Priority, Region, RegionalInitiative, StrategicObjective
from alliance.reports.models import ReportStatus, TDAGReport
from board.models import (
    BoardDocument,
    BoardMember,
    ForesightReport,
    ForesightReportFile,
    Meeting,
    MeetingDocument,
    Recommendation,
    WorkingGroup,
)
from centres import services as centre_services
from centres.models import Call, Centre, CentreProgressReport
from dtlab.models import (
    Funder,
    Playbook,
    PlaybookDocument,
    PlaybookVersion,
    ProjectConcept,
    RIACohort,
    Service,
    ServiceRequest,
)
from partnerships import services as partnership_services
from partnerships.models import (
    ActionArea,
    AgreementStatus,
    Event,
    ImpactStory,
    Partner,
    PartnershipAgreement,
    Pledge,
    PledgeCompilation,
)
from tests.centres.conftest import make_host
from tests.factories import PDF_BYTES, ApplicationFactory, StagedCentreFactory, pdf_upload

ROLES = ("anonymous", "host_a", "host_b", "pledger", "staff", "staff_flag_only", "superuser")
# The first five roles are the rows' written columns; the last two are derived when a row does not
# name them (see ``Row.expected`` in test_authorization_matrix.py):
# - ``staff_flag_only``: ``is_staff`` and nothing else (no group, no permission). It must get what
#   any signed-in user who is not BDT staff gets (the pledger's column) outside the admin;
# - ``superuser``: gets what BDT staff get.


@dataclass
class World:
    """Every object a matrix row names, by attribute; ``sessions`` holds each role's session key."""

    sessions: dict[str, str | None]
    staff: object
    staff_flag_only: object
    superuser: object
    host_a: object
    host_b: object
    pledger: object
    centre_a: Centre
    centre_b: Centre
    centre_removed: Centre
    plan_a: object
    plan_b: object
    activity_a: object
    activity_b: object
    report_a: CentreProgressReport
    report_b: CentreProgressReport
    document_a: object
    document_b: object
    document_version_a: object
    document_version_b: object
    message_a: object
    message_b: object
    event_a: object
    event_b: object
    application_link: object
    agreement_a: object
    agreement_b: object
    pledge_a: Pledge
    pledge_b: Pledge
    pledge_submitted: Pledge
    pledge_a_submitted: Pledge
    p2c_event: object
    p2c_event_draft: object
    compilation: object
    partner: Partner
    partner_free: Partner
    p_agreement: PartnershipAgreement
    p_agreement_draft: PartnershipAgreement
    story: ImpactStory
    story_draft: ImpactStory
    member: BoardMember
    meeting: Meeting
    meeting_document: MeetingDocument
    recommendation: Recommendation
    board_document: BoardDocument
    working_group: WorkingGroup
    foresight: ForesightReport
    foresight_draft: ForesightReport
    playbook: Playbook
    playbook_draft: Playbook
    service: Service
    service_request: ServiceRequest
    cohort: RIACohort
    concept: ProjectConcept
    tdag_report: TDAGReport
    coord_topic: object
    coord_focal_point: object
    coord_body: object
    coord_meeting: object
    news: object
    news_draft: object
    region: Region
    regional_initiative: RegionalInitiative
    objective: StrategicObjective
    priority: Priority
    _clients: dict[str, Client] = field(default_factory=dict, repr=False)

    def client(self, role: str) -> Client:
        """The role's client with only its session cookie, whatever the last request (a logout, a
        message) left in its jar. One client per role: each new one loads the middleware again."""
        client = self._clients.get(role)
        if client is None:
            client = self._clients[role] = Client(raise_request_exception=False)
        client.cookies.clear()
        if self.sessions[role]:
            client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions[role]
        return client

    def user(self, role: str):
        return None if role == "anonymous" else getattr(self, role)


def _file(name: str) -> ContentFile:
    return ContentFile(PDF_BYTES, name=name)


def _session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def _staff_user():
    """As tests/conftest.py's ``staff_user``: staff status and the BDT staff group."""
    user = get_user_model().objects.create_user(username="authz-bdt", email="bdt@itu.example",
                                                is_staff=True)
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    return user


def _published_pledge(*, email: str, organisation: str, title: str, reviewer) -> Pledge:
    pledge = _submitted_pledge(email=email, organisation=organisation, title=title)
    partnership_services.pledge_due_diligence(pledge=pledge, by=reviewer, checklist={
        "dd_identity_verified": True, "dd_supports_action_area": True, "dd_realistic_measurable": True,
        "dd_no_reputational_risk": True})
    return partnership_services.pledge_publish(pledge=pledge, by=reviewer)


def _submitted_pledge(*, email: str, organisation: str, title: str, submitted_by=None) -> Pledge:
    return partnership_services.pledge_submit(by=submitted_by,
        organisation=organisation, pledger_kind="philanthropy", country="KE", contact_name="Amina Otieno",
        contact_email=email, title=title, description="Connect 500 schools.", kind="financial",
        action_areas=ActionArea.objects.filter(code="connecting_people"), target_year=2027,
        value_usd=Decimal("1000000"), benefits_ldc=True, benefit_description="All in LDCs.")


def _centre_side(call: Call, user_model) -> dict:
    today = timezone.localdate()
    centre_a = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING,
                                   country="KE")
    centre_b = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING,
                                   country="GH")
    host_a = make_host(user_model, centre_a, "authz-host-a")
    host_b = make_host(user_model, centre_b, "authz-host-b")
    # The applicant's signed link (``.token``), to an application still being screened.
    screened = ApplicationFactory(call=call)
    objects = {"application_link": SimpleNamespace(
                   token=centre_services.application_status_token(application=screened)),
               "centre_a": centre_a, "centre_b": centre_b, "host_a": host_a, "host_b": host_b,
               "centre_removed": StagedCentreFactory(application__call=call, status=Centre.Status.REMOVED,
                                                     country="SN")}
    for suffix, centre, host in (("a", centre_a, host_a), ("b", centre_b, host_b)):
        objects[f"plan_{suffix}"] = centre.action_plan
        objects[f"activity_{suffix}"] = centre.action_plan.activities.get()
        objects[f"agreement_{suffix}"] = centre.agreements.get()
        objects[f"report_{suffix}"] = centre_services.progress_report_create(
            centre=centre, period_start=today - timedelta(days=180), period_end=today,
            summary=f"Half-year summary of centre {suffix.upper()}.", by=host)
        objects[f"document_{suffix}"] = centre_services.centre_document_upload(
            centre=centre, title=f"Budget of centre {suffix.upper()}", file=pdf_upload("budget.pdf"), by=host)
        centre_services.centre_document_replace(document=objects[f"document_{suffix}"],
                                                file=pdf_upload("budget-2.pdf"), by=host)
        objects[f"document_version_{suffix}"] = objects[f"document_{suffix}"].versions.get()
        objects[f"event_{suffix}"] = centre_services.centre_event_save(
            centre=centre, by=host, data={"title": f"Open day of centre {suffix.upper()}", "location": "Here",
                                          "starts_on": today, "ends_on": today})
        objects[f"message_{suffix}"] = centre_services.centre_message_send(
            centre=centre, body=f"Message of centre {suffix.upper()}", by=host, from_bdt=False,
            attachment=pdf_upload("notes.pdf"))
    return objects


def _partnerships_side(staff) -> dict:
    pledge_a = _published_pledge(email="pledger-a@example.org", organisation="Connectivity Foundation",
                                 title="Schools online", reviewer=staff)
    pledge_b = _published_pledge(email="pledger-b@example.org", organisation="Other Foundation",
                                 title="Clinics online", reviewer=staff)
    partner = Partner.objects.create(name="Ministry of Digital Affairs", kind="government",
                                     membership_category="none")
    agreement = PartnershipAgreement.objects.create(
        partner=partner, reference="AUTHZ-00001", title="Connectivity programme", region="africa",
        status=AgreementStatus.ACTIVE, signed_on=date(2024, 5, 1), partner_contribution_usd=Decimal("500000"),
        itu_contribution_usd=Decimal("0"), document=_file("agreement.pdf"))
    return {
        "pledger": pledge_a.pledger.user, "pledge_a": pledge_a, "pledge_b": pledge_b,
        "pledge_submitted": _submitted_pledge(email="pledger-b@example.org", organisation="Other Foundation",
                                              title="Waiting for review"),
        "pledge_a_submitted": _submitted_pledge(
            email="pledger-a@example.org", organisation="Connectivity Foundation",
            title="Health centres online", submitted_by=pledge_a.pledger.user),
        "p2c_event": Event.objects.create(slug="authz-roundtable", name="Roundtable", kind="roundtable",
                                          starts_on=date(2022, 6, 7), ends_on=date(2022, 6, 9),
                                          is_published=True),
        "p2c_event_draft": Event.objects.create(slug="authz-meeting", name="Meeting", kind="webinar",
                                                starts_on=date(2026, 6, 7), ends_on=date(2026, 6, 7)),
        "compilation": PledgeCompilation.objects.create(key="authz-compilation", language="en"),
        "partner": partner,
        "partner_free": Partner.objects.create(name="Partner without agreements", kind="academia",
                                               membership_category="none"),
        "p_agreement": agreement,
        "p_agreement_draft": PartnershipAgreement.objects.create(
            partner=partner, reference="AUTHZ-00002", title="Draft programme", region="africa",
            status=AgreementStatus.DRAFT, partner_contribution_usd=Decimal("0"),
            itu_contribution_usd=Decimal("0")),
        "story": ImpactStory.objects.create(title="Schools connected", summary="Five hundred schools.",
                                            partner=partner, is_published=True,
                                            published_on=date(2024, 9, 1)),
        "story_draft": ImpactStory.objects.create(title="Not told yet", summary="Draft.", partner=partner),
    }


def _board_side() -> dict:
    meeting = Meeting.objects.create(number=1, start_date=date(2024, 3, 1), end_date=date(2024, 3, 1),
                                     city="Geneva", country="CH")
    foresight = ForesightReport.objects.create(slug="authz-foresight", title="Foresight", theme="AI",
                                               status=ForesightReport.Status.PUBLISHED,
                                               publication_date=date(2024, 6, 1))
    foresight_draft = ForesightReport.objects.create(slug="authz-foresight-draft", title="In preparation",
                                                     theme="Quantum")
    for report in (foresight, foresight_draft):
        ForesightReportFile.objects.create(report=report, language="en", file=_file("foresight.pdf"))
    return {
        "member": BoardMember.objects.create(slug="authz-member", full_name="Member One", order=1),
        "meeting": meeting,
        "meeting_document": MeetingDocument.objects.create(meeting=meeting, title="Agenda",
                                                           kind=MeetingDocument.Kind.AGENDA,
                                                           file=_file("agenda.pdf")),
        "recommendation": Recommendation.objects.create(meeting=meeting, number=1, text="Do the thing"),
        "board_document": BoardDocument.objects.create(slug="authz-advocacy", kind="advocacy_plan",
                                                       title="Advocacy plan", file=_file("advocacy.pdf")),
        "working_group": WorkingGroup.objects.create(slug="authz-wg", name="Working group",
                                                     terms_of_reference=_file("tor.pdf")),
        "foresight": foresight, "foresight_draft": foresight_draft,
    }


def _playbook(funder: Funder, slug: str, status: str) -> Playbook:
    playbook = Playbook.objects.create(
        slug=slug, title_en=f"Playbook {slug}", status=status, funder=funder,
        strategic_objective=StrategicObjective.objects.get(number=1),
        published_on=date(2024, 10, 28) if status == Playbook.Status.PUBLISHED else None)
    version = PlaybookVersion.objects.create(playbook=playbook, number="1.0", released_on=date(2024, 10, 28))
    PlaybookDocument.objects.create(version=version, language="en", file=_file(f"{slug}.pdf"))
    return playbook


def _dtlab_side(host) -> dict:
    funder = Funder.objects.create(code="authz-funder", name_en="MIC, Japan", country="JP")
    service = Service.objects.create(slug="authz-cafe", name_en="Innovation Café")
    cohort = RIACohort.objects.create(
        number=1, name_en="Cohort 1", region=Region.objects.get(code="europe"),
        regional_initiative=RegionalInitiative.objects.get(code="EUR5"), funder=funder,
        start_date=date(2025, 2, 3), end_date=date(2025, 2, 5), city_en="Podgorica", country="ME",
        participating_countries=["AL", "ME"])
    return {
        "playbook": _playbook(funder, "authz-published", Playbook.Status.PUBLISHED),
        "playbook_draft": _playbook(funder, "authz-draft", Playbook.Status.IN_DEVELOPMENT),
        "service": service,
        "service_request": ServiceRequest.objects.create(
            service=service, requester_type=ServiceRequest.RequesterType.CENTRE, organisation="Centre A",
            country="KE", contact_name="Amina", contact_email="amina@example.org", description="A café.",
            submitted_by=host),
        "cohort": cohort,
        "concept": ProjectConcept.objects.create(cohort=cohort, number=1, title_en="Concept 1.1",
                                                 lead_country="ME", budget_usd=Decimal("250000.00"),
                                                 regional_initiative=cohort.regional_initiative),
    }


def _tdag_report(staff) -> TDAGReport:
    report = TDAGReport.objects.create(kind="alliance", period_start=date(2024, 1, 1),
                                       period_end=date(2024, 12, 31), requested_by=staff,
                                       status=ReportStatus.DONE, progress=100, finished_at=timezone.now())
    report.pdf.save("report.pdf", _file("report.pdf"))
    return report


def _coordination_side() -> dict:
    """A topic with a named focal point who has no account (nobody's portal opens it), a body and
    a meeting, made by the coordination services."""
    from coordination import services as coordination

    topic = coordination.topic_create(name="Authorization topic", status="active")
    body = coordination.body_create(acronym="AUTHZ-TF", name="Authorization task force", kind="secretariat")
    return {
        "coord_topic": topic,
        "coord_focal_point": coordination.focal_point_create(topic=topic, sector="itu_r", name="A. Focal"),
        "coord_body": body,
        "coord_meeting": coordination.meeting_create(body=body, held_on=date(2024, 3, 1), title="First"),
    }


def _news_side() -> dict:
    """A published item with its PDF and a draft (with one too: nobody may fetch a draft's)."""
    from alliance.news.models import NewsItem

    items = {}
    for name, published in (("news", True), ("news_draft", False)):
        item = NewsItem(slug=f"authz-{name}", title_en=name, body_en="Text.", published_on=date(2024, 1, 1),
                        is_published=published)
        item.pdf.save(f"{name}.pdf", _file(f"{name}.pdf"), save=False)
        item.save()
        items[name] = item
    return items


def build_world() -> World:
    user_model = get_user_model()
    staff = _staff_user()
    call = Call.objects.create(code="authz", name="Authorization call", opened_on=date(2023, 1, 25))
    staff_flag_only = user_model.objects.create_user(username="authz-flag", email="flag@example.org",
                                                     is_staff=True)
    superuser = user_model.objects.create_superuser(username="authz-root", email="root@itu.example")
    objects = {"staff": staff, "staff_flag_only": staff_flag_only, "superuser": superuser,
               **_centre_side(call, user_model), **_partnerships_side(staff),
               **_board_side(), "tdag_report": _tdag_report(staff), **_coordination_side(),
               **_news_side()}
    objects.update(_dtlab_side(objects["host_a"]))
    objects.update(region=Region.objects.get(code="africa"),
                   regional_initiative=RegionalInitiative.objects.get(code="AFR4"),
                   objective=StrategicObjective.objects.get(number=1), priority=Priority.objects.first())
    sessions = {"anonymous": None, **{role: _session_of(objects[role]) for role in ROLES[1:]}}
    return World(sessions=sessions, **objects)
