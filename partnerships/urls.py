from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    # "Partnerships in figures" is the landing page of the app.
    path("", views.FiguresView.as_view(), name="index"),
    path("impact-stories/", views.ImpactStoryListView.as_view(), name="stories"),
    path("impact-stories/<int:pk>/", views.ImpactStoryDetailView.as_view(), name="story"),
    path("partner2connect/", views.PledgeListView.as_view(), name="pledges"),
    path("partner2connect/pledges/<int:pk>/", views.PledgeDetailView.as_view(), name="pledge"),
    path("partner2connect/action-areas/", views.ActionAreasView.as_view(), name="action-areas"),
    path("partner2connect/compilation.csv", views.CompilationDataView.as_view(fmt="csv"),
         name="compilation-csv"),
    path("partner2connect/compilation.xlsx", views.CompilationDataView.as_view(fmt="xlsx"),
         name="compilation-xlsx"),
    path("partner2connect/compilation/", views.CompilationRequestView.as_view(), name="compilation-request"),
    path("partner2connect/compilation/<str:key>/", views.CompilationView.as_view(), name="compilation"),
    path("partner2connect/compilation/<str:key>/download/", views.CompilationDownloadView.as_view(),
         name="compilation-download"),
    path("partner2connect/join/", views.InterestSubmitView.as_view(), name="interest-submit"),
    path("partner2connect/join/thanks/", views.InterestThanksView.as_view(), name="interest-thanks"),
    path("partner2connect/events/", views.EventListView.as_view(), name="events"),
    path("partner2connect/events/<slug:slug>/", views.EventDetailView.as_view(), name="event"),
    path("partner2connect/pledge/", views.PledgeSubmitView.as_view(), name="pledge-submit"),
    path("partner2connect/pledge/thanks/", views.PledgeThanksView.as_view(), name="pledge-thanks"),
    path("partner2connect/my-pledges/", views.MyPledgesView.as_view(), name="my-pledges"),
    path("partner2connect/my-pledges/<int:pk>/edit/", views.PledgeEditView.as_view(), name="pledge-edit"),
    path("partner2connect/my-pledges/<int:pk>/progress/", views.ProgressReportView.as_view(),
         name="progress-report"),
    path("staff/", views.DashboardView.as_view(), name="dashboard"),
    path("staff/pledges/<int:pk>/review/", views.PledgeReviewView.as_view(), name="pledge-review"),
    path("staff/agreements/<int:pk>/document/", views.AgreementDocumentView.as_view(),
         name="agreement-document"),
]
