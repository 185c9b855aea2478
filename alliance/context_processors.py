from django.conf import settings
from django.http import HttpRequest


def portal(request: HttpRequest) -> dict:
    return {"ALLIANCE_CONTACT_EMAIL": settings.ALLIANCE_CONTACT_EMAIL}
