"""The centre hosts' self-service portal (/portal/): a host sees only their own centre."""

from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.DashboardView.as_view(), name="dashboard"),
    path("profile/", views.ProfileView.as_view(), name="profile"),
    path("profile/changes/", views.ChangeProposalView.as_view(), name="changes"),
    path("action-plan/", views.ActionPlanView.as_view(), name="action-plan"),
    path("action-plan/submit/", views.ActionPlanSubmitView.as_view(), name="action-plan-submit"),
    path("action-plan/activities/add/", views.ActivityFormView.as_view(), name="activity-add"),
    path("action-plan/activities/<int:pk>/", views.ActivityFormView.as_view(), name="activity-edit"),
    path("reports/", views.ReportListView.as_view(), name="reports"),
    path("reports/add/", views.ReportCreateView.as_view(), name="report-add"),
    path("reports/<int:pk>/", views.ReportDetailView.as_view(), name="report"),
    path("reports/<int:pk>/submit/", views.ReportSubmitView.as_view(), name="report-submit"),
    path("documents/", views.DocumentsView.as_view(), name="documents"),
    path("documents/<int:pk>/", views.DocumentDetailView.as_view(), name="document"),
    path("documents/<int:pk>/remove/", views.DocumentRemoveView.as_view(), name="document-remove"),
    path("documents/<int:pk>/download/", views.DocumentDownloadView.as_view(), name="document-download"),
    path("documents/<int:pk>/versions/<int:version>/download/", views.DocumentVersionDownloadView.as_view(),
         name="document-version-download"),
    path("events/", views.EventListView.as_view(), name="events"),
    path("events/add/", views.EventFormView.as_view(), name="event-add"),
    path("events/<int:pk>/", views.EventFormView.as_view(), name="event-edit"),
    path("messages/", views.MessagesView.as_view(), name="messages"),
    path("messages/<int:pk>/attachment/", views.MessageAttachmentView.as_view(), name="message-attachment"),
    path("agreement/", views.AgreementView.as_view(), name="agreement"),
    path("agreement/<int:pk>/download/", views.AgreementDownloadView.as_view(), name="agreement-download"),
]
