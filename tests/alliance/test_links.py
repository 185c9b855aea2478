"""Links read away from the site (e-mails, PDFs, spreadsheets) are absolute: one function builds
them from the portal's address, and no e-mail template writes a site-relative link."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from alliance.core.links import absolute_url
from alliance.models import RegionalInitiative, StrategicObjective
from centres import services
from centres.models import Centre
from tests.factories import CallFactory, StaffFactory, StagedCentreFactory

BASE = "https://alliance.itu.example"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
MAIL_PATTERNS = ("**/mail/*.txt", "**/mail/*.html", "registration/*email*")
MAIL_TEMPLATES = sorted(str(path.relative_to(TEMPLATES)) for pattern in MAIL_PATTERNS
                        for path in TEMPLATES.glob(pattern))
# A link a template writes: in an attribute, or alone as a word (plain-text e-mails).
RELATIVE = re.compile(r"""(?:href|src)=["']/|(?:^|\s)/[\w%-]""", re.MULTILINE)


@pytest.fixture
def portal(settings):
    settings.PORTAL_BASE_URL = BASE
    return settings


def test_a_path_goes_behind_the_portals_address(portal):
    assert absolute_url("/en/portal/") == f"{BASE}/en/portal/"
    portal.PORTAL_BASE_URL = f"{BASE}/"
    assert absolute_url("/en/portal/") == f"{BASE}/en/portal/"


def test_an_absolute_url_is_kept_and_no_other_address_can_be_given(portal):
    assert absolute_url("https://elsewhere.example/x") == "https://elsewhere.example/x"
    with pytest.raises(TypeError):
        absolute_url("/en/", base="http://testserver/")  # one address: the portal's


def test_every_mail_template_is_found():
    assert len(MAIL_TEMPLATES) >= 40
    assert "centres/mail/message_to_host_body.txt" in MAIL_TEMPLATES
    assert "registration/password_reset_email.html" in MAIL_TEMPLATES


@pytest.mark.parametrize("template", MAIL_TEMPLATES)
def test_no_mail_template_writes_a_site_relative_link(portal, db, template):
    person = SimpleNamespace(username="amina", get_username="amina", get_full_name="Amina Diallo",
                             email="amina@example.org")
    context = {"protocol": "https", "domain": "alliance.itu.example", "uid": "MQ", "token": "set-abc123",
               "user": person, "author": person}
    with translation.override("en"):
        text = render_to_string(template, context)
    assert not RELATIVE.search(text), f"{template} writes a site-relative link:\n{text}"


def test_the_relative_link_check_finds_one():
    assert RELATIVE.search("Open:\n/en/portal/messages/")
    assert RELATIVE.search('<a href="/en/portal/">portal</a>')
    assert not RELATIVE.search(f"Open:\n{BASE}/en/portal/ and 1/2")


def test_the_host_invitation_links_to_the_portals_address_without_a_request(
        portal, db, mailoutbox, django_capture_on_commit_callbacks):
    centre = StagedCentreFactory(application__call=CallFactory(), status=Centre.Status.SELECTED)
    with django_capture_on_commit_callbacks(execute=True):
        services.host_invite(centre=centre, email="new.host@example.org")
    (link,) = [line for line in mailoutbox[0].body.splitlines() if "/reset/" in line]
    assert link.startswith(f"{BASE}/en/")


def test_the_centres_mails_link_to_the_portals_address_without_a_request(
        portal, db, mailoutbox, django_capture_on_commit_callbacks, django_user_model):
    centre = StagedCentreFactory(application__call=CallFactory(), status=Centre.Status.OPERATING)
    host = django_user_model.objects.create_user(username="h", email="h@example.org")
    centre.hosts.create(user=host)
    with django_capture_on_commit_callbacks(execute=True):
        services.centre_message_send(centre=centre, body="Hello", by=StaffFactory(), from_bdt=True)
        services.centre_message_send(centre=centre, body="Thanks", by=host, from_bdt=False)
        services.application_submit(
            organisation="Lakeside Ministry", host_type="government", country="KE", city="Nairobi",
            contact_name="Amina", contact_email="amina@example.org",
            regional_initiative=RegionalInitiative.objects.get(code="AFR4"),
            objectives=[StrategicObjective.objects.get(number=1)], support_plan="Plan")
    links = [line for mail in mailoutbox for line in mail.body.splitlines() if "/en/" in line]
    assert len(links) == 3 and all(line.startswith(f"{BASE}/en/") for line in links), links
