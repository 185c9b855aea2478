"""The site search page: a GET form that works without JavaScript, results grouped by kind."""

from __future__ import annotations

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import search
from .core.validators import NoControlCharactersFormMixin

RESULTS_PER_PAGE = 20


class SearchForm(NoControlCharactersFormMixin, forms.Form):
    q = forms.CharField(label=_("Search the site"), max_length=search.MAX_QUERY_LENGTH, required=False,
                        widget=forms.TextInput(attrs={"type": "search"}))
    kind = forms.ChoiceField(label=_("Only"), required=False,
                             choices=[("", _("All kinds"))] + [(k.key, k.label) for k in search.KINDS])


class SearchView(TemplateView):
    """``?q=`` shows the first results of every kind; ``?q=&kind=`` all results of one, paginated."""

    template_name = "alliance/public/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET or None)
        context = {"form": form, "search_query": "", "groups": [], "kind": None, "page_obj": None}
        if form.is_bound and form.is_valid() and form.cleaned_data["q"].strip():
            text = form.cleaned_data["q"].strip()
            context["search_query"] = text
            if form.cleaned_data["kind"]:
                kind = search.kind_named(form.cleaned_data["kind"])
                page = Paginator(search.search_kind(kind, text), RESULTS_PER_PAGE).get_page(
                    self.request.GET.get("page"))
                context.update(kind=kind, page_obj=page, results=[kind.to_result(obj) for obj in page],
                               query_string=self._query_string())
            else:
                context["groups"] = search.site_search(text)
        return super().get_context_data(**context, **kwargs)

    def _query_string(self) -> str:
        query = self.request.GET.copy()
        query.pop("page", None)
        return query.urlencode()
