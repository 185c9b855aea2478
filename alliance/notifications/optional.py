"""Non-essential e-mails (reminders, the staff digest): each recipient may stop a kind of them with
one click, without signing in. Essential ones (decisions, acknowledgements, invitations) always go.

A kind is a ``topic``: ``reminder:<kind>`` or ``digest:<to-do list key>``. The unsubscribe link
carries the address and the topic, signed with the secret key (no timestamp: it never expires,
an old e-mail's link must still work); the List-Unsubscribe header (RFC 2369) and its one-click
POST (RFC 8058) point to the same address.
"""

from __future__ import annotations

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from alliance.core.links import absolute_url
from alliance.core.mail import queue_mail

from .models import OptOut

SALT = "alliance.notifications.unsubscribe"
DIGEST_ALL = "digest"


def reminder_topic(kind: str) -> str:
    return f"reminder:{kind}"


def digest_topic(key: str) -> str:
    return f"digest:{key}"


def unsubscribe_token(*, email: str, topic: str) -> str:
    return signing.Signer(salt=SALT).sign_object({"e": email.strip().lower(), "t": topic}, compress=True)


def read_unsubscribe_token(token: str) -> tuple[str, str]:
    """The (address, topic) a token was made for; ``signing.BadSignature`` if it was not made here."""
    data = signing.Signer(salt=SALT).unsign_object(token)
    return data["e"], data["t"]


def absolute(path: str) -> str:
    """A link for an e-mail (``alliance.core.links.absolute_url``)."""
    return absolute_url(path)


def unsubscribe_url(*, email: str, topic: str, language: str) -> str:
    with translation.override(language):
        return absolute(
            reverse("notifications:unsubscribe", args=[unsubscribe_token(email=email, topic=topic)])
        )


def opted_out(*, email: str, topic: str) -> bool:
    return OptOut.objects.filter(email=email.strip().lower(), topic=topic).exists()


def opted_out_topics(*, email: str) -> set[str]:
    return set(OptOut.objects.filter(email=email.strip().lower()).values_list("topic", flat=True))


def opt_out(*, email: str, topic: str) -> OptOut:
    """Stop ``topic`` for ``email`` (again is harmless)."""
    email = email.strip().lower()
    try:
        with transaction.atomic():
            return OptOut.objects.get_or_create(email=email, topic=topic)[0]
    except IntegrityError:
        return OptOut.objects.get(email=email, topic=topic)


def opt_in(*, email: str, topic: str) -> None:
    OptOut.objects.filter(email=email.strip().lower(), topic=topic).delete()


def queue_optional_mail(*, to: str, topic: str, template: str, context: dict, language: str) -> bool:
    """Queue a non-essential e-mail with its unsubscribe link and headers; False (nothing queued)
    when the address stopped this topic."""
    if opted_out(email=to, topic=topic):
        return False
    url = unsubscribe_url(email=to, topic=topic, language=language)
    queue_mail(
        to=[to],
        template=template,
        language=language,
        context={**context, "unsubscribe_url": url, "preferences_url": absolute(_preferences_path(language))},
        headers={"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    return True


def _preferences_path(language: str) -> str:
    with translation.override(language):
        return reverse("notifications:preferences")
