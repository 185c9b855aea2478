from django.urls import path

from . import views

app_name = "centres"

urlpatterns = [
    path("", views.DirectoryView.as_view(), name="index"),
    path("figures/", views.FiguresView.as_view(), name="figures"),
    path("apply/", views.ApplyView.as_view(), name="apply"),
    path("apply/thanks/", views.ApplyThanksView.as_view(), name="apply-thanks"),
    path("apply/status/", views.ApplicationStatusLookupView.as_view(), name="application-status-lookup"),
    path("apply/status/<str:token>/", views.ApplicationStatusView.as_view(), name="application-status"),
    path("<slug:slug>/", views.CentreDetailView.as_view(), name="detail"),
]
