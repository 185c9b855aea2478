"""Request limits and response headers the whole portal shares.

``RequestSizeLimitMiddleware`` refuses request bodies over the limit with 413 before anything
reads them; ``PrivacyHeadersMiddleware`` adds Permissions-Policy and keeps private pages out of caches;
``TrustedProxyMiddleware`` believes forwarded headers from the trusted proxies only.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


def _too_large(request: HttpRequest) -> HttpResponse:
    message = _("The request is too large. Documents may be at most %(size)s MB each.") % {
        "size": settings.MAX_UPLOAD_SIZE // (1024 * 1024)}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message}, status=413)
    return HttpResponse(render_to_string("413.html", {"message": message}, request=request), status=413)


class RequestSizeLimitMiddleware:
    """413 for a body over ``MAX_REQUEST_SIZE`` (multipart uploads) or over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (any other body), judged by Content-Length before it is read.

    Django itself would refuse the second with RequestDataTooBig, answered 400, and would stream a
    multipart body of any size to a temporary file. A form field over the limit inside an upload
    under it, and a RequestDataTooBig that reaches a view, become 413 too.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        multipart = request.content_type == "multipart/form-data"
        limit = settings.MAX_REQUEST_SIZE if multipart else settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if length > limit:
            return _too_large(request)
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, view_args, view_kwargs) -> HttpResponse | None:
        """Read a form body here, before the CSRF check does (which answered a field over the limit
        inside an upload under it with 400); views exempt from CSRF (the API) read their own."""
        if request.method == "POST" and not getattr(view, "csrf_exempt", False):
            try:
                request.POST  # noqa: B018 (parsed and kept on the request)
            except RequestDataTooBig:
                return _too_large(request)
        return None

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RequestDataTooBig):
            return _too_large(request)
        return None


# Browser features no page of the portal uses, switched off for every page and anything it embeds.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "encrypted-media",
    "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
    "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "serial", "usb",
    "xr-spatial-tracking"))
# The pages where staff use a passkey (alliance.account_views) allow it for themselves only.
PASSKEY_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace("publickey-credentials-get=()",
                                                        "publickey-credentials-get=(self)")


class PrivacyHeadersMiddleware:
    """``Permissions-Policy`` on every response; ``Cache-Control: private, no-store`` on every
    response to a signed-in visitor (session or API token) that does not set its own.

    Whatever a signed-in person sees — the host portal, the staff area, the admin, private
    documents and reports — is theirs alone: no shared proxy and no browser history keeps a copy.
    Anonymous visitors' public pages keep their ETags and stay cacheable. Placed after the
    authentication middleware, which gives the request its user.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        signed_in = (user is not None and user.is_authenticated) or "HTTP_AUTHORIZATION" in request.META
        if signed_in and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequestIdMiddleware:
    """Give each request an id (the proxy's or client's X-Request-ID, else a new one), put it on
    every log line and on the Celery tasks the request queues, and answer it in X-Request-ID."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        from .observability import REQUEST_ID_HEADER, request_id, request_id_from

        request.request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
        # Cleared when the request finishes (alliance.core.observability), after Django logs the answer.
        request_id.set(request.request_id)
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: ``REMOTE_ADDR``, or behind one of ``settings.TRUSTED_PROXIES`` the
    last address in ``X-Forwarded-For`` that is not a trusted proxy.

    Only a trusted proxy's header is believed, and only the part trusted proxies appended: a
    visitor who sends ``X-Forwarded-For: 1.2.3.4`` themselves gets their own address, not 1.2.3.4.
    Used by the login lockout (``AXES_CLIENT_IP_CALLABLE``) and the rate limits.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not _is_trusted_proxy(address):
            try:
                return str(ipaddress.ip_address(address))
            except ValueError:
                return remote  # a malformed hop: the proxy's own address, never the visitor's text
    return remote


FORWARDED_MARK = "alliance.forwarded"


class TrustedProxyMiddleware:
    """Forget ``X-Forwarded-For`` and ``X-Forwarded-Proto`` unless the peer is a trusted proxy.

    Django's ``SECURE_PROXY_SSL_HEADER`` believes the header from whoever sends it; with this
    middleware first, only the proxies of ``DJANGO_TRUSTED_PROXIES`` can say a request came over
    HTTPS. The client's address is kept on ``request.client_ip`` (see ``client_ip``).
    """

    FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST",
                         "HTTP_X_FORWARDED_PORT", "HTTP_FORWARDED")

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Whether anything forwarded this request (believed or not): /metrics answers only a
        # scraper that asks directly (alliance.core.metrics.scraper_allowed).
        request.META[FORWARDED_MARK] = any(header in request.META for header in self.FORWARDED_HEADERS)
        if not _is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in self.FORWARDED_HEADERS:
                request.META.pop(header, None)
        request.client_ip = client_ip(request)
        return self.get_response(request)
