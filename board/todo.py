"""What of the Board waits for BDT staff (see ``alliance.todo``)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.todo import TodoList, register_todo, todo_list

from .models import ExpertRequest


@register_todo
def board_todo(now: datetime) -> list[TodoList]:
    pending = ExpertRequest.Status.PENDING
    return [todo_list(
        ExpertRequest.objects.filter(status=pending).only("pk", "full_name", "organisation", "submitted_at"),
        key="expert-requests", title=_("Requests to join the Expert Network"),
        url=f"{reverse('admin:board_expertrequest_changelist')}?status__exact={pending}",
        since="submitted_at", now=now,
        label=lambda request: f"{request.full_name} – {request.organisation}",
        item_url=lambda request: reverse("admin:board_expertrequest_change", args=[request.pk]))]
