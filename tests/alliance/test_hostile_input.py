"""Hostile input: control characters in what people type, oversized requests and uploads,
files that lie about their type, and the headers downloads are served with."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from alliance.core.roles import BDT_STAFF_GROUP
from alliance.core.validators import NoControlCharactersFormMixin
from alliance.models import RegionalInitiative, StrategicObjective
from alliance.reports.models import ReportStatus, TDAGReport
from board.models import (
    BoardDocument,
    ExpertiseArea,
    ExpertRequest,
    ForesightReport,
    ForesightReportFile,
    Meeting,
    MeetingDocument,
    Recommendation,
    WorkingGroup,
)
from centres import services as centre_services
from centres.models import ActionPlanActivity, Application, Call, Centre, CentreDocument, CentreProgressReport
from dtlab.models import Playbook, PlaybookDocument, PlaybookVersion, Service, ServiceRequest
from partnerships import services as partnership_services
from partnerships.models import ActionArea, Partner, PartnershipAgreement, Pledge, PledgeProgressReport
from tests.centres.conftest import make_host
from tests.factories import PDF_BYTES, StagedCentreFactory, api_key_for, png_bytes

pytestmark = pytest.mark.django_db


PNG_BYTES = png_bytes(1, 1)
HTML_BYTES = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
# NUL, ESC (C0) and CSI (C1): each must be refused wherever a person types text.
CONTROL_SAMPLES = ["bad\x00text", "bad\x1b[31mtext", "bad\x9btext"]
CONTROL_MESSAGE = "This text contains control characters that are not allowed."


def pdf(name: str = "document.pdf", content: bytes = PDF_BYTES) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def staff(django_user_model):
    user = django_user_model.objects.create_user(username="hostile-bdt", email="bdt@itu.example",
                                                 is_staff=True)
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    return user


@pytest.fixture
def host(django_user_model):
    call = Call.objects.create(code="hostile", name="Call", opened_on=date(2023, 1, 25))
    centre = StagedCentreFactory(application__call=call, status=Centre.Status.CAPACITY_BUILDING)
    return make_host(django_user_model, centre, "hostile-host")


@pytest.fixture
def pledger(staff):
    pledge = partnership_services.pledge_submit(
        organisation="Connectivity Foundation", pledger_kind="philanthropy", country="KE",
        contact_name="Amina Otieno", contact_email="pledger@example.org", title="Schools online",
        description="Connect 500 schools.", kind="financial",
        action_areas=ActionArea.objects.filter(code="connecting_people"), target_year=2030,
        value_usd=Decimal("1000000"), benefits_ldc=True, benefit_description="All in LDCs.")
    partnership_services.pledge_due_diligence(pledge=pledge, by=staff, checklist={
        "dd_identity_verified": True, "dd_supports_action_area": True, "dd_realistic_measurable": True,
        "dd_no_reputational_risk": True})
    return partnership_services.pledge_publish(pledge=pledge, by=staff)


@dataclass
class Submission:
    """One place a person submits text: how to reach it and what it stores."""

    client: Client
    url: str
    data: dict[str, Any]
    stored: Callable[[], Any]
    fields: tuple[str, ...]
    api: bool = False
    method: str = "post"

    def send(self, **overrides: Any):
        data = {**self.data, **overrides}
        if self.api:
            return getattr(self.client, self.method)(self.url, data, content_type="application/json")
        return self.client.post(self.url, data)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _api_client(user) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Token {api_key_for(user)}")


def centre_application(request) -> Submission:
    Call.objects.create(code="open", name="Open call", opened_on=date(2023, 1, 25))
    data = {"organisation": "Innovation Hub", "host_type": "academia", "country": "GH", "city": "Accra",
            "contact_name": "Kofi Mensah", "contact_email": "kofi@hub.example", "website": "",
            "support_plan": "University budget and ministry letter.",
            "objectives": [StrategicObjective.objects.get(number=2).pk],
            "regional_initiative": RegionalInitiative.objects.get(code="AFR4").pk}
    return Submission(_client(), reverse("centres:apply"), data, Application.objects.count,
                      ("organisation", "city", "contact_name", "support_plan"))


def expert_request(request) -> Submission:
    area = ExpertiseArea.objects.create(name="Foresight", slug="foresight")
    data = {"full_name": "Ada Lovelace", "email": "ada@example.org", "organisation": "Engines",
            "country": "GB", "areas": [area.pk], "motivation": "Twenty years of foresight work."}
    return Submission(_client(), reverse("board:expert-request"), data, ExpertRequest.objects.count,
                      ("full_name", "organisation", "motivation"))


def service_request(request) -> Submission:
    service = Service.objects.create(slug="cafe", name_en="Innovation Café")
    data = {"requester_type": "member", "organisation": "Ministry", "country": "KE",
            "contact_name": "Amina", "contact_email": "amina@example.org",
            "description": "An innovation café for our centre."}
    return Submission(_client(), reverse("dtlab:service-request", args=[service.slug]), data,
                      ServiceRequest.objects.count, ("organisation", "contact_name", "description"))


def pledge_submission(request) -> Submission:
    data = {"organisation": "Connectivity Foundation", "pledger_kind": "philanthropy", "country": "KE",
            "contact_name": "Amina Otieno", "contact_email": "amina@example.org",
            "title": "Schools online", "description": "Connect 500 schools.", "kind": "financial",
            "action_areas": [ActionArea.objects.get(code="connecting_people").pk],
            "value_usd": "1000", "target_year": str(timezone.localdate().year + 2),
            "benefit_description": "All in LDCs.", "made_with": "Partners"}
    return Submission(_client(), reverse("partnerships:pledge-submit"), data, Pledge.objects.count,
                      ("organisation", "contact_name", "title", "description", "benefit_description",
                       "made_with"))


def pledge_progress(request) -> Submission:
    pledge = request.getfixturevalue("pledger")
    data = {"status": "on_track", "narrative": "Two hundred schools so far.",
            "amount_delivered_usd": "1000"}
    return Submission(_client(pledge.pledger.user), reverse("partnerships:progress-report", args=[pledge.pk]),
                      data, PledgeProgressReport.objects.count, ("narrative",))


def portal_profile(request) -> Submission:
    user = request.getfixturevalue("host")
    centre = Centre.objects.get(hosts__user=user)
    data = {"description_en": "Our centre.", "website": "", "contact_email": "c@example.org",
            "contact_phone": "+41 22 730 5111"}

    def stored():
        centre.refresh_from_db()
        return (centre.description_en, centre.contact_phone)
    return Submission(_client(user), reverse("portal:profile"), data, stored,
                      ("description_en", "description_fr", "contact_phone"))


def portal_activity(request) -> Submission:
    user = request.getfixturevalue("host")
    today = timezone.localdate()
    data = {"objective": StrategicObjective.objects.get(number=1).pk, "title": "Hackathon",
            "planned_start": str(today), "planned_end": str(today + timedelta(days=30)),
            "status": "planned", "progress": "0", "outputs": "A prototype.", "indicators": "Teams."}
    return Submission(_client(user), reverse("portal:activity-add"), data, ActionPlanActivity.objects.count,
                      ("title", "outputs", "indicators"))


def portal_report(request) -> Submission:
    user = request.getfixturevalue("host")
    today = timezone.localdate()
    data = {"period_start": str(today - timedelta(days=180)), "period_end": str(today),
            "summary": "Half-year summary."}
    return Submission(_client(user), reverse("portal:report-add"), data, CentreProgressReport.objects.count,
                      ("summary",))


def portal_document(request) -> Submission:
    user = request.getfixturevalue("host")
    return Submission(_client(user), reverse("portal:documents"), {"title": "Budget"},
                      CentreDocument.objects.count, ("title",))


def api_partner(request) -> Submission:
    data = {"name": "Ministry of Digital Affairs", "kind": "government", "membership_category": "none",
            "contact_name": "Amina", "relationship_notes": "Met in Geneva."}
    return Submission(_api_client(request.getfixturevalue("staff")), "/api/v1/partners/", data,
                      Partner.objects.count, ("name", "acronym", "contact_name", "relationship_notes"),
                      api=True)


def api_partner_update(request) -> Submission:
    partner = Partner.objects.create(name="Ministry", kind="government", membership_category="none")

    def stored():
        partner.refresh_from_db()
        return (partner.name, partner.contact_name, partner.relationship_notes)
    return Submission(_api_client(request.getfixturevalue("staff")), f"/api/v1/partners/{partner.pk}/",
                      {"contact_name": "Amina"}, stored, ("name", "contact_name", "relationship_notes"),
                      api=True, method="patch")


def api_agreement(request) -> Submission:
    partner = Partner.objects.create(name="Ministry", kind="government", membership_category="none")
    data = {"partner": partner.pk, "title": "New programme", "region": "africa", "status": "signed",
            "signed_on": "2024-06-01", "partner_contribution_usd": "0.00", "itu_contribution_usd": "0.00",
            "linked_projects": "Giga"}
    return Submission(_api_client(request.getfixturevalue("staff")), "/api/v1/agreements/", data,
                      PartnershipAgreement.objects.count, ("title", "reference", "linked_projects"), api=True)


def api_recommendation_status(request) -> Submission:
    meeting = Meeting.objects.create(number=1, start_date=date(2024, 3, 1), end_date=date(2024, 3, 1),
                                     city="Geneva", country="CH")
    recommendation = Recommendation.objects.create(meeting=meeting, number=1, text="Do the thing")

    def stored():
        recommendation.refresh_from_db()
        return (recommendation.status, recommendation.progress_note)
    return Submission(_api_client(request.getfixturevalue("staff")),
                      f"/api/v1/recommendations/{recommendation.pk}/status/",
                      {"status": "in_progress", "progress_note": "Started."}, stored, ("progress_note",),
                      api=True)


SUBMISSIONS = [centre_application, expert_request, service_request, pledge_submission, pledge_progress,
               portal_profile, portal_activity, portal_report, portal_document, api_partner,
               api_partner_update, api_agreement, api_recommendation_status]


def _field_errors(response, field: str) -> list[str]:
    if response.headers.get("Content-Type", "").startswith("application/json"):
        assert response.status_code == 400, response.content
        return [str(message) for message in response.json().get(field, [])]
    assert response.status_code == 200, f"{response.status_code}: the form was accepted"
    return list(response.context["form"].errors.get(field, []))


@pytest.mark.parametrize("submission", SUBMISSIONS, ids=lambda s: s.__name__)
def test_control_characters_are_refused_with_a_field_error_and_nothing_is_stored(request, submission):
    target = submission(request)
    if submission is portal_document:
        target.send = lambda **o: target.client.post(target.url, {"title": "Budget", "file": pdf(), **o})
    before = target.stored()
    for field in target.fields:
        for sample in CONTROL_SAMPLES:
            response = target.send(**{field: sample})
            assert _field_errors(response, field) == [CONTROL_MESSAGE], (field, repr(sample))
            assert target.stored() == before, (field, repr(sample))


@pytest.mark.parametrize("submission", SUBMISSIONS, ids=lambda s: s.__name__)
def test_the_same_submission_without_control_characters_is_accepted(request, submission):
    """The hostile test above would pass on a form that refuses everything: this one says not."""
    target = submission(request)
    before = target.stored()
    if submission is portal_document:
        response = target.client.post(target.url, {"title": "Budget", "file": pdf()})
    else:
        response = target.send()
    assert response.status_code in (200, 201, 302), response.content[:500]
    assert target.stored() != before


def test_multi_line_text_keeps_tabs_and_line_breaks_and_single_line_text_refuses_them():
    class NoteForm(NoControlCharactersFormMixin, forms.Form):
        name = forms.CharField()
        notes = forms.CharField(widget=forms.Textarea)

    assert NoteForm(data={"name": "Amina Otieno", "notes": "Line one\r\n\tline two"}).is_valid()
    form = NoteForm(data={"name": "Amina\tOtieno", "notes": "Line one\x07"})
    assert form.errors == {"name": [CONTROL_MESSAGE], "notes": [CONTROL_MESSAGE]}


# --- Oversized requests and uploads ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/en/partnerships/partner2connect/pledge/", "/api/v1/partners/"])
def test_a_body_over_the_limit_is_refused_with_413_before_it_is_read(client, settings, path):
    body = "x" * 64
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 32
    response = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 413
    if path.startswith("/api/"):
        assert "too large" in response.json()["detail"]
    else:
        assert b"The request is too large" in response.content


def test_an_upload_over_the_request_limit_is_refused_with_413_by_its_content_length(client, settings):
    settings.MAX_REQUEST_SIZE = 1024
    response = client.post(reverse("centres:apply"), {"documents": pdf(content=PDF_BYTES + b"0" * 2048)})
    assert response.status_code == 413
    assert "Documents may be at most 10 MB each." in response.content.decode()


def test_a_form_field_over_the_limit_in_an_upload_under_it_gets_413_not_a_csrf_400(settings):
    """The CSRF check reads the form before any view: a text field over DATA_UPLOAD_MAX_MEMORY_SIZE
    inside a multipart body under MAX_REQUEST_SIZE was answered 400 by Django."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    browser = Client(enforce_csrf_checks=True)
    browser.get(reverse("centres:apply"))  # the CSRF cookie, as a browser has it
    response = browser.post(reverse("centres:apply"), {"motivation": "x" * 4096})
    assert response.status_code == 413
    assert "The request is too large" in response.content.decode()
    assert Application.objects.count() == 0


def test_form_fields_over_the_limit_inside_a_view_give_413_not_400(rf, settings):
    """RequestDataTooBig raised where a view reads the form is answered like the early refusal."""
    from django.core.exceptions import RequestDataTooBig

    from alliance.core.middleware import RequestSizeLimitMiddleware

    middleware = RequestSizeLimitMiddleware(lambda request: None)
    response = middleware.process_exception(rf.post("/api/v1/partners/"), RequestDataTooBig())
    assert response.status_code == 413


def test_an_application_document_over_its_size_limit_gets_a_form_error(request, settings):
    settings.MAX_UPLOAD_SIZE = 1024
    target = centre_application(request)
    response = target.client.post(target.url, {**target.data,
                                               "documents": [pdf(content=PDF_BYTES + b"0" * 2048)]})
    assert response.status_code == 200
    assert target.stored() == 0
    assert response.context["form"].errors["documents"] == [
        "document.pdf: The file is 2.0\xa0KB; the largest accepted is 1.0\xa0KB."]


def test_a_portal_document_over_its_size_limit_gets_a_form_error(host, settings):
    settings.MAX_UPLOAD_SIZE = 1024
    response = _client(host).post(reverse("portal:documents"),
                                  {"title": "Budget", "file": pdf(content=PDF_BYTES + b"0" * 2048)})
    assert response.status_code == 200
    assert "largest accepted is 1.0" in str(response.context["form"].errors["file"])
    assert not CentreDocument.objects.exists()


def _png_with_padding(size: int) -> bytes:
    """A valid 1x1 PNG made ``size`` bytes larger by a private ancillary chunk that decoders skip."""
    padding = b"\x00" * size
    chunk = struct.pack(">I", size) + b"prVt" + padding + struct.pack(">I", zlib.crc32(b"prVt" + padding))
    return PNG_BYTES[:33] + chunk + PNG_BYTES[33:]


def test_a_logo_over_five_megabytes_gets_a_form_error(host):
    big = SimpleUploadedFile("logo.png", _png_with_padding(5 * 1024 * 1024), content_type="image/png")
    response = _client(host).post(reverse("portal:profile"), {"description_en": "Ours.", "logo": big})
    assert response.status_code == 200
    assert "largest accepted is 5.0" in str(response.context["form"].errors["logo"])


# --- Uploads are judged by their content, not their name ----------------------------------------

FAKE_PDFS = {"png named .pdf": PNG_BYTES, "html named .pdf": HTML_BYTES}
FAKE_IMAGES = {"html named .png": HTML_BYTES, "pdf named .png": PDF_BYTES,
               "svg named .png": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'}


@pytest.mark.parametrize("content", FAKE_PDFS.values(), ids=FAKE_PDFS.keys())
def test_an_application_document_that_is_not_a_pdf_is_refused(request, content):
    target = centre_application(request)
    response = target.client.post(target.url, {**target.data, "documents": [pdf("plan.pdf", content)]})
    assert response.status_code == 200
    assert response.context["form"].errors["documents"] == [
        "plan.pdf: Only PDF documents are accepted; this file is not a PDF."]
    assert target.stored() == 0


@pytest.mark.parametrize("content", FAKE_PDFS.values(), ids=FAKE_PDFS.keys())
def test_a_portal_document_that_is_not_a_pdf_is_refused(host, content):
    response = _client(host).post(reverse("portal:documents"),
                                  {"title": "Budget", "file": pdf(content=content)})
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Only PDF documents are accepted; this file is not a PDF."]
    assert not CentreDocument.objects.exists()


@pytest.mark.parametrize("content", FAKE_IMAGES.values(), ids=FAKE_IMAGES.keys())
def test_a_logo_that_is_not_an_image_is_refused(host, content):
    fake = SimpleUploadedFile("logo.png", content, content_type="image/png")
    response = _client(host).post(reverse("portal:profile"), {"description_en": "Ours.", "logo": fake})
    assert response.status_code == 200
    assert response.context["form"].errors["logo"]
    assert not Centre.objects.get(hosts__user=host).logo


# --- Downloads -------------------------------------------------------------------------------------


def _pdf_file(name: str) -> ContentFile:
    return ContentFile(PDF_BYTES, name=name)


def _download_world(staff, host) -> dict[str, tuple[Client, str]]:
    """Every place a document is downloaded from, with a client allowed to download it.

    The host's document is stored under an .html name: it is a PDF by content, and must be served as
    one whatever it was called.
    """
    centre = Centre.objects.get(hosts__user=host)
    document = centre_services.centre_document_upload(centre=centre, title="Budget",
                                                      file=pdf("budget.html"), by=host)
    meeting = Meeting.objects.create(number=1, start_date=date(2024, 3, 1), end_date=date(2024, 3, 1),
                                     city="Geneva", country="CH")
    meeting_document = MeetingDocument.objects.create(meeting=meeting, title="Agenda",
                                                      file=_pdf_file("a.pdf"))
    BoardDocument.objects.create(slug="advocacy", kind="advocacy_plan", title="Advocacy plan",
                                 file=_pdf_file("advocacy.pdf"))
    WorkingGroup.objects.create(slug="wg", name="Working group", terms_of_reference=_pdf_file("tor.pdf"))
    foresight = ForesightReport.objects.create(slug="foresight", title="Foresight", theme="AI",
                                               status=ForesightReport.Status.PUBLISHED,
                                               publication_date=date(2024, 6, 1))
    ForesightReportFile.objects.create(report=foresight, language="en", file=_pdf_file("f.pdf"))
    playbook = Playbook.objects.create(slug="pb", title_en="Playbook", status=Playbook.Status.PUBLISHED,
                                       strategic_objective=StrategicObjective.objects.get(number=1),
                                       published_on=date(2024, 10, 28))
    version = PlaybookVersion.objects.create(playbook=playbook, number="1.0", released_on=date(2024, 10, 28))
    PlaybookDocument.objects.create(version=version, language="en", file=_pdf_file("pb.pdf"))
    partner = Partner.objects.create(name="Ministry", kind="government", membership_category="none")
    agreement = PartnershipAgreement.objects.create(
        partner=partner, reference="HOSTILE-1", title="Programme", region="africa", status="active",
        signed_on=date(2024, 5, 1), partner_contribution_usd=Decimal("1"), itu_contribution_usd=Decimal("0"),
        document=_pdf_file("agreement.pdf"))
    report = TDAGReport.objects.create(kind="alliance", period_start=date(2024, 1, 1),
                                       period_end=date(2024, 12, 31), requested_by=staff,
                                       status=ReportStatus.DONE, progress=100, finished_at=timezone.now())
    report.pdf.save("report.pdf", _pdf_file("report.pdf"))
    anonymous, host_client, staff_client = Client(), _client(host), _client(staff)
    return {
        "portal document": (host_client, reverse("portal:document-download", args=[document.pk])),
        "portal agreement": (host_client, reverse("portal:agreement-download",
                                                  args=[centre.agreements.get().pk])),
        "board meeting document": (anonymous, reverse("board:meeting-document-download",
                                                      args=[meeting_document.pk])),
        "board document": (anonymous, reverse("board:document-download", args=["advocacy"])),
        "working group terms": (anonymous, reverse("board:working-group-tor", args=["wg"])),
        "foresight report": (anonymous, reverse("board:foresight-download", args=["foresight", "en"])),
        "playbook": (anonymous, reverse("dtlab:playbook-download", args=["pb", "1.0", "en"])),
        "partnership agreement": (staff_client, reverse("partnerships:agreement-document",
                                                        args=[agreement.pk])),
        "TDAG report": (staff_client, reverse("reports:download", args=[report.pk])),
        "TDAG report by API": (_api_client(staff), f"/api/v1/reports/{report.pk}/pdf/"),
    }


DOWNLOADS = ["portal document", "portal agreement", "board meeting document", "board document",
             "working group terms", "foresight report", "playbook", "partnership agreement", "TDAG report",
             "TDAG report by API"]


@pytest.mark.parametrize("name", DOWNLOADS)
def test_documents_download_as_pdf_attachments_that_browsers_may_not_sniff(staff, host, name):
    client, url = _download_world(staff, host)[name]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith('.pdf"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


# --- /media/ -------------------------------------------------------------------------------------


def test_media_serves_public_logos_but_not_private_documents(host, client):
    centre = Centre.objects.get(hosts__user=host)
    centre.logo.save("logo.png", ContentFile(PNG_BYTES))
    document = centre_services.centre_document_upload(centre=centre, title="Budget", file=pdf(), by=host)
    logo = client.get(centre.logo.url)
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    assert logo["X-Content-Type-Options"] == "nosniff"
    private = document.file.url
    assert private.startswith("/media/centres/documents/")
    assert client.get(private).status_code == 404
    assert _client(host).get(private).status_code == 404, "even its host reads it through the portal"
    sneaky = "/media/centres/logos/../" + document.file.name.removeprefix("centres/")
    assert client.get(sneaky).status_code == 404
    assert client.get(sneaky.replace("..", "%2e%2e")).status_code == 404


# --- Image sizes and stored names (issue 15, finding 7) ----------------------------------------------


def _png_of(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_a_small_png_of_13000_by_13000_pixels_is_refused_as_a_logo(host):
    bomb = _png_of(13000, 13000)
    assert len(bomb) < 100 * 1024
    fake = SimpleUploadedFile("logo.png", bomb, content_type="image/png")
    response = _client(host).post(reverse("portal:profile"), {"description_en": "Ours.", "logo": fake})
    assert response.status_code == 200
    errors = str(response.context["form"].errors["logo"])
    assert "13000 × 13000 pixels" in errors and "40 megapixels" in errors
    assert not Centre.objects.get(hosts__user=host).logo


@pytest.mark.parametrize(("width", "height", "accepted"), [
    (6000, 6000, True), (8000, 5001, False), (10001, 10, False), (10000, 10, True)])
def test_images_are_limited_in_pixels_and_in_pixels_a_side(width, height, accepted):
    from django.core.exceptions import ValidationError

    from alliance.core.validators import validate_image

    upload = SimpleUploadedFile("photo.png", _png_of(width, height), content_type="image/png")
    if accepted:
        validate_image(upload)
    else:
        with pytest.raises(ValidationError) as error:
            validate_image(upload)
        assert error.value.code == "image_too_large"


def test_a_document_is_stored_under_the_type_its_content_has_not_its_name(host):
    centre = Centre.objects.get(hosts__user=host)
    document = centre_services.centre_document_upload(centre=centre, title="Budget",
                                                      file=pdf("fake.html"), by=host)
    assert document.file.name.endswith(".pdf")
    assert "fake" in document.file.name and ".html" not in document.file.name


@pytest.mark.parametrize("name", ["logo.pdf", "logo.ps", "logo.PDF"])
def test_a_logo_named_otherwise_is_stored_and_served_as_the_image_it_is(host, client, name):
    fake = SimpleUploadedFile(name, PNG_BYTES, content_type="application/pdf")
    response = _client(host).post(reverse("portal:profile"), {"description_en": "Ours.", "logo": fake})
    assert response.status_code == 302, response.context and response.context["form"].errors
    logo = Centre.objects.get(hosts__user=host).logo
    assert logo.name.endswith(".png")
    served = client.get(logo.url)
    assert (served.status_code, served["Content-Type"]) == (200, "image/png")


@pytest.mark.parametrize("name", ["centres/logos/old.pdf", "centres/logos/old.ps", "board/members/x.html"])
def test_public_media_never_serves_a_file_there_that_is_not_named_as_an_image(client, settings, name):
    path = settings.MEDIA_ROOT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG_BYTES)
    assert client.get(f"/media/{name}").status_code == 404
