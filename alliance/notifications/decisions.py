"""The e-mails that tell a person what staff decided about what they sent.

Apps call these at their decision points, inside the decision's transaction: the mail is queued
on commit (``alliance.core.mail.queue_mail``), in the language stored with the submission. The
addresses were typed by visitors and nobody confirmed them, so these e-mails quote none of the
visitor's text (names, titles, descriptions): only reference numbers, what staff named (a
service, an action area) and what staff chose to write (issue #15).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model

from alliance.core.mail import queue_mail

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def mail_language(*, email: str, stored: str = "") -> str:
    """The language stored with the submission; else that of the account holding the address;
    else English."""
    if stored in SUPPORTED:
        return stored
    account = (get_user_model().objects.filter(email__iexact=email.strip()).exclude(preferred_language="")
               .order_by("pk").values_list("preferred_language", flat=True).first())
    return account if account in SUPPORTED else "en"


def application_not_selected(*, application, reason_given: str = "") -> None:
    """The applicant learns their application was not selected, with the reason staff chose to give
    (none if they gave none; the internal reason is never sent)."""
    queue_mail(to=[application.contact_email], template="notifications/mail/application_not_selected",
               context={"reference": application.reference, "reason": reason_given.strip()},
               language=mail_language(email=application.contact_email, stored=application.language))


def expert_request_decided(*, request) -> None:
    """The requester learns whether they joined the Expert Network."""
    template = ("notifications/mail/expert_request_approved" if request.status == "approved"
                else "notifications/mail/expert_request_rejected")
    queue_mail(to=[request.email], template=template, context={"reference": request.pk},
               language=mail_language(email=request.email, stored=request.language))


def service_request_moved(*, request) -> None:
    """The requester learns the new status of their service request (accepted, declined…)."""
    queue_mail(to=[request.contact_email], template="notifications/mail/service_request_status",
               context={"reference": request.pk, "service": str(request.service),
                        "status": type(request).Status(request.status).label},
               language=mail_language(email=request.contact_email, stored=request.language))


def _pledge_language(pledge) -> str:
    user = pledge.pledger.user
    return mail_language(email=pledge.pledger.contact_email,
                         stored=user.preferred_language if user is not None else "")


def pledge_published(*, pledge) -> None:
    queue_mail(to=[pledge.pledger.contact_email], template="notifications/mail/pledge_published",
               context={"reference": pledge.pk, "due": pledge.next_report_due},
               language=_pledge_language(pledge))


def pledge_declined(*, pledge) -> None:
    """The pledger learns their pledge was declined, with the reason staff wrote."""
    queue_mail(to=[pledge.pledger.contact_email], template="notifications/mail/pledge_declined",
               context={"reference": pledge.pk, "reason": pledge.decline_reason},
               language=_pledge_language(pledge))


def expression_of_interest_decided(*, email: str, language: str, accepted: bool, reference: int | str,
                                   action_area: str, reason_given: str = "") -> None:
    """Partner2Connect's expressions of interest (``partnerships.services.interest_accept`` and
    ``interest_decline`` call it inside the decision's transaction). ``action_area`` is the area's
    name (staff data); ``reason_given`` what staff chose to tell; nothing the visitor typed."""
    template = ("notifications/mail/interest_accepted" if accepted
                else "notifications/mail/interest_declined")
    queue_mail(to=[email], template=template,
               context={"reference": reference, "action_area": action_area, "reason": reason_given.strip()},
               language=mail_language(email=email, stored=language))
