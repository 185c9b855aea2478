from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("preferences/", views.PreferencesView.as_view(), name="preferences"),
    path("calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe"),
]
