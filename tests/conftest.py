import shutil
import subprocess
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import translation

from alliance.core.roles import BDT_STAFF_GROUP
from tests import skips
from tests.skips import pytest_runtest_makereport  # noqa: F401 - CI fails on unexpected skips


@pytest.fixture(autouse=True)
def _tasks_in_process_unless_testing_the_worker(request):
    """Run Celery tasks in-process (as the embedded default does) except in ``services`` tests.

    With a broker configured (CI's PostgreSQL/Redis pass), tasks queued by ordinary tests would
    otherwise wait in Redis and never send the mail those tests look for.
    """
    from alliance.celery import app

    if request.node.get_closest_marker("services"):
        yield
        return
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def _english_by_default():
    """Every test starts in English, whatever language the previous one left active."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def media_root(request, settings, tmp_path) -> Path:
    """Uploads, reports and demo files a test writes go to its own folder, never the checkout's;
    a module marked ``module_media`` keeps the folder its module-wide world set up."""
    if not request.node.get_closest_marker("module_media"):
        settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def pdf_text():
    """``pdf_text(path, layout=False)``: a PDF's text as poppler's pdftotext reads it."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")

    def extract(path: str | Path, layout: bool = False) -> str:
        options = ["-layout"] if layout else []
        return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], check=True,
                              capture_output=True, text=True).stdout

    return extract


@pytest.fixture(autouse=True)
def _fresh_content_versions():
    """Every test starts with new content versions: rows a previous test wrote (then rolled back)
    or a test makes without signals (bulk_create) never meet figures cached before."""
    from alliance.core import freshness

    freshness.bump(*freshness.TOPICS)


@pytest.fixture(autouse=True)
def _rate_limits_off(settings):
    """Tests post the public forms many times from one address; the tests of the limits
    (tests/alliance/test_security_forms.py) switch them back on."""
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; a fast hasher keeps them quick (production keeps PBKDF2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


force_login_without_second_factor = Client.force_login


def force_login_with_second_factor(client, user, backend=None) -> None:
    """``Client.force_login`` in these tests: staff are signed in completely, second factor
    included (an authenticator is made for them), as ``force_login`` skips the password too.
    Tests of the second factor itself use ``force_login_without_second_factor``."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    force_login_without_second_factor(client, user, backend)
    if user.is_staff or user.is_superuser:
        device = (TOTPDevice.objects.filter(user=user, confirmed=True).first()
                  or TOTPDevice.objects.create(user=user, name="test authenticator"))
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


def pytest_configure(config) -> None:
    Client.force_login = force_login_with_second_factor
    skips.check_configuration()


@pytest.fixture
def staff_user(django_user_model):
    user = django_user_model.objects.create_user(
        username="bdt", password="correct horse battery", email="bdt@itu.example", is_staff=True
    )
    user.groups.add(Group.objects.get(name=BDT_STAFF_GROUP))
    return user


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def member_user(django_user_model):
    return django_user_model.objects.create_user(
        username="member", password="correct horse battery", email="member@example.org"
    )


@pytest.fixture
def celery_worker_factory(tmp_path):
    """Start real `celery worker` processes (tests marked ``services``); stopped afterwards."""
    from tests.services import WorkerProcess, require_real_services

    require_real_services()
    # Every test starts with an empty queue: a task an earlier test queued without a worker to
    # take it (its records since rolled back) would otherwise reach this test's workers.
    from alliance.celery import app as celery_app

    celery_app.control.purge()
    workers: list[WorkerProcess] = []

    def start(**env: str) -> WorkerProcess:
        worker = WorkerProcess(tmp_path, **env)
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        worker.stop()
