"""Staff pages of the TDAG progress reports (/staff/reports/)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportListView.as_view(), name="list"),
    path("request/", views.ReportRequestView.as_view(), name="request"),
    path("<int:pk>/", views.ReportDetailView.as_view(), name="detail"),
    path("<int:pk>/status/", views.ReportStatusView.as_view(), name="status"),
    path("<int:pk>/again/", views.ReportGenerateAgainView.as_view(), name="again"),
    path("<int:pk>/pdf/", views.ReportDownloadView.as_view(), name="download"),
    path("<int:pk>/docx/", views.ReportDocxView.as_view(), name="docx"),
    path("<int:pk>/lists/<slug:name>.<str:fmt>", views.ReportListFileView.as_view(), name="list-file"),
    path("<int:pk>/narrative/", views.ReportNarrativeView.as_view(), name="narrative"),
    path("<int:pk>/preview/", views.ReportPreviewView.as_view(), name="preview"),
    path("<int:pk>/<slug:step>/", views.ReportWorkflowView.as_view(), name="workflow"),
]
