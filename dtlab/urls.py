from django.urls import path

from . import views

app_name = "dtlab"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="index"),
    path("playbooks/", views.PlaybookListView.as_view(), name="playbook-list"),
    path("playbooks/<slug:slug>/", views.PlaybookDetailView.as_view(), name="playbook-detail"),
    path("playbooks/<slug:slug>/<str:version>/<str:language>/download/", views.PlaybookDownloadView.as_view(),
         name="playbook-download"),
    path("services/", views.ServiceListView.as_view(), name="service-list"),
    path("services/<slug:slug>/request/", views.ServiceRequestView.as_view(), name="service-request"),
    path("services/<slug:slug>/request/sent/", views.ServiceRequestSentView.as_view(),
         name="service-request-sent"),
    path("ria/", views.CohortListView.as_view(), name="cohort-list"),
    path("ria/<int:number>/", views.CohortDetailView.as_view(), name="cohort-detail"),
    path("staff/requests/", views.StaffRequestListView.as_view(), name="staff-requests"),
    path("staff/requests/<int:pk>/move/", views.StaffRequestMoveView.as_view(), name="staff-request-move"),
]
