from django.urls import path
from django.views.generic import TemplateView

app_name = "centres"

urlpatterns = [
    path("", TemplateView.as_view(template_name="centres/public/index.html"), name="index"),
]
