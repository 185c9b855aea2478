import pytest
from django.core import mail
from django.urls import reverse

from board.models import ExpertiseArea, ExpertRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    return ExpertiseArea.objects.create(slug="foresight", name="Strategic foresight")


def form_data(area, **overrides):
    return {
        "full_name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation": "Analytical Engines",
        "country": "GB",
        "areas": [area.pk],
        "motivation": "Twenty years of foresight work.",
        **overrides,
    }


def test_a_visitor_asks_to_join_and_the_request_waits_for_staff(
    client, area, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("board:expert-request"), form_data(area))
    assert response.status_code == 302 and response["Location"] == reverse("board:expert-request-thanks")
    request = ExpertRequest.objects.get()
    assert request.status == ExpertRequest.Status.PENDING and list(request.areas.all()) == [area]
    assert request.language == "en"
    assert len(mail.outbox) == 1
    assert "Ada Lovelace" not in client.get(reverse("board:expert-list")).content.decode()


def test_the_request_remembers_the_language_of_the_page(client, area):
    client.post("/fr/board/experts/join/", form_data(area))
    assert ExpertRequest.objects.get().language == "fr"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "not-an-email"),
        ("full_name", ""),
        ("full_name", "A"),
        ("organisation", "Bad\x00organisation"),
        ("country", "XX"),
        ("areas", []),
        ("motivation", "x" * 3001),
        ("motivation", "bell\x07"),
    ],
)
def test_bad_input_is_refused_with_the_error_next_to_the_field(client, area, field, value):
    response = client.post(reverse("board:expert-request"), form_data(area, **{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'class="field field-invalid"' in response.content.decode()
    assert ExpertRequest.objects.count() == 0


def test_an_unknown_area_is_refused(client, area):
    response = client.post(reverse("board:expert-request"), form_data(area, areas=[area.pk + 99]))
    assert "areas" in response.context["form"].errors


def test_a_second_pending_request_from_the_same_address_is_refused_on_the_form(client, area):
    client.post(reverse("board:expert-request"), form_data(area))
    response = client.post(reverse("board:expert-request"), form_data(area, email="ADA@example.org"))
    assert response.status_code == 200
    assert "already being reviewed" in response.content.decode()
    assert ExpertRequest.objects.count() == 1


def test_every_field_of_the_form_has_a_label(client, area):
    html = client.get(reverse("board:expert-request")).content.decode()
    for name in ("full_name", "email", "organisation", "country", "motivation"):
        assert f'<label for="id_{name}"' in html
