"""Redis really stopped under a running portal (no mock): ``/readyz`` answers 503 naming the cache
and the broker, ``/livez`` and the public pages still answer (the cache fails open), and a form
whose service sends mail is accepted, its mails sent from the web process instead of the worker.
Once Redis is back, ``/readyz`` is ready again by itself.

The portal (gunicorn, DEBUG off) uses a redis-server of the test's own for its cache and broker
and the test database on the shared PostgreSQL; its mail goes to files in the test's folder.
"""

import json
import time
from email import message_from_string

import pytest
from django.conf import settings

from dtlab.models import ServiceRequest
from tests import services
from tests.factories import ServiceFactory

from .processes import Portal

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = ("/en/", "/en/centres/", "/fr/partnerships/", "/ar/board/", "/en/dtlab/")
REQUEST = {"requester_type": "member", "organisation": "Ministry of ICT", "country": "KE",
           "contact_name": "Amina Otieno", "contact_email": "amina@example.org",
           "description": "A review of our national e-government services."}


@pytest.fixture
def portal(redis, tmp_path):
    portal = Portal(tmp_path, DATABASE_URL=services.test_database_url(), REDIS_URL=redis.url(0),
                    CELERY_BROKER_URL=redis.url(1), DJANGO_SECRET_KEY=settings.SECRET_KEY,
                    DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
                    DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
                    DJANGO_EMAIL_FILE_PATH=str(tmp_path / "mail"),
                    ALLIANCE_CONTACT_EMAIL="dtlab-team@itu.example")
    yield portal
    portal.stop()


def _sent_mail(folder) -> dict[str, str]:
    """{recipient: subject} of the mails the file backend wrote."""
    mails = {}
    for file in sorted(folder.glob("*.log")) if folder.exists() else []:
        for text in file.read_text().split("-" * 79):
            if text.strip():
                message = message_from_string(text.strip())
                mails[message["To"]] = message["Subject"]
    return mails


def test_with_redis_stopped_readyz_names_cache_and_broker_pages_answer_and_mail_is_sent_in_process(
        redis, portal, tmp_path):
    service = ServiceFactory(slug="network-review", name="Network review")
    ready = portal.get("/readyz")
    assert ready.status == 200, (ready.text, portal.log())
    assert json.loads(ready.text) == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}

    redis.stop()
    assert not redis.answers()
    started = time.monotonic()
    degraded = portal.get("/readyz")
    assert degraded.status == 503, degraded.text
    body = json.loads(degraded.text)
    assert (body["status"], body["failed"], body["database"]) == ("error", ["cache", "broker"], "ok")
    assert body["cache"].startswith("error") and body["broker"].startswith("error")
    assert time.monotonic() - started < 10, "the probe must answer well within a load balancer's timeout"
    assert portal.get("/livez").status == 200
    for path in PAGES:
        assert portal.get(path).status == 200, (path, portal.log())

    form = f"/en/dtlab/services/{service.slug}/request/"
    sent = portal.post_form(form, form, REQUEST)
    assert sent.status == 302, (sent.status, sent.text[:2000], portal.log())
    assert sent.headers["Location"] == f"{form}sent/"
    assert ServiceRequest.objects.get().contact_email == "amina@example.org"
    mails = _sent_mail(tmp_path / "mail")
    assert sorted(mails) == ["amina@example.org", "dtlab-team@itu.example"], portal.log()
    assert "Network review" in mails["amina@example.org"]
    assert portal.log().count("from the web process") == 2, portal.log()

    redis.start()
    deadline = time.monotonic() + 15
    while (answer := portal.get("/readyz")).status != 200:
        assert time.monotonic() < deadline, f"/readyz {answer.status} after Redis came back: {answer.text}"
        time.sleep(0.2)
    assert portal.process.poll() is None
