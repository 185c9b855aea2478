"""Query budgets (issue 9): each public page and API list runs at most a fixed number of queries,
with 10 rows and with 1,000 rows of each kind.

Every request is measured cold: the content versions are bumped first, so no cached figure,
count or fragment helps; a second, warm request must not need more.
"""

from __future__ import annotations

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alliance.core import freshness
from tests.perf import rows

SIZES = [10, 1000]

#: name -> the most queries a cold request may run.
PAGE_BUDGETS = {
    "home": 9,  # the figures (6), objectives, next meetings, latest news
    "centres directory": 7,  # with the map: centres by country (one grouped query, cached)
    "centres directory, filtered": 8,
    "centre page": 4,  # the centre, its objectives, its trainings, its events
    "centres in figures": 8,
    "apply to host": 3,
    "partnerships in figures": 10,
    "impact stories": 3,
    "impact story": 1,
    # The explorer's totals by group of countries (2 queries) and by progress (1): cold only.
    "pledge explorer": 10,
    "pledge explorer, filtered": 10,
    "pledge explorer, last page": 11,
    "pledge": 4,             # its benefits, progress reports and their indicators
    "action areas": 3,       # the priorities each serves
    "make a pledge": 2,
    "p2c events": 2,
    "p2c event": 4,
    "join an action area": 2,
    "pledge compilation": 1,
    "board": 8,
    "board members": 2,
    "board member": 2,
    "board meetings": 3,
    "board meeting": 6,
    "recommendations": 4,
    "dt lab": 6,
    "playbooks": 6,
    "playbook": 4,
    "news": 2,
    "news item": 4,
    "site search": 8,
    "site search, one kind": 2,
}

API_BUDGETS = {
    "agreements": 3,
    "agreements, last page": 4,
    "agreements, filtered": 3,
    "partners": 2,
    "pledges": 3,
    "pledges, last page": 4,
    "centres": 3,
    "centres, last page": 4,
    "partnership figures": 8,
    "board members": 2,
    "meetings": 3,
    "recommendations": 2,
    "playbooks": 3,
    "regions": 2,
}

# Staff requests also load the second-factor device of the session and, for the permission
# checks, the user's and their groups' permissions (3 queries).
STAFF_API_BUDGETS = {
    "agreements (staff)": 8,
    "applications (staff)": 8,
    "partners (staff)": 7,
}


@pytest.fixture(params=SIZES, ids=[f"{size}-rows" for size in SIZES])
def data(request, db) -> dict:
    size = request.param
    agreements = rows.agreements(size)
    pledges = rows.pledges(size)
    events = rows.events(size, pledges)
    centres = rows.centres(size)
    stories = rows.stories(size, agreements[0].partner)
    rows.board(size)
    rows.playbooks(size)
    rows.news(size)
    return {"size": size, "centre": centres[-1], "story": stories[-1], "event": events[0],
            "pledge": next(p for p in pledges if p.status == "published")}


def _last(count: int, per_page: int) -> int:
    return max(1, math.ceil(count / per_page))


def _pages(data: dict) -> dict[str, str]:
    size = data["size"]
    published = sum(1 for n in range(size) if n % 5)
    return {
        "home": reverse("home"),
        "centres directory": reverse("centres:index"),
        "centres directory, filtered": reverse("centres:index") + "?status=operating&objective=1&q=Bulk",
        "centre page": data["centre"].get_absolute_url(),
        "centres in figures": reverse("centres:figures"),
        "apply to host": reverse("centres:apply"),
        "partnerships in figures": reverse("partnerships:index"),
        "impact stories": reverse("partnerships:stories"),
        "impact story": reverse("partnerships:story", args=[data["story"].pk]),
        "pledge explorer": reverse("partnerships:pledges"),
        "pledge explorer, filtered": reverse("partnerships:pledges") + "?kind=programmatic&country=KE",
        "pledge explorer, last page": reverse("partnerships:pledges") + f"?page={_last(published, 20)}",
        "pledge": reverse("partnerships:pledge", args=[data["pledge"].pk]),
        "action areas": reverse("partnerships:action-areas"),
        "make a pledge": reverse("partnerships:pledge-submit"),
        "p2c events": reverse("partnerships:events"),
        "p2c event": data["event"].get_absolute_url(),
        "join an action area": reverse("partnerships:interest-submit"),
        "pledge compilation": reverse("partnerships:compilation-request") + "?kind=programmatic",
        "board": reverse("board:index"),
        "board members": reverse("board:member-list"),
        "board member": reverse("board:member-detail", args=["perf-member-0"]),
        "board meetings": reverse("board:meeting-list"),
        "board meeting": reverse("board:meeting-detail", args=[1]),
        "recommendations": reverse("board:recommendation-list"),
        "dt lab": reverse("dtlab:index"),
        "playbooks": reverse("dtlab:playbook-list"),
        "playbook": reverse("dtlab:playbook-detail", args=["perf-playbook-0"]),
        "news": reverse("news:list"),
        "news item": reverse("news:detail", args=["perf-news-1"]),
        "site search": reverse("search") + "?q=Bulk",
        "site search, one kind": reverse("search") + "?q=Bulk&kind=news&page=2",
    }


def _apis(data: dict) -> dict[str, str]:
    size = data["size"]
    published = sum(1 for n in range(size) if n % 5)
    return {
        "agreements": "/api/v1/agreements/",
        "agreements, last page": f"/api/v1/agreements/?page={_last(size, 50)}",
        "agreements, filtered": "/api/v1/agreements/?year=2024&region=africa&kind=government",
        "partners": "/api/v1/partners/",
        "pledges": "/api/v1/pledges/",
        "pledges, last page": f"/api/v1/pledges/?page={_last(published, 50)}",
        "centres": "/api/v1/centres/",
        "centres, last page": f"/api/v1/centres/?page={_last(size, 50)}",
        "partnership figures": "/api/v1/partnerships/stats/?year=2024",
        "board members": "/api/v1/board-members/",
        "meetings": "/api/v1/meetings/",
        "recommendations": "/api/v1/recommendations/",
        "playbooks": "/api/v1/playbooks/",
        "regions": "/api/v1/regions/",
    }


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def _assert_within(client, budgets: dict[str, int], urls: dict[str, str]) -> None:
    over = {}
    for name, budget in budgets.items():
        freshness.bump(*freshness.TOPICS)
        cold = _queries(client, urls[name])
        warm = _queries(client, urls[name])
        if cold > budget or warm > cold:
            over[name] = {"budget": budget, "cold": cold, "warm": warm}
    assert not over, over


def test_public_pages_stay_within_their_query_budget(client, data):
    _assert_within(client, PAGE_BUDGETS, _pages(data))


def test_api_lists_stay_within_their_query_budget(client, data):
    _assert_within(client, API_BUDGETS, _apis(data))


def test_staff_api_lists_stay_within_their_query_budget(staff_client, data):
    urls = {"agreements (staff)": "/api/v1/agreements/", "applications (staff)": "/api/v1/applications/",
            "partners (staff)": "/api/v1/partners/"}
    _assert_within(staff_client, STAFF_API_BUDGETS, urls)


def test_cached_pages_run_fewer_queries_when_warm(client, data):
    """The figures, the explorer and the directory come from the cache: no query at all, but for
    validating a filter's choice against its table (the objective in the filtered directory)."""
    pages = _pages(data)
    for name, most in (("partnerships in figures", 0), ("pledge explorer", 0), ("centres directory", 0),
                       ("pledge explorer, last page", 0), ("centres directory, filtered", 1)):
        freshness.bump(*freshness.TOPICS)
        _queries(client, pages[name])
        assert _queries(client, pages[name]) <= most, name
