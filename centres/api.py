"""API of centres: ``register(router)`` adds this app's viewsets to /api/v1/.

Centres: public fields for everyone, everything for BDT staff. Applications: staff only. Action
plans and progress reports: staff, and a host for its own centre (others get 404).
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import permissions, serializers, viewsets
from rest_framework.routers import BaseRouter

from alliance.api import StaffModelPermissions
from alliance.core.api_cache import CachedAnonymousListAndDetailMixin
from alliance.core.pagination import VersionedPageNumberPagination
from alliance.core.roles import staff_may

from . import selectors
from .filters import (
    ActionPlanFilterSet,
    ApplicationFilterSet,
    CentreFilterSet,
    ProgressReportFilterSet,
)
from .models import (
    ActionPlan,
    ActionPlanActivity,
    ActivityProgress,
    Application,
    Centre,
    CentreProgressReport,
)
from .permissions import is_centre_host

urlpatterns: list = []


class IsBdtStaffOrHost(StaffModelPermissions):
    """Staff with the view permission of the list's model, or a host (the list is scoped)."""

    def has_permission(self, request, view) -> bool:
        return is_centre_host(request.user) or super().has_permission(request, view)


# Serializers ---------------------------------------------------------------------------------


class CentreSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", read_only=True)
    region = serializers.CharField(source="regional_initiative.region.code", read_only=True)
    regional_initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)
    objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    url = serializers.SerializerMethodField()

    class Meta:
        model = Centre
        fields = ["id", "slug", "name", "host_organisation", "host_type", "country", "city", "region",
                  "regional_initiative", "objectives", "status", "selected_on", "design_finished_on",
                  "operating_since", "description", "website", "contact_email", "url"]
        read_only_fields = fields
        # Read-only fields lose the model's blank=True; the schema must still allow "".
        extra_kwargs = {"website": {"allow_blank": True}}

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, centre: Centre) -> str:
        """The centre's public page, as an absolute URL like the API's other links."""
        request = self.context.get("request")
        url = centre.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class CentreStaffSerializer(CentreSerializer):
    application = serializers.SlugRelatedField(slug_field="reference", read_only=True)

    class Meta(CentreSerializer.Meta):
        fields = [*CentreSerializer.Meta.fields, "application", "contact_phone", "removed_on",
                  "removal_reason", "removal_note", "is_academy_training_centre"]
        read_only_fields = fields
        extra_kwargs = {**CentreSerializer.Meta.extra_kwargs, "removal_reason": {"allow_blank": True}}


class HostApplicationSerializer(serializers.ModelSerializer):
    call = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)
    regional_initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)
    objectives = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)

    class Meta:
        model = Application
        fields = ["id", "reference", "call", "organisation", "host_type", "country", "city", "contact_name",
                  "contact_email", "contact_phone", "website", "objectives", "regional_initiative",
                  "support_plan", "language", "submitted_at", "status", "decision_reason", "decided_at"]
        read_only_fields = fields
        extra_kwargs = {"website": {"allow_blank": True}}


class ActionPlanActivitySerializer(serializers.ModelSerializer):
    objective = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = ActionPlanActivity
        fields = ["id", "objective", "title", "planned_start", "planned_end", "status", "progress",
                  "outputs", "indicators"]
        read_only_fields = fields


class ActionPlanSerializer(serializers.ModelSerializer):
    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    activities = ActionPlanActivitySerializer(many=True, read_only=True)

    class Meta:
        model = ActionPlan
        fields = ["id", "centre", "status", "submitted_at", "approved_at", "review_comment", "activities"]
        read_only_fields = fields


class ActivityProgressSerializer(serializers.ModelSerializer):
    # A plain string here keeps one enum for the activity statuses in the schema (no name collision).
    status = serializers.CharField(read_only=True, help_text="Status of the activity as reported: planned, "
                                                             "in_progress, done or cancelled.")

    class Meta:
        model = ActivityProgress
        fields = ["activity", "status", "progress", "note"]
        read_only_fields = fields


class CentreProgressReportSerializer(serializers.ModelSerializer):
    centre = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    lines = ActivityProgressSerializer(many=True, read_only=True)

    class Meta:
        model = CentreProgressReport
        fields = ["id", "centre", "period_start", "period_end", "summary", "status", "submitted_at",
                  "reviewed_at", "review_comment", "lines"]
        read_only_fields = fields


# Viewsets ------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(description="Centres of the network. Anyone sees the public fields of centres "
                                   "that were not removed; BDT staff see every centre and every field."),
)
class CentreViewSet(CachedAnonymousListAndDetailMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = CentreSerializer
    filterset_class = CentreFilterSet
    permission_classes = [permissions.AllowAny]
    queryset = Centre.objects.none()
    pagination_class = VersionedPageNumberPagination
    freshness_topic = "centres"
    keyset_ordering = ("name", "pk")

    def get_queryset(self):
        qs = selectors.centres_visible_to(self.request.user).order_by("name", "pk")
        if staff_may(self.request.user, "centres.view_centre"):
            return qs.select_related("application")
        return qs.exclude(status=Centre.Status.REMOVED)

    def get_serializer_class(self):
        staff = staff_may(self.request.user, "centres.view_centre")
        return CentreStaffSerializer if staff else CentreSerializer


class ApplicationViewSet(viewsets.ReadOnlyModelViewSet):
    """Applications to host a centre (BDT staff only)."""

    serializer_class = HostApplicationSerializer
    filterset_class = ApplicationFilterSet
    permission_classes = [StaffModelPermissions]
    queryset = (Application.objects.select_related("call", "regional_initiative")
                .prefetch_related("objectives").order_by("-submitted_at", "reference"))


class ActionPlanViewSet(viewsets.ReadOnlyModelViewSet):
    """Action plans: BDT staff see all; a host sees its own centre's plan."""

    serializer_class = ActionPlanSerializer
    filterset_class = ActionPlanFilterSet
    permission_classes = [IsBdtStaffOrHost]
    queryset = ActionPlan.objects.none()

    def get_queryset(self):
        return selectors.action_plans_for(self.request.user)


class ProgressReportViewSet(viewsets.ReadOnlyModelViewSet):
    """Progress reports: BDT staff see all; a host sees its own centre's reports."""

    serializer_class = CentreProgressReportSerializer
    filterset_class = ProgressReportFilterSet
    permission_classes = [IsBdtStaffOrHost]
    queryset = CentreProgressReport.objects.none()

    def get_queryset(self):
        return selectors.progress_reports_for(self.request.user)


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("centres", CentreViewSet, basename="centres-centre")
    router.register("applications", ApplicationViewSet, basename="centres-application")
    router.register("action-plans", ActionPlanViewSet, basename="centres-action-plan")
    router.register("progress-reports", ProgressReportViewSet, basename="centres-progress-report")
