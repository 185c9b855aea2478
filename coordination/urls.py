from django.urls import path

from . import views

app_name = "coordination"

urlpatterns = [
    path("", views.TopicListView.as_view(), name="topics"),
    path("bodies/", views.BodyListView.as_view(), name="bodies"),
    path("bodies/<str:acronym>/", views.BodyDetailView.as_view(), name="body-detail"),
    path("resolutions/", views.ResolutionMapView.as_view(), name="resolutions"),
    path("portal/", views.PortalHomeView.as_view(), name="portal-home"),
    path("portal/<int:pk>/reports/<int:year>/", views.AnnualReportView.as_view(), name="annual-report"),
    path("staff/reporting/", views.ReportingStatusView.as_view(), name="staff-reporting"),
]
