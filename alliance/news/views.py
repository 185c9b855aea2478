from django.http import FileResponse, Http404
from django.views import View
from django.views.generic import DetailView, ListView

from . import selectors
from .models import NewsItem


class NewsListView(ListView):
    """Published news and announcements, newest first; ``?kind=announcement`` keeps one kind."""

    template_name = "news/public/list.html"
    context_object_name = "items"
    paginate_by = 10

    def get_queryset(self):
        self.kind = self.request.GET.get("kind", "")
        items = selectors.news_public()
        if self.kind in NewsItem.Kind.values:
            return items.filter(kind=self.kind)
        self.kind = ""
        return items

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=NewsItem.Kind.choices, kind=self.kind,
            query_string=f"kind={self.kind}" if self.kind else "", **kwargs)


class NewsDetailView(DetailView):
    template_name = "news/public/detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        try:
            return selectors.news_item_public_get(slug=self.kwargs["slug"])
        except NewsItem.DoesNotExist as error:
            raise Http404 from error


class NewsPdfView(View):
    """The PDF of a public item, as an attachment; 404 for an item the public may not see."""

    def get(self, request, slug: str):
        item = selectors.news_public().filter(slug=slug).exclude(pdf="").first()
        if item is None:
            raise Http404
        try:
            handle = item.pdf.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        response = FileResponse(handle, as_attachment=True, filename=f"{item.slug}.pdf",
                                content_type="application/pdf")
        response["X-Content-Type-Options"] = "nosniff"
        return response
