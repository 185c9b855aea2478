"""API of the TDAG progress reports: ``register(router)`` adds its viewsets to /api/v1/.

- ``POST /api/v1/reports/`` (kind, period_start, period_end, language) → 202 id, status, url
- ``GET /api/v1/reports/{id}/`` → id, kind, status, progress, error, pdf_url (when done)
- ``GET /api/v1/reports/{id}/pdf/`` → the PDF as an attachment; 404 until done
Staff only, by token or session.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from alliance.api import StaffModelPermissions

from . import selectors, services
from .filters import ProgressReportFilter
from .forms import PERIOD_ORDER_ERROR
from .models import LANGUAGE_CHOICES, ProgressReport
from .registry import ReportKind
from .views import report_file_response

urlpatterns: list = []


class PdfRenderer(renderers.BaseRenderer):
    """Lets clients ask for ``Accept: application/pdf``; the view returns the file itself."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class ReportRequestSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ReportKind.choices)
    period_start = serializers.DateField()
    period_end = serializers.DateField()
    language = serializers.ChoiceField(choices=LANGUAGE_CHOICES)

    def validate(self, attrs):
        if attrs["period_end"] < attrs["period_start"]:
            raise serializers.ValidationError({"period_end": [PERIOD_ORDER_ERROR]})
        return attrs


class ReportQueuedSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = ("id", "status", "url")

    def get_url(self, report: ProgressReport) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reports-api-detail", kwargs={"pk": report.pk}))


class ReportSerializer(serializers.ModelSerializer):
    pdf_url = serializers.SerializerMethodField()

    class Meta:
        model = ProgressReport
        fields = ("id", "kind", "period_start", "period_end", "language", "status", "progress", "error",
                  "page_count", "size_bytes", "checksum", "requested_at", "finished_at", "pdf_url")

    def get_pdf_url(self, report: ProgressReport) -> str | None:
        if not report.is_done:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("reports-api-pdf", kwargs={"pk": report.pk}))


class ProgressReportViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.ListModelMixin,
                            viewsets.GenericViewSet):
    permission_classes = [StaffModelPermissions]
    serializer_class = ReportSerializer
    filterset_class = ProgressReportFilter

    def get_queryset(self):
        return selectors.reports_list()

    @extend_schema(request=ReportRequestSerializer, responses={202: ReportQueuedSerializer})
    def create(self, request, *args, **kwargs):
        serializer = ReportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = services.report_request(requested_by=request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict) from error
        report.refresh_from_db()
        data = ReportQueuedSerializer(report, context={"request": request}).data
        return Response(data, status=status.HTTP_202_ACCEPTED)

    @extend_schema(responses={(200, "application/pdf"): OpenApiResponse(description="The PDF"),
                              404: OpenApiResponse(description="Not ready")})
    @action(detail=True, methods=["get"], renderer_classes=[PdfRenderer, renderers.JSONRenderer])
    def pdf(self, request, pk=None, format=None):
        return report_file_response(self.get_object())


def register(router: BaseRouter) -> None:
    """Register the reports' viewsets on the shared router."""
    router.register("reports", ProgressReportViewSet, basename="reports-api")
