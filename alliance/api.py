"""Read-only API of the Alliance's reference data."""

from rest_framework import serializers, viewsets
from rest_framework.routers import BaseRouter

from .models import Priority, Region, RegionalInitiative, StrategicObjective


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "code", "name"]


class RegionalInitiativeSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = RegionalInitiative
        fields = ["id", "code", "name", "region"]


class StrategicObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = StrategicObjective
        fields = ["id", "number", "name", "description"]


class PrioritySerializer(serializers.ModelSerializer):
    class Meta:
        model = Priority
        fields = ["id", "code", "name"]


class RegionViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Region.objects.all()
    serializer_class = RegionSerializer
    pagination_class = None


class RegionalInitiativeViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = RegionalInitiative.objects.select_related("region")
    serializer_class = RegionalInitiativeSerializer
    filterset_fields = ["region__code"]
    pagination_class = None


class StrategicObjectiveViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = StrategicObjective.objects.all()
    serializer_class = StrategicObjectiveSerializer
    pagination_class = None


class PriorityViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Priority.objects.all()
    serializer_class = PrioritySerializer
    pagination_class = None


def register(router: BaseRouter) -> None:
    router.register("regions", RegionViewSet)
    router.register("regional-initiatives", RegionalInitiativeViewSet)
    router.register("strategic-objectives", StrategicObjectiveViewSet)
    router.register("priorities", PriorityViewSet)
