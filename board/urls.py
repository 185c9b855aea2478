from django.urls import path

from . import views

app_name = "board"

urlpatterns = [
    path("", views.BoardIndexView.as_view(), name="index"),
    path("members/", views.MemberListView.as_view(), name="member-list"),
    path("members/<slug:slug>/", views.MemberDetailView.as_view(), name="member-detail"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<int:number>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("meetings/documents/<int:pk>/download/", views.meeting_document_download,
         name="meeting-document-download"),
    path("recommendations/", views.RecommendationListView.as_view(), name="recommendation-list"),
    path("workplan/", views.WorkplanView.as_view(), name="workplan"),
    path("documents/<slug:slug>/download/", views.board_document_download, name="document-download"),
    path("working-groups/<slug:slug>/terms-of-reference/", views.working_group_terms_of_reference,
         name="working-group-tor"),
    path("foresight/", views.ForesightListView.as_view(), name="foresight-list"),
    path("foresight/<slug:slug>/", views.ForesightDetailView.as_view(), name="foresight-detail"),
    path("foresight/<slug:slug>/<str:language>/download/", views.foresight_file_download,
         name="foresight-download"),
    path("experts/", views.ExpertListView.as_view(), name="expert-list"),
    path("experts/join/", views.ExpertRequestView.as_view(), name="expert-request"),
    path("experts/join/thanks/", views.ExpertRequestThanksView.as_view(), name="expert-request-thanks"),
]
