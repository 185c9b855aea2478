"""API of dtlab: playbooks, RIA cohorts and project concepts, read-only and filterable."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.routers import BaseRouter

from . import selectors
from .filters import PlaybookAPIFilter, ProjectConceptAPIFilter, RIACohortAPIFilter
from .models import Playbook, PlaybookDocument, PlaybookVersion, ProjectConcept, RIACohort

urlpatterns: list = []


class PlaybookDocumentSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = PlaybookDocument
        fields = ["language", "download_count", "download_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, document: PlaybookDocument) -> str:
        version = document.version  # cached by the prefetch, as is its playbook
        url = reverse("dtlab:playbook-download",
                      args=[version.playbook.slug, version.number, document.language])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class PlaybookVersionSerializer(serializers.ModelSerializer):
    documents = PlaybookDocumentSerializer(many=True, read_only=True)

    class Meta:
        model = PlaybookVersion
        fields = ["number", "released_on", "changes", "documents"]


class PlaybookSerializer(serializers.ModelSerializer):
    strategic_objective = serializers.IntegerField(source="strategic_objective.number", allow_null=True,
                                                   read_only=True)
    funder = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    versions = PlaybookVersionSerializer(many=True, read_only=True)
    downloads = serializers.IntegerField(read_only=True)

    class Meta:
        model = Playbook
        fields = ["id", "slug", "title", "summary", "strategic_objective", "topic", "status", "published_on",
                  "funder", "partners", "downloads", "versions"]


class ProjectConceptSerializer(serializers.ModelSerializer):
    cohort = serializers.IntegerField(source="cohort.number", read_only=True)
    lead_country = serializers.CharField(source="lead_country.code", read_only=True)
    regional_initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ProjectConcept
        fields = ["id", "cohort", "number", "title", "summary", "lead_country", "budget_usd", "status",
                  "regional_initiative"]


class RIACohortSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)
    regional_initiative = serializers.SlugRelatedField(slug_field="code", read_only=True)
    funder = serializers.SlugRelatedField(slug_field="code", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)
    participating_countries = serializers.SerializerMethodField()
    concept_count = serializers.IntegerField(read_only=True)
    total_budget_usd = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    funded_budget_usd = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)

    class Meta:
        model = RIACohort
        fields = ["id", "number", "name", "region", "regional_initiative", "funder", "start_date", "end_date",
                  "city", "country", "participating_countries", "participating_organisations", "summary",
                  "concept_count", "total_budget_usd", "funded_budget_usd"]

    def get_participating_countries(self, cohort: RIACohort) -> list[str]:
        return [country.code for country in cohort.participating_countries]


class PlaybookViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PlaybookSerializer
    filterset_class = PlaybookAPIFilter
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.playbook_list()


class RIACohortViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RIACohortSerializer
    filterset_class = RIACohortAPIFilter
    lookup_field = "number"

    def get_queryset(self):
        return selectors.cohort_list()


class ProjectConceptViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ProjectConceptSerializer
    filterset_class = ProjectConceptAPIFilter

    def get_queryset(self):
        return selectors.concept_list()


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("playbooks", PlaybookViewSet, basename="playbook")
    router.register("ria-cohorts", RIACohortViewSet, basename="ria-cohort")
    router.register("project-concepts", ProjectConceptViewSet, basename="project-concept")
