"""API of the TDAG progress reports: ``register(router)`` adds its viewsets to /api/v1/.

- ``POST /api/v1/reports/`` (kind, period_start, period_end, language) → 202 id, status, url
- ``GET /api/v1/reports/{id}/`` → id, kind, status, progress, error, pdf_url (when done)
- ``GET /api/v1/reports/{id}/pdf/`` → the PDF as an attachment; 404 until done
- ``GET /api/v1/reports/kinds/`` → [{kind, label, narrative_sections}]
- ``PATCH /api/v1/reports/{id}/`` {"narrative": {code: text}} → 200 (draft, in review); 400; 409 frozen
- ``POST /api/v1/reports/{id}/generate/`` → 202; ``submit/``, ``approve/`` (symbol), ``publish/``,
  ``return/`` → 200 with the report; 409 out of order; 403 the author approving
- ``GET /api/v1/reports/{id}/docx/`` → the Word file; 404 until written
Staff only, by token or session; the published PDF is public at ``public_pdf_url``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import exceptions, mixins, renderers, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from alliance.api import StaffModelPermissions, as_api_error

from . import selectors, services
from .filters import ProgressReportFilter
from .forms import PERIOD_ORDER_ERROR
from .models import LANGUAGE_CHOICES, ReportStep, TDAGReport
from .registry import ReportKind, narrative_sections_for
from .views import public_pdf_path, report_docx_response, report_file_response

urlpatterns: list = []


class PdfRenderer(renderers.BaseRenderer):
    """Lets clients ask for ``Accept: application/pdf``; the view returns the file itself."""

    media_type = "application/pdf"
    format = "pdf"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class DocxRenderer(PdfRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    format = "docx"


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
        model = TDAGReport
        fields = ("id", "status", "url")

    def get_url(self, report: TDAGReport) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("reports-api-detail", kwargs={"pk": report.pk}))


class ReportStepSerializer(serializers.ModelSerializer):
    by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    # The workflow's states, as in ``workflow``; plain strings keep the schema to one enum of them.
    from_state = serializers.CharField(read_only=True)
    to_state = serializers.CharField(read_only=True)

    class Meta:
        model = ReportStep
        fields = ("action", "from_state", "to_state", "by", "at", "comment")


class ReportListFileSerializer(serializers.Serializer):
    name = serializers.CharField()
    format = serializers.CharField()
    rows = serializers.IntegerField()
    url = serializers.URLField()


class ReportSerializer(serializers.ModelSerializer):
    pdf_url = serializers.SerializerMethodField()
    narrative = serializers.DictField(child=serializers.CharField(allow_blank=True), read_only=True)
    public_pdf_url = serializers.SerializerMethodField()
    docx_url = serializers.SerializerMethodField()
    lists = serializers.SerializerMethodField()
    steps = ReportStepSerializer(many=True, read_only=True)

    class Meta:
        model = TDAGReport
        fields = ("id", "kind", "period_start", "period_end", "language", "status", "progress", "error",
                  "page_count", "size_bytes", "checksum", "requested_at", "finished_at", "pdf_url",
                  "narrative", "workflow", "symbol", "published_at", "public_pdf_url", "docx_url", "lists",
                  "steps")

    def get_pdf_url(self, report: TDAGReport) -> str | None:
        if not report.is_done:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("reports-api-pdf", kwargs={"pk": report.pk}))

    def get_public_pdf_url(self, report: TDAGReport) -> str | None:
        if not report.is_published:
            return None
        return self.context["request"].build_absolute_uri(public_pdf_path(report))

    def get_docx_url(self, report: TDAGReport) -> str | None:
        if not report.docx:
            return None
        return self.context["request"].build_absolute_uri(
            reverse("reports-api-docx", kwargs={"pk": report.pk}))


    @extend_schema_field(ReportListFileSerializer(many=True))
    def get_lists(self, report: TDAGReport) -> list[dict]:
        """The full lists written with the report: their public URL once it is published, else the
        staff's download."""
        url_name = "documents:list-file" if report.is_published else "reports:list-file"
        request = self.context["request"]
        with translation.override(report.language):
            return [{"name": item.name, "format": item.format, "rows": item.rows,
                     "url": request.build_absolute_uri(reverse(url_name, kwargs={
                         "pk": report.pk, "name": item.name, "fmt": item.format}))}
                    for item in report.list_files.all()]


class NarrativeSerializer(serializers.Serializer):
    narrative = serializers.JSONField()
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class StepSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, max_length=2000, default="")


class ApproveSerializer(StepSerializer):
    symbol = serializers.CharField(required=False, allow_blank=True, max_length=40, default="")


class KindSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    narrative_sections = serializers.ListField(child=serializers.CharField())


class WorkflowConflictError(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


REFUSALS = {
    400: OpenApiResponse(description="Invalid: the errors by field"),
    403: OpenApiResponse(description="Not allowed (the author approving, no approval permission)"),
    404: OpenApiResponse(description="No such report"),
    409: OpenApiResponse(description="Not in this state (approving a draft, editing an approved report)"),
}


class ProgressReportViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.ListModelMixin,
                            viewsets.GenericViewSet):
    permission_classes = [StaffModelPermissions]
    serializer_class = ReportSerializer
    filterset_class = ProgressReportFilter

    def get_queryset(self):
        return selectors.reports_list().prefetch_related("steps__by", "list_files")

    def _report_response(self, report: TDAGReport, code: int = status.HTTP_200_OK) -> Response:
        report = self.get_queryset().get(pk=report.pk)
        return Response(ReportSerializer(report, context=self.get_serializer_context()).data, status=code)

    def _step(self, request, service, serializer_class=StepSerializer, **extra) -> Response:
        serializer = serializer_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = service(report=self.get_object(), by=request.user, **serializer.validated_data, **extra)
        except services.WorkflowConflict as conflict:
            raise WorkflowConflictError(str(conflict)) from conflict
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return self._report_response(report)

    @extend_schema(responses={200: KindSerializer(many=True)})
    @action(detail=False, methods=["get"], pagination_class=None, filterset_class=None)
    def kinds(self, request, format=None):
        data = [{"kind": kind, "label": str(label),
                 "narrative_sections": [section.code for section in narrative_sections_for(kind)]}
                for kind, label in ReportKind.choices]
        return Response(KindSerializer(data, many=True).data)

    @extend_schema(request=NarrativeSerializer, responses={200: ReportSerializer, **REFUSALS})
    def partial_update(self, request, *args, **kwargs):
        return self._step(request, services.report_narrative_update, serializer_class=NarrativeSerializer)

    @extend_schema(request=None, responses={202: ReportSerializer, 404: REFUSALS[404]})
    @action(detail=True, methods=["post"])
    def generate(self, request, pk=None, format=None):
        report = services.report_generate_again(report=self.get_object(), by=request.user)
        return self._report_response(report, status.HTTP_202_ACCEPTED)

    @extend_schema(request=StepSerializer, responses={200: ReportSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None, format=None):
        return self._step(request, services.report_submit)

    @extend_schema(request=ApproveSerializer, responses={200: ReportSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        return self._step(request, services.report_approve, serializer_class=ApproveSerializer)

    @extend_schema(request=StepSerializer, responses={200: ReportSerializer, **REFUSALS})
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None, format=None):
        return self._step(request, services.report_publish)

    @extend_schema(request=StepSerializer, responses={200: ReportSerializer, **REFUSALS})
    @action(detail=True, methods=["post"], url_path="return", url_name="return")
    def return_to_draft(self, request, pk=None, format=None):
        return self._step(request, services.report_return)

    @extend_schema(responses={(200, DocxRenderer.media_type): OpenApiResponse(description="The Word file"),
                              404: OpenApiResponse(description="Not written yet")})
    @action(detail=True, methods=["get"], renderer_classes=[DocxRenderer, renderers.JSONRenderer])
    def docx(self, request, pk=None, format=None):
        return report_docx_response(self.get_object())

    @extend_schema(request=ReportRequestSerializer, responses={202: ReportQueuedSerializer})
    def create(self, request, *args, **kwargs):
        serializer = ReportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            report = services.report_request(by=request.user, **serializer.validated_data)
        except DjangoValidationError as error:
            raise as_api_error(error) from error
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
