"""What of the DT Lab waits for BDT staff (see ``alliance.todo``)."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from alliance.todo import TodoList, register_todo, todo_list

from .models import ServiceRequest

OPEN = (ServiceRequest.Status.SUBMITTED, ServiceRequest.Status.ACCEPTED, ServiceRequest.Status.IN_PROGRESS)


@register_todo
def dtlab_todo(now: datetime) -> list[TodoList]:
    requests = ServiceRequest.objects.select_related("service")
    staff_page = reverse("dtlab:staff-requests")
    return [
        todo_list(requests.filter(status=ServiceRequest.Status.SUBMITTED), key="service-requests-new",
                  title=_("New service requests to answer"), url=f"{staff_page}?status=submitted",
                  since="submitted_at", now=now,
                  label=lambda request: f"{request.service} – {request.organisation}",
                  item_url=lambda request: f"{staff_page}?status=submitted"),
        todo_list(requests.filter(status__in=OPEN[1:]), key="service-requests-open",
                  title=_("Service requests under way"), url=staff_page,
                  since="submitted_at", now=now,
                  label=lambda request: f"{request.service} – {request.organisation}",
                  item_url=lambda request: f"{staff_page}?status={request.status}"),
    ]
