"""What of Partner2Connect waits for BDT staff (see ``alliance.todo``)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.todo import TodoList, register_todo, todo_list

from .models import ExpressionOfInterest, InterestStatus, Pledge, PledgeStatus


@register_todo
def partnerships_todo(now: datetime) -> list[TodoList]:
    return [todo_list(
        Pledge.objects.filter(status=PledgeStatus.SUBMITTED).select_related("pledger"),
        key="pledges", title=_("Pledges to review (due diligence)"),
        url=f"{reverse('admin:partnerships_pledge_changelist')}?status__exact={PledgeStatus.SUBMITTED}",
        since="submitted_at", now=now,
        label=lambda pledge: f"{pledge.title} – {pledge.pledger.organisation}",
        item_url=lambda pledge: reverse("partnerships:pledge-review", args=[pledge.pk])),
        todo_list(
            ExpressionOfInterest.objects.filter(status=InterestStatus.SUBMITTED).select_related("action_area"),
            key="interests", title=_("Expressions of interest to decide (P2C action areas)"),
            url=(f"{reverse('admin:partnerships_expressionofinterest_changelist')}"
                 f"?status__exact={InterestStatus.SUBMITTED}"),
            since="submitted_at", now=now,
            label=lambda interest: f"{interest.organisation} – {interest.action_area}",
            item_url=lambda interest: reverse("admin:partnerships_expressionofinterest_change",
                                              args=[interest.pk])),
    ]
