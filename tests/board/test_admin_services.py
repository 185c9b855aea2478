"""The Board's admin writes status changes through the services: each rule below is the service's."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from board.models import Recommendation, WorkplanActivity
from tests.admin_forms import admin_form_data
from tests.factories import BoardActivityFactory, RecommendationFactory, WorkstreamFactory

pytestmark = pytest.mark.django_db


def test_a_completed_activity_below_100_percent_is_a_form_error_in_the_admin(staff_client):
    activity = BoardActivityFactory()
    url = reverse("admin:board_workplanactivity_change", args=[activity.pk])
    response = staff_client.post(url, admin_form_data(staff_client.get(url), status="completed", progress=40))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "progress": ["A completed activity must be at 100 percent progress."]}
    activity.refresh_from_db()
    assert (activity.status, activity.progress) == (WorkplanActivity.Status.PLANNED, 0)


def test_a_planned_activity_with_progress_is_a_form_error_in_the_workstreams_inline(staff_client):
    activity = BoardActivityFactory()
    url = reverse("admin:board_workstream_change", args=[activity.workstream.pk])
    data = admin_form_data(staff_client.get(url), **{"activities-0-progress": 30})
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "A planned activity has not progressed yet." in response.content.decode()
    activity.refresh_from_db()
    assert activity.progress == 0


def test_an_activity_added_in_the_admin_keeps_status_and_progress_together(staff_client):
    workstream = WorkstreamFactory()
    url = reverse("admin:board_workplanactivity_add")
    data = admin_form_data(staff_client.get(url), workstream=workstream.pk, title_en="Survey",
                           status="in_progress", progress=50, order=1)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert WorkplanActivity.objects.get().progress == 50


def test_the_recommendation_status_is_not_edited_in_its_form(staff_client):
    recommendation = RecommendationFactory()
    url = reverse("admin:board_recommendation_change", args=[recommendation.pk])
    response = staff_client.post(url, {**admin_form_data(staff_client.get(url)), "status": "implemented"})
    assert response.status_code == 302
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.NOT_STARTED


def test_marking_implemented_in_the_admin_asks_for_the_progress_note(staff_client):
    recommendation = RecommendationFactory()
    changelist = reverse("admin:board_recommendation_changelist")
    action = {"action": "mark_implemented", "_selected_action": [recommendation.pk]}
    assert staff_client.post(changelist, action).status_code == 200  # the note's page
    response = staff_client.post(changelist, {**action, "apply": "1", "progress_note": ""})
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"{recommendation}: Say how the recommendation was implemented before marking it implemented."]
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.NOT_STARTED

    response = staff_client.post(changelist, {**action, "apply": "1", "progress_note": "Published in 2025."})
    recommendation.refresh_from_db()
    assert (recommendation.status, recommendation.progress_note) == ("implemented", "Published in 2025.")
    assert recommendation.status_updated_at is not None


# --- The lists' country filter (one declared filter, also after the API schema built its form) -----


def test_the_members_country_filter_starts_with_all_countries_and_filters(client):
    from board.filters import BoardMemberFilter
    from tests.factories import BoardMemberFactory

    assert BoardMemberFilter.base_filters["country"].field  # as the API schema builds it first
    BoardMemberFactory(full_name="Kenyan member", country="KE")
    BoardMemberFactory(full_name="French member", country="FR")
    response = client.get(reverse("board:member-list"), {"country": "KE"})
    page = response.content.decode()
    assert "Kenyan member" in page and "French member" not in page
    choices = list(response.context["filter"].form.fields["country"].choices)
    assert str(choices[0][1]) == "All countries" and ("KE", "Kenya") in choices
