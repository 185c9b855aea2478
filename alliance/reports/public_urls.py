"""Public pages of the published TDAG documents (/<lang>/documents/)."""

from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.PublishedDocumentListView.as_view(), name="list"),
    path("<int:pk>/pdf/", views.PublishedDocumentPdfView.as_view(), name="pdf"),
    path("<int:pk>/lists/<slug:name>.<str:fmt>", views.PublishedListFileView.as_view(), name="list-file"),
]
