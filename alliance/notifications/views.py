"""The preferences page, the one-click unsubscribe and the calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from . import services
from .calendar import calendar_for
from .forms import PreferencesForm
from .models import CalendarFeed
from .optional import opt_out, opted_out_topics, read_unsubscribe_token
from .selectors import optional_topics, topic_label


@method_decorator(never_cache, name="dispatch")
class PreferencesView(LoginRequiredMixin, View):
    """What the signed-in person receives: the optional e-mails of their roles, to switch on or off."""

    template_name = "notifications/preferences.html"

    def get(self, request):
        topics = optional_topics(request.user)
        stopped = opted_out_topics(email=request.user.email)
        form = PreferencesForm(
            topics=topics, initial={"receive": [t for t, _label in topics if t not in stopped]}
        )
        return self._page(form)

    def post(self, request):
        if request.POST.get("action") == "renew-calendar":
            services.calendar_feed_renew(user=request.user)
            messages.success(request, _("Your calendar has a new address; the old one no longer works."))
            return redirect("notifications:preferences")
        form = PreferencesForm(request.POST, topics=optional_topics(request.user))
        if not form.is_valid():
            return self._page(form, status=400)
        services.preferences_save(user=request.user, receive=form.cleaned_data["receive"])
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:preferences")

    def _page(self, form, status: int = 200):
        feed = services.calendar_feed_for(user=self.request.user)
        feed_url = self.request.build_absolute_uri(reverse("notifications:calendar", args=[feed.token]))
        return render(self.request, self.template_name, {"form": form, "feed_url": feed_url}, status=status)


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """One click, no sign-in: the signed token names the address and the kind of e-mail. GET asks
    (link scanners of mail servers open links), POST stops it; mail clients POST directly
    (List-Unsubscribe-Post, RFC 8058), without a CSRF token: the signed token is the proof."""

    template_name = "notifications/unsubscribe.html"

    def _read(self, token: str) -> tuple[str, str]:
        try:
            return read_unsubscribe_token(token)
        except signing.BadSignature:
            raise Http404(_("This unsubscribe link is not valid.")) from None

    def get(self, request, token: str):
        email, topic = self._read(token)
        return render(
            request, self.template_name, {"email": email, "label": topic_label(topic), "done": False}
        )

    def post(self, request, token: str):
        email, topic = self._read(token)
        opt_out(email=email, topic=topic)
        return render(
            request, self.template_name, {"email": email, "label": topic_label(topic), "done": True}
        )


@method_decorator(never_cache, name="dispatch")
class CalendarFeedView(View):
    """The iCalendar feed of the person whose secret token is in the address (no session)."""

    def get(self, request, token: str):
        feed = get_object_or_404(
            CalendarFeed.objects.select_related("user"), token=token, user__is_active=True
        )
        response = HttpResponse(calendar_for(user=feed.user), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="innovation-alliance.ics"'
        return response
