"""The blind evaluation of applications, in the staff area (/staff/evaluation/)."""

from django.urls import path

from . import staff_views as views

app_name = "evaluation"

urlpatterns = [
    path("", views.MyEvaluationsView.as_view(), name="mine"),
    path("<int:pk>/", views.ScoreSheetView.as_view(), name="sheet"),
    path("<int:pk>/conflict/", views.ConflictView.as_view(), name="conflict"),
    path("ranking/", views.RankingView.as_view(), name="ranking"),
    path("ranking/<int:pk>/", views.LeadApplicationView.as_view(), name="application"),
    path("ranking/<int:pk>/assign/", views.AssignView.as_view(), name="assign"),
    path("assignments/<int:pk>/remove/", views.UnassignView.as_view(), name="unassign"),
]
