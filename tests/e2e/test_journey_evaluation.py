"""Journey: two evaluators score an application blind, then the lead evaluator ranks it.

The lead evaluator assigns two evaluators in the staff area. The first scores and submits; the
second, still scoring, does not see the first one's scores, then submits and sees them. Only then
does the lead's ranking show the weighted total and the spread between evaluators. Keyboard only.
"""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from alliance.core.roles import BDT_STAFF_GROUP, EVALUATORS_GROUP, LEAD_EVALUATORS_GROUP
from centres.models import Application, Criterion, EvaluatorAssignment
from tests.factories import ApplicationFactory

from .conftest import give_authenticator, screenshot
from .keyboard import log_in, press_enter_and_wait, tab_and_choose, tab_and_type, tab_to


def _staff(django_user_model, username: str, full_name: str, *groups: str):
    first, last = full_name.split(" ", 1)
    user = django_user_model.objects.create_user(username=username, password=f"{username} pass 2024",
                                                 email=f"{username}@itu.example", is_staff=True,
                                                 first_name=first, last_name=last)
    user.groups.add(*Group.objects.filter(name__in=(BDT_STAFF_GROUP, *groups)))
    give_authenticator(user)
    return user


def _score(page, criteria, scores, comments, *, submit: bool) -> None:
    for criterion, score, comment in zip(criteria, scores, comments, strict=True):
        tab_and_type(page, f"#id_criterion-{criterion.pk}-score", str(score))
        tab_and_type(page, f"#id_criterion-{criterion.pk}-comment", comment)
    tab_to(page, f"main button[value={'submit' if submit else 'save'}]")
    press_enter_and_wait(page)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_evaluators_score_blind_then_the_lead_ranks(live_server, browser, django_user_model):
    criteria = [Criterion.objects.create(name="Alignment", weight=Decimal("60"), max_score=5, order=1),
                Criterion.objects.create(name="Support", weight=Decimal("40"), max_score=10, order=2)]
    application = ApplicationFactory(status=Application.Status.EVALUATION,
                                     organisation="Lakeside Digital Innovation Hub")
    _staff(django_user_model, "lead", "Leila Lead", LEAD_EVALUATORS_GROUP)
    _staff(django_user_model, "amina", "Amina Evaluator", EVALUATORS_GROUP)
    _staff(django_user_model, "boris", "Boris Evaluator", EVALUATORS_GROUP)
    base = live_server.url
    sheet_url = f"{base}/en/staff/evaluation/{application.pk}/"

    # The lead assigns both evaluators.
    lead = browser.new_context().new_page()
    log_in(lead, base, "lead", "lead pass 2024")
    lead.goto(f"{base}/en/staff/evaluation/ranking/{application.pk}/")
    for name in ("Amina Evaluator", "Boris Evaluator"):
        tab_and_choose(lead, "#id_evaluator", name)
        tab_to(lead, "main form[action$='/assign/'] button")
        press_enter_and_wait(lead)
        assert "The evaluator is assigned." in lead.inner_text("main")
    assert EvaluatorAssignment.objects.filter(application=application).count() == 2
    screenshot(lead, "evaluation-assigned")

    # Amina scores and submits: nobody else has submitted yet.
    amina = browser.new_context().new_page()
    log_in(amina, base, "amina", "amina pass 2024")
    amina.goto(f"{base}/en/staff/evaluation/")
    tab_to(amina, f"main a[href$='/staff/evaluation/{application.pk}/']")
    press_enter_and_wait(amina)
    _score(amina, criteria, (5, 8), ("Fits open technology innovation.", "Minister's letter."), submit=True)
    assert "Your scores are submitted." in amina.inner_text("main")
    assert "No other evaluator has submitted yet." in amina.inner_text("main")

    # Boris drafts his scores blind: Amina's are nowhere on his page.
    boris = browser.new_context().new_page()
    log_in(boris, base, "boris", "boris pass 2024")
    boris.goto(sheet_url)
    _score(boris, criteria, (3, 6), ("Narrow mandate.", "Budget for one year."), submit=False)
    assert "Your draft scores are saved." in boris.inner_text("main")
    assert "Fits open technology innovation." not in boris.content()
    screenshot(boris, "evaluation-blind-draft")

    # The lead sees no total while Boris has not submitted.
    lead.goto(f"{base}/en/staff/evaluation/ranking/")
    assert "evaluation not complete" in lead.inner_text("main")

    # Boris submits (his draft is kept) and now sees Amina's scores.
    tab_to(boris, "main button[value=submit]")
    press_enter_and_wait(boris)
    assert "Your scores are submitted." in boris.inner_text("main")
    assert "Fits open technology innovation." in boris.inner_text("main")

    # The lead's ranking: (4/5 × 60 + 7/10 × 40) = 76 of 100, rank 1; a spread of 2 on each criterion.
    lead.goto(f"{base}/en/staff/evaluation/ranking/")
    row = lead.locator("main tbody tr", has_text=application.reference)
    assert row.locator("td").first.inner_text() == "1"
    assert "76.00" in row.inner_text()
    tab_to(lead, f"main a[href$='/ranking/{application.pk}/']")
    press_enter_and_wait(lead)
    table = lead.locator("main table").nth(1)
    assert table.locator("thead th").all_inner_texts()[1:3] == ["Amina Evaluator", "Boris Evaluator"]
    assert table.locator("tbody td:last-child").all_inner_texts() == ["2", "2"]
    assert "76.00" in lead.inner_text("main")
    screenshot(lead, "evaluation-lead-scores")
