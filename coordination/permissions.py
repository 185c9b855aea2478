"""Who may do what in inter-sectoral coordination.

- Everyone reads the public pages (topics, focal points and vacancies, bodies and meetings,
  the resolutions map).
- A focal point (a portal account linked to one or more ``FocalPoint`` rows) sees only their
  own topics and submits the annual reports for them; anything else answers 404.
- BDT staff with the model permissions follow who has reported and change everything.
"""

from __future__ import annotations

from django.urls import reverse

from alliance.core.roles import staff_may


def is_focal_point(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.focal_points.exists())


def can_follow_annual_reports(user) -> bool:
    """The staff page of who has and has not reported."""
    return staff_may(user, "coordination.view_annualreport")


def focal_point_home(user) -> str | None:
    """After login, a focal point lands on their topics."""
    if is_focal_point(user):
        return reverse("coordination:portal-home")
    return None
