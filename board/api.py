"""API of the Board at /api/v1/: members, meetings and recommendations (read-only for everyone;
staff record a recommendation's implementation through ``POST recommendations/{id}/status/``)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Count, Prefetch
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import BaseRouter

from alliance.api import as_api_error
from alliance.core.roles import staff_may
from alliance.core.validators import NoControlCharactersSerializerMixin

from . import selectors, services
from .filters import BoardMemberFilter, MeetingFilter, RecommendationFilter
from .models import BoardMember, Meeting, MeetingDocument, Recommendation

urlpatterns: list = []


class BoardMemberSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)

    class Meta:
        model = BoardMember
        fields = [
            "id",
            "slug",
            "full_name",
            "title",
            "organisation",
            "country",
            "photo",
            "role",
            "is_founding_member",
            "elected_by_members",
            "personal_capacity",
            "term_start",
            "term_end",
            "biography",
        ]


class MeetingDocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = MeetingDocument
        fields = ["id", "kind", "title", "language", "download_url"]

    def get_download_url(self, document: MeetingDocument) -> str:
        url = reverse("board:meeting-document-download", kwargs={"pk": document.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class MeetingSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    documents = MeetingDocumentSerializer(many=True, read_only=True)
    recommendation_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "number",
            "start_date",
            "end_date",
            "city",
            "country",
            "format",
            "held_with",
            "agenda",
            "report_summary",
            "documents",
            "recommendation_count",
        ]


class RecommendationSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting.number", read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "meeting",
            "number",
            "kind",
            "text",
            "owner",
            "due_date",
            "status",
            "progress_note",
            "status_updated_at",
        ]


class RecommendationStatusSerializer(NoControlCharactersSerializerMixin, serializers.Serializer):
    status = serializers.ChoiceField(choices=Recommendation.Status.choices)
    progress_note = serializers.CharField(required=False, allow_blank=True,
                                          style={"base_template": "textarea.html"})
    due_date = serializers.DateField(required=False)


class BoardMemberViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = BoardMemberSerializer
    filterset_class = BoardMemberFilter
    queryset = selectors.members_list()


class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    lookup_field = "number"
    queryset = (
        Meeting.objects.annotate(recommendation_count=Count("recommendations"))
        .prefetch_related(
            Prefetch("documents", queryset=MeetingDocument.objects.order_by("kind", "title", "pk"))
        )
        .order_by("number")
    )


class IsStaffWithChangePermission(permissions.BasePermission):
    def has_permission(self, request, view) -> bool:
        return staff_may(request.user, "board.change_recommendation")


class RecommendationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RecommendationSerializer
    filterset_class = RecommendationFilter
    queryset = selectors.recommendations_list()

    @extend_schema(request=RecommendationStatusSerializer, responses=RecommendationSerializer)
    @action(
        detail=True, methods=["post"], url_path="status", permission_classes=[IsStaffWithChangePermission]
    )
    def set_status(self, request, pk=None, format=None):
        """Record the implementation status of a recommendation (BDT staff)."""
        recommendation = self.get_object()
        payload = RecommendationStatusSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            services.recommendation_update_status(recommendation=recommendation, **payload.validated_data)
        except DjangoValidationError as error:
            raise as_api_error(error) from error
        return Response(RecommendationSerializer(recommendation, context={"request": request}).data)


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("board-members", BoardMemberViewSet, basename="board-member")
    router.register("meetings", MeetingViewSet, basename="meeting")
    router.register("recommendations", RecommendationViewSet, basename="recommendation")
