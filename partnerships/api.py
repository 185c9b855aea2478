"""API of partnerships, mounted at /api/v1/: partners, agreements, figures and published pledges.

Public data is readable by anyone; writes need a BDT staff account (session or
``Authorization: Token KEY``) with the model permission. Writes go through ``services.py``,
so the API refuses what the admin and the forms refuse, with the same messages.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils import translation
from django.utils.decorators import method_decorator
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.routers import BaseRouter
from rest_framework.views import APIView

from alliance.api import StaffWritePublicRead, as_api_error
from alliance.core import freshness
from alliance.core.api_cache import CachedAnonymousListAndDetailMixin
from alliance.core.pagination import VersionedPageNumberPagination
from alliance.core.roles import staff_may
from alliance.core.validators import NoControlCharactersSerializerMixin
from alliance.models import Priority

from . import selectors, services
from .filters import AgreementFilter, PartnerFilter, PledgeAPIFilter
from .models import (
    AgreementRegion,
    Partner,
    PartnershipAgreement,
    Pledge,
)

OTHER_LANGUAGES = [code.replace("-", "_") for code, _name in settings.LANGUAGES
                   if code != settings.MODELTRANSLATION_DEFAULT_LANGUAGE]


class ServiceModelViewSet(viewsets.ModelViewSet):
    """Creates and updates through the app's services, in the default language of content."""

    def perform_create(self, serializer: serializers.ModelSerializer) -> None:
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            try:
                serializer.instance = self.create_object(dict(serializer.validated_data))
            except DjangoValidationError as error:
                raise as_api_error(error) from error

    def perform_update(self, serializer: serializers.ModelSerializer) -> None:
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
            try:
                serializer.instance = self.update_object(serializer.instance, dict(serializer.validated_data))
            except DjangoValidationError as error:
                raise as_api_error(error) from error

    def create_object(self, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def update_object(self, instance: Any, data: dict[str, Any]) -> Any:
        raise NotImplementedError


# --- Partners ------------------------------------------------------------------------------------


class PartnerSerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    country = CountryField(required=False, allow_blank=True)

    class Meta:
        model = Partner
        fields = ["id", "name", *[f"name_{code}" for code in OTHER_LANGUAGES], "acronym", "kind",
                  "membership_category", "country", "website"]
        extra_kwargs = {f"name_{code}": {"required": False} for code in OTHER_LANGUAGES}


class StaffPartnerSerializer(PartnerSerializer):
    class Meta(PartnerSerializer.Meta):
        fields = [*PartnerSerializer.Meta.fields, "contact_name", "contact_email", "contact_phone",
                  "relationship_notes"]


class PartnerViewSet(CachedAnonymousListAndDetailMixin, ServiceModelViewSet):
    queryset = selectors.partner_list()
    # Ordered by a translated name: the count is cached, pages are read by offset.
    pagination_class = VersionedPageNumberPagination
    freshness_topic = "partnerships"
    permission_classes = [StaffWritePublicRead]
    filterset_class = PartnerFilter

    def get_serializer_class(self):
        return (StaffPartnerSerializer if staff_may(self.request.user, "partnerships.view_partner")
                else PartnerSerializer)

    def create_object(self, data: dict[str, Any]) -> Partner:
        return services.partner_create(**data)

    def update_object(self, instance: Partner, data: dict[str, Any]) -> Partner:
        return services.partner_update(partner=instance, **data)

    def perform_destroy(self, instance: Partner) -> None:
        try:
            services.partner_delete(partner=instance)
        except DjangoValidationError as error:
            raise as_api_error(error) from error


# --- Agreements ----------------------------------------------------------------------------------


class AgreementSerializer(NoControlCharactersSerializerMixin, serializers.ModelSerializer):
    partner = serializers.PrimaryKeyRelatedField(queryset=Partner.objects.all())
    priorities = serializers.SlugRelatedField(slug_field="code", many=True, required=False,
                                              queryset=Priority.objects.all())
    reference = serializers.CharField(required=False, max_length=40)
    is_financial = serializers.BooleanField(read_only=True)

    class Meta:
        model = PartnershipAgreement
        fields = ["id", "reference", "title", *[f"title_{code}" for code in OTHER_LANGUAGES], "partner",
                  "signed_on", "status", "partner_contribution_usd", "itu_contribution_usd",
                  "original_currency", "original_amount", "region", "priorities", "vehicle",
                  "linked_projects", "is_financial"]
        extra_kwargs = {f"title_{code}": {"required": False} for code in OTHER_LANGUAGES}


class AgreementViewSet(CachedAnonymousListAndDetailMixin, ServiceModelViewSet):
    serializer_class = AgreementSerializer
    permission_classes = [StaffWritePublicRead]
    filterset_class = AgreementFilter
    queryset = PartnershipAgreement.objects.none()
    pagination_class = VersionedPageNumberPagination
    freshness_topic = "partnerships"
    keyset_ordering = ("-signed_on", "reference")

    def get_queryset(self):
        return selectors.agreement_list(user=self.request.user)

    def create_object(self, data: dict[str, Any]) -> PartnershipAgreement:
        priorities = [p.code for p in data.pop("priorities", [])]
        return services.agreement_create(priorities=priorities, **data)

    def update_object(self, instance: PartnershipAgreement, data: dict[str, Any]) -> PartnershipAgreement:
        priorities = data.pop("priorities", None)
        codes = [p.code for p in priorities] if priorities is not None else None
        return services.agreement_update(agreement=instance, priorities=codes, **data)


# --- Figures -------------------------------------------------------------------------------------


def _amount(value) -> str:
    return f"{value:.2f}"


def stats_payload(stats: dict[str, Any]) -> dict[str, Any]:
    """The figures in the shape of the API contract: amounts as decimal strings."""
    breakdown = ("agreements", "financial_agreements")
    return {
        "year": stats["year"],
        "agreements": stats["agreements"],
        "financial_agreements": stats["financial_agreements"],
        "contributions_usd": _amount(stats["contributions_usd"]),
        "partner_share_percent": stats["partner_share_percent"],
        "itu_share_percent": stats["itu_share_percent"],
        "partners": stats["partners"],
        "partners_by_kind": stats["partners_by_kind"],
        "partners_by_membership_category": stats["partners_by_membership_category"],
        "financial_partners": stats["financial_partners"],
        "financial_partners_usd": _amount(stats["financial_partners_usd"]),
        "top_financial_partners": [
            {"partner": row["partner"], "name": row["name"], "amount_usd": _amount(row["amount_usd"])}
            for row in stats["top_financial_partners"]
        ],
        "by_region": [
            {"region": row["region"], **{k: row[k] for k in breakdown},
             "contributions_usd": _amount(row["contributions_usd"])} for row in stats["by_region"]
        ],
        "by_priority": [
            {"priority": row["priority"], **{k: row[k] for k in breakdown},
             "contributions_usd": _amount(row["contributions_usd"])} for row in stats["by_priority"]
        ],
        "trend": [
            {"year": row["year"], **{k: row[k] for k in breakdown},
             "contributions_usd": _amount(row["contributions_usd"])} for row in stats["trend"]
        ],
    }


class StatsQuerySerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1990, max_value=2100, required=False)


# The serializers below document the response in the OpenAPI schema; ``stats_payload`` builds it.
class _Breakdown(serializers.Serializer):
    agreements = serializers.IntegerField()
    financial_agreements = serializers.IntegerField()
    contributions_usd = serializers.CharField(help_text="Decimal string, USD at the signing date.")


class _RegionRow(_Breakdown):
    region = serializers.ChoiceField(choices=AgreementRegion.choices)


class _PriorityRow(_Breakdown):
    priority = serializers.CharField()


class _TrendRow(_Breakdown):
    year = serializers.IntegerField()


class _TopRow(serializers.Serializer):
    partner = serializers.IntegerField()
    name = serializers.CharField()
    amount_usd = serializers.CharField()


class StatsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    agreements = serializers.IntegerField()
    financial_agreements = serializers.IntegerField()
    contributions_usd = serializers.CharField()
    partner_share_percent = serializers.IntegerField()
    itu_share_percent = serializers.IntegerField()
    partners = serializers.IntegerField()
    partners_by_kind = serializers.DictField(child=serializers.IntegerField())
    partners_by_membership_category = serializers.DictField(child=serializers.IntegerField())
    financial_partners = serializers.IntegerField()
    financial_partners_usd = serializers.CharField()
    top_financial_partners = _TopRow(many=True)
    by_region = _RegionRow(many=True)
    by_priority = _PriorityRow(many=True)
    trend = _TrendRow(many=True)


@method_decorator(freshness.public_etag("partnerships"), name="dispatch")
class PartnershipStatsView(APIView):
    """Figures of partnerships and resource mobilization for ``?year=`` (default: this year).
    Cached per content version; a repeated GET with ``If-None-Match`` answers 304."""

    permission_classes = [permissions.AllowAny]

    @extend_schema(parameters=[StatsQuerySerializer], responses=StatsSerializer)
    def get(self, request: Request) -> Response:
        query = StatsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        year = query.validated_data.get("year") or date.today().year
        return Response(stats_payload(selectors.partnership_stats(year=year)))


# --- Partner2Connect ----------------------------------------------------------------------------


class PledgeSerializer(serializers.ModelSerializer):
    pledger = serializers.CharField(source="pledger.organisation", read_only=True)
    pledger_kind = serializers.CharField(source="pledger.kind", read_only=True)
    action_areas = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    target_countries = serializers.SerializerMethodField()

    class Meta:
        model = Pledge
        fields = ["id", "title", "description", "kind", "pledger", "pledger_kind", "action_areas",
                  "target_countries", "benefits_ldc", "benefits_lldc", "benefits_sids", "benefit_description",
                  "value_usd", "target_year", "made_with"]

    def get_target_countries(self, pledge: Pledge) -> list[str]:
        return [country.code for country in pledge.target_countries]


class PledgeViewSet(CachedAnonymousListAndDetailMixin, viewsets.ReadOnlyModelViewSet):
    """Published pledges only, for everyone, staff included: the review happens in the staff area."""

    serializer_class = PledgeSerializer
    filterset_class = PledgeAPIFilter
    permission_classes = [permissions.AllowAny]
    queryset = Pledge.objects.none()
    pagination_class = VersionedPageNumberPagination
    freshness_topic = "partnerships"
    keyset_ordering = ("-submitted_at", "-pk")

    def get_queryset(self):
        return selectors.published_pledges()


urlpatterns = [
    path("partnerships/stats/", PartnershipStatsView.as_view(), name="partnerships-stats"),
]


def register(router: BaseRouter) -> None:
    """Register this app's viewsets on the shared router."""
    router.register("partners", PartnerViewSet, basename="partner")
    router.register("agreements", AgreementViewSet, basename="agreement")
    router.register("pledges", PledgeViewSet, basename="pledge")
