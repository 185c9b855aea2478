"""The host portal's lists added for self-service cost a fixed number of queries, whatever the
number of rows (documents with their versions, events, messages, proposed changes)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from centres import services
from centres.models import CentreChangeProposal, NetworkEvent
from tests.factories import PDF_BYTES, CentreDocumentFactory

BUDGETS = {"portal:documents": 12, "portal:events": 10, "portal:messages": 10, "portal:changes": 10}


def _rows(centre, user, count: int) -> None:
    today = timezone.localdate()
    for n in range(count):
        document = CentreDocumentFactory(centre=centre, uploaded_by=user)
        services.centre_document_replace(
            document=document, by=user,
            file=SimpleUploadedFile(f"v{n}.pdf", PDF_BYTES, content_type="application/pdf"))
        NetworkEvent.objects.create(title=f"Event {n}", organiser=centre, location="Nairobi",
                                    starts_on=today, ends_on=today)
        services.centre_message_send(centre=centre, body=f"Message {n}", by=user, from_bdt=bool(n % 2))
        CentreChangeProposal.objects.create(centre=centre, name=f"Name {n}", reason="R", proposed_by=user,
                                            proposed_at=timezone.now(), status="declined",
                                            decision_comment="No", decided_by=user, decided_at=timezone.now())


@pytest.mark.parametrize("url_name", sorted(BUDGETS))
def test_a_portal_list_costs_the_same_queries_for_2_and_15_rows(
        host_client, host_user, centre, url_name, django_assert_max_num_queries):
    _rows(centre, host_user, 2)
    host_client.get(reverse(url_name))
    with django_assert_max_num_queries(BUDGETS[url_name]) as few:
        host_client.get(reverse(url_name))
    _rows(centre, host_user, 13)
    with django_assert_max_num_queries(BUDGETS[url_name]) as many:
        response = host_client.get(reverse(url_name))
    assert response.status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)
