"""Conditional GET on the Board, DT Lab and home pages: 304 for a repeated anonymous GET, a new
ETag once the app's data changes, and always a full page for a logged-in user."""

import pytest
from django.core.management import call_command
from django.test import Client

from board.models import BoardMember, Meeting
from dtlab.models import Playbook, RIACohort

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def pages() -> list[str]:
    member = BoardMember.objects.order_by("pk").first()
    meeting = Meeting.objects.order_by("pk").first()
    playbook = Playbook.objects.order_by("pk").first()
    cohort = RIACohort.objects.order_by("pk").first()
    return [
        "/en/", "/en/board/", "/en/board/members/", f"/en/board/members/{member.slug}/",
        "/en/board/meetings/", f"/en/board/meetings/{meeting.number}/", "/en/board/recommendations/",
        "/en/board/workplan/", "/en/board/foresight/", "/en/board/experts/",
        "/en/dtlab/", "/en/dtlab/playbooks/", f"/en/dtlab/playbooks/{playbook.slug}/", "/en/dtlab/services/",
        "/en/dtlab/ria/", f"/en/dtlab/ria/{cohort.number}/",
    ]


def test_board_dtlab_and_home_pages_answer_304_until_their_data_changes(demo):
    client = Client()
    for url in pages():
        client.get(url)  # sets the CSRF cookie the header's forms carry
        etag = client.get(url)["ETag"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304, url
        if url.startswith("/en/dtlab/"):
            playbook = Playbook.objects.order_by("pk").first()
            playbook.save()
        else:
            member = BoardMember.objects.order_by("pk").first()
            member.save()
        changed = client.get(url, headers={"If-None-Match": etag})
        assert changed.status_code == 200 and changed["ETag"] != etag, url


def test_a_change_in_one_app_keeps_the_other_apps_pages_fresh(demo):
    client = Client()
    client.get("/en/dtlab/")
    etag = client.get("/en/dtlab/")["ETag"]
    BoardMember.objects.order_by("pk").first().save()
    assert client.get("/en/dtlab/", headers={"If-None-Match": etag}).status_code == 304


def test_a_logged_in_visitor_always_gets_the_page(demo, staff_client):
    response = staff_client.get("/en/board/")
    assert response.status_code == 200 and not response.has_header("ETag")
