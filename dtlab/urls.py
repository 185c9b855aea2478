from django.urls import path
from django.views.generic import TemplateView

app_name = "dtlab"

urlpatterns = [
    path("", TemplateView.as_view(template_name="dtlab/public/index.html"), name="index"),
]
