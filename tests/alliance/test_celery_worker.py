import time

import pytest
from django.db import transaction

from alliance.tasks import deliver_mail


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_delivers_mail_queued_through_redis(celery_worker_factory, tmp_path):
    outbox = tmp_path / "outbox"
    worker = celery_worker_factory(
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        DJANGO_EMAIL_FILE_PATH=str(outbox),
    )
    with transaction.atomic():
        transaction.on_commit(lambda: deliver_mail.delay(
            to=["host@example.org"], subject="Centre selected", body="Welcome to the network."))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (outbox.exists() and any(outbox.iterdir())):
        time.sleep(0.2)
    sent = [path.read_text() for path in outbox.iterdir()] if outbox.exists() else []
    assert len(sent) == 1, worker.log()
    assert "To: host@example.org" in sent[0]
    assert "alliance.tasks.deliver_mail" in worker.log()
