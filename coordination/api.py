"""API of inter-sectoral coordination at /api/v1/coordination/: topics, focal points, bodies and
meetings (anyone reads; BDT staff with the model permission create, with a session or
``Authorization: Token KEY``), and the figures of a year at ``coordination/stats/?year=``.

Writes go through ``services.py``: the API refuses what the admin refuses, with the same
messages, as a 400 naming the field (a focal point neither named nor vacant, for example).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils import translation
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter
from rest_framework.views import APIView

from alliance.api import StaffWritePublicRead, as_api_error
from alliance.core.roles import is_bdt_staff
from alliance.core.validators import NoControlCharactersSerializerMixin

from . import selectors, services
from .filters import BodyFilter, FocalPointFilter, MeetingFilter, TopicFilter
from .models import Body, FocalPoint, Meeting, Sector, Topic

PREFIX = "coordination"


class CreateThroughServiceViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """List, read and create; creation calls the app's service in the default content language."""

    permission_classes = [StaffWritePublicRead]

    def perform_create(self, serializer: serializers.Serializer) -> None:
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            try:
                serializer.instance = self.create_object(dict(serializer.validated_data))
            except DjangoValidationError as error:
                raise as_api_error(error) from error

    def create_object(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError


# --- Topics --------------------------------------------------------------------------------------


class TopicSerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=Topic.Status.choices, default=Topic.Status.PROPOSED)

    class Meta:
        model = Topic
        fields = ["id", "slug", "name", "description", "status", "added_on", "accepted_on", "order"]
        read_only_fields = ["slug", "added_on", "accepted_on"]
        extra_kwargs = {"description": {"style": {"base_template": "textarea.html"}}}


class TopicViewSet(CreateThroughServiceViewSet):
    serializer_class = TopicSerializer
    filterset_class = TopicFilter
    queryset = Topic.objects.order_by("order", "name", "pk")

    def create_object(self, data: dict[str, Any]) -> Topic:
        return services.topic_create(**data)


# --- Focal points --------------------------------------------------------------------------------


class FocalPointSerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    topic = serializers.PrimaryKeyRelatedField(queryset=Topic.objects.all())
    sector = serializers.ChoiceField(choices=Sector.choices)

    class Meta:
        model = FocalPoint
        fields = ["id", "topic", "sector", "vacant", "name", "title", "unit", "vacancy_note", "since"]
        extra_kwargs = {"vacancy_note": {"style": {"base_template": "textarea.html"}}}
        # The service says which of name and vacant is missing; the (topic, sector) pair is checked there too.
        validators: list = []


class StaffFocalPointSerializer(FocalPointSerializer):
    class Meta(FocalPointSerializer.Meta):
        fields = [*FocalPointSerializer.Meta.fields, "email"]


class FocalPointViewSet(CreateThroughServiceViewSet):
    filterset_class = FocalPointFilter
    queryset = FocalPoint.objects.select_related("topic").order_by(
        "topic__order", "topic__name", "sector", "pk"
    )

    def get_serializer_class(self):
        if is_bdt_staff(self.request.user):
            return StaffFocalPointSerializer
        return FocalPointSerializer

    def create_object(self, data: dict[str, Any]) -> FocalPoint:
        return services.focal_point_create(**data)


# --- Bodies and meetings -------------------------------------------------------------------------


class CoordinationBodySerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=Body.Kind.choices)

    class Meta:
        model = Body
        fields = ["id", "acronym", "name", "kind", "chair", "reports_to", "established_by", "composition",
                  "mandate", "web_page"]
        extra_kwargs = {"composition": {"style": {"base_template": "textarea.html"}},
                        "mandate": {"style": {"base_template": "textarea.html"}}}
        validators: list = []


class BodyViewSet(CreateThroughServiceViewSet):
    serializer_class = CoordinationBodySerializer
    filterset_class = BodyFilter
    queryset = Body.objects.order_by("-kind", "acronym")

    def create_object(self, data: dict[str, Any]) -> Body:
        return services.body_create(**data)


class CoordinationMeetingSerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    body = serializers.PrimaryKeyRelatedField(queryset=Body.objects.all())
    body_acronym = serializers.CharField(source="body.acronym", read_only=True)
    format = serializers.ChoiceField(choices=Meeting.Format.choices, default=Meeting.Format.VIRTUAL)

    class Meta:
        model = Meeting
        fields = ["id", "body", "body_acronym", "held_on", "title", "format", "place", "agenda",
                  "report_summary"]
        extra_kwargs = {"agenda": {"style": {"base_template": "textarea.html"}},
                        "report_summary": {"style": {"base_template": "textarea.html"}}}
        validators: list = []


class MeetingViewSet(CreateThroughServiceViewSet):
    serializer_class = CoordinationMeetingSerializer
    filterset_class = MeetingFilter
    queryset = Meeting.objects.select_related("body").order_by("-held_on", "body__acronym", "pk")

    def create_object(self, data: dict[str, Any]) -> Meeting:
        return services.meeting_create(**data)


# --- Figures of a year ---------------------------------------------------------------------------


class CoordinationStatsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2100)


class _CoordinationVacancy(serializers.Serializer):
    topic = serializers.CharField()
    sector = serializers.ChoiceField(choices=Sector.choices)


class _CoordinationBodyMeetings(serializers.Serializer):
    body = serializers.CharField()
    meetings = serializers.IntegerField()


class CoordinationStatsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    topics = serializers.IntegerField()
    active_topics = serializers.IntegerField()
    focal_points = serializers.IntegerField()
    vacancies = _CoordinationVacancy(many=True)
    meetings_by_body = _CoordinationBodyMeetings(many=True)
    annual_reports_received = serializers.IntegerField()
    annual_reports_expected = serializers.IntegerField()


class CoordinationStatsView(APIView):
    """Figures of inter-sectoral coordination for ``?year=`` (default: this year); meetings of
    that year only."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[CoordinationStatsQuerySerializer], responses=CoordinationStatsSerializer)
    def get(self, request: Request) -> Response:
        query = CoordinationStatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or date.today().year
        return Response(CoordinationStatsSerializer(selectors.coordination_stats(year=year)).data)


urlpatterns = [
    path(f"{PREFIX}/stats/", CoordinationStatsView.as_view(), name="coordination-stats"),
]


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register(f"{PREFIX}/topics", TopicViewSet, basename="coordination-topic")
    router.register(f"{PREFIX}/focal-points", FocalPointViewSet, basename="coordination-focal-point")
    router.register(f"{PREFIX}/bodies", BodyViewSet, basename="coordination-body")
    router.register(f"{PREFIX}/meetings", MeetingViewSet, basename="coordination-meeting")
