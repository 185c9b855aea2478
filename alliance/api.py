"""Read-only API of the Alliance's reference data, and the permission classes and error helper
every app's API uses."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import permissions, serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.routers import BaseRouter

from .core.roles import is_bdt_staff
from .models import Priority, Region, RegionalInitiative, StrategicObjective


class StaffModelPermissions(permissions.DjangoModelPermissions):
    """Staff status and the model permission for every method, reads included (view_<model>):
    staff status alone opens no staff endpoint."""

    perms_map = {
        **permissions.DjangoModelPermissions.perms_map,
        "GET": ["%(app_label)s.view_%(model_name)s"],
        "HEAD": ["%(app_label)s.view_%(model_name)s"],
        "OPTIONS": ["%(app_label)s.view_%(model_name)s"],
    }

    def has_permission(self, request, view) -> bool:
        return is_bdt_staff(request.user) and super().has_permission(request, view)


class StaffWritePublicRead(permissions.DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads; only BDT staff with the model permission write."""

    def has_permission(self, request, view) -> bool:
        if request.method in permissions.SAFE_METHODS:
            return True
        return is_bdt_staff(request.user) and super().has_permission(request, view)


def as_api_error(error: DjangoValidationError) -> ValidationError:
    """A service's ValidationError as DRF's: 400 with the field errors (or non_field_errors)."""
    if hasattr(error, "error_dict"):
        return ValidationError({field: [str(m) for m in messages]
                                for field, messages in error.message_dict.items()})
    return ValidationError({"non_field_errors": [str(m) for m in error.messages]})


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
