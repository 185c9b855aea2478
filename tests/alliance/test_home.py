"""The home page's key figures come from the data, through one selector with a fixed query count."""

import datetime
from decimal import Decimal

from django.urls import reverse

from alliance import selectors
from board.models import Meeting
from centres.models import Centre
from dtlab.models import Playbook
from partnerships.models import AgreementStatus, PledgeStatus
from tests.factories import (
    BoardMemberFactory,
    CentreFactory,
    MeetingFactory,
    NewsItemFactory,
    PartnershipAgreementFactory,
    PlaybookFactory,
    PledgeFactory,
)

TODAY = datetime.date(2025, 6, 30)


def _world() -> None:
    CentreFactory(status=Centre.Status.OPERATING, country="KE")
    CentreFactory(status=Centre.Status.OPERATING, country="KE")
    CentreFactory(status=Centre.Status.DESIGN, country="BR")
    CentreFactory(status=Centre.Status.REMOVED, country="FR")
    BoardMemberFactory()
    BoardMemberFactory(term_end=datetime.date(2026, 1, 1))
    BoardMemberFactory(term_end=datetime.date(2025, 1, 1))
    PlaybookFactory(status=Playbook.Status.PUBLISHED, published_on=datetime.date(2024, 10, 28))
    PlaybookFactory()
    PartnershipAgreementFactory(signed_on=datetime.date(2024, 3, 1),
                                partner_contribution_usd=Decimal("1000000"),
                                itu_contribution_usd=Decimal("250000.50"))
    PartnershipAgreementFactory(signed_on=datetime.date(2024, 9, 1))
    PartnershipAgreementFactory(signed_on=datetime.date(2023, 9, 1), partner_contribution_usd=Decimal("7"))
    PartnershipAgreementFactory(signed_on=datetime.date(2024, 9, 2), status=AgreementStatus.DRAFT,
                                partner_contribution_usd=Decimal("99"))
    PledgeFactory(status=PledgeStatus.PUBLISHED)
    PledgeFactory(status=PledgeStatus.SUBMITTED)


def test_home_figures_count_what_the_data_holds(db, django_assert_num_queries):
    _world()
    with django_assert_num_queries(6):
        figures = selectors.home_figures(today=TODAY)
    # 2 operating; countries of centres shown (KE, BR), not of the removed one (FR).
    assert (figures.centres_operating, figures.countries) == (2, 2)
    # Board members whose term has not ended; published playbooks only.
    assert (figures.board_members, figures.playbooks) == (2, 1)
    # No agreement signed in 2025 yet: the latest year with one (2024), its two signed agreements.
    assert (figures.agreements_year, figures.agreements) == (2024, 2)
    assert figures.mobilized_usd == Decimal("1250000.50")
    assert figures.pledges == 1


def test_home_figures_take_this_years_agreements_once_there_are_some(db):
    _world()
    PartnershipAgreementFactory(signed_on=datetime.date(2025, 2, 1), itu_contribution_usd=Decimal("10"))
    PartnershipAgreementFactory(signed_on=datetime.date(2026, 2, 1), itu_contribution_usd=Decimal("10"))
    figures = selectors.home_figures(today=TODAY)
    assert (figures.agreements_year, figures.agreements, figures.mobilized_usd) == (2025, 1, Decimal("10"))


def test_home_figures_of_an_empty_portal_are_zero(db):
    figures = selectors.home_figures(today=TODAY)
    assert (figures.centres_operating, figures.agreements_year) == (0, None)
    assert figures.mobilized_usd == Decimal("0")


def test_the_next_board_meetings_are_those_not_over_soonest_first(db):
    MeetingFactory(start_date=datetime.date(2025, 6, 29), end_date=datetime.date(2025, 6, 30))
    MeetingFactory(start_date=datetime.date(2025, 3, 1), end_date=datetime.date(2025, 3, 2))
    MeetingFactory(start_date=datetime.date(2025, 11, 1), end_date=datetime.date(2025, 11, 1))
    meetings = list(selectors.next_board_meetings(today=TODAY))
    assert [m.start_date for m in meetings] == [datetime.date(2025, 6, 29), datetime.date(2025, 11, 1)]
    assert Meeting.objects.count() == 3


def test_the_home_page_shows_the_figures_and_the_calls_to_action(client, db):
    _world()
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["figures"].centres_operating == 2
    for name in ("centres:apply", "partnerships:pledge-submit", "board:expert-request"):
        url = reverse(name)
        assert f'href="{url}"' in html


def test_the_home_page_reuses_its_figures_until_the_data_changes(client, db, django_assert_num_queries):
    _world()
    client.get(reverse("home"))
    with django_assert_num_queries(0):  # the whole page, from the cache
        client.get(reverse("home"))
    CentreFactory(status=Centre.Status.OPERATING, country="BR")
    assert client.get(reverse("home")).context["figures"].centres_operating == 3


def test_news_published_shows_on_the_home_page_at_once_and_changes_its_etag(client, db):
    first = client.get(reverse("home"))
    assert "No news or announcement has been published yet." in first.content.decode()
    NewsItemFactory(title="Call for hosts of new centres")
    again = client.get(reverse("home"), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert "Call for hosts of new centres" in again.content.decode()
