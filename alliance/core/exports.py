"""The admin's exports: readable by people, safe to open (see ``alliance.core.export_formats``).

A spreadsheet staff read: labels instead of codes ("Capacity building", not capacity_building),
names instead of ids (the partner's name, not 15), ISO dates, one header row of the fields' names,
one sheet named after the model, all in the language of the request (the admin's URL names it;
LocaleMiddleware has activated it). Every exporting admin uses ``ExportMixin`` or
``ImportExportModelAdmin`` from here: they offer the readable export first and, where the admin
imports, the resource's own export (codes and ids, the columns an import reads) second.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Manager
from django.db.models.fields.files import FieldFile
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django_countries.fields import Country
from import_export import admin as import_admin

from alliance.core.export_formats import (  # noqa: F401 (one place to import from)
    EXPORT_FORMATS,
    SafeCSV,
    SafeXLSX,
    Table,
    neutralise_cell,
    neutralise_dataset,
    write_table,
)


def _model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def readable_value(value):
    """One cell as a person reads it, in the active language."""
    if value is None:
        return ""
    if isinstance(value, Manager):
        return ", ".join(str(item) for item in value.all())
    if isinstance(value, Country):
        return str(value.name)
    if isinstance(value, FieldFile):
        return value.name or ""
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0, tzinfo=None).isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float | Decimal | str):
        return value
    if isinstance(value, models.Model | Promise):
        return str(value)
    if isinstance(value, Iterable):  # a list, or several countries
        return ", ".join(str(readable_value(item)) for item in value)
    return value


class ReadableExportResource:
    """Mixed into a ``ModelResource`` by ``readable_resource``: same columns, readable cells and
    headers. A column named after a model field shows that field: a relation exported as its code
    or id (``region__code``) shows the related object's name."""

    def _model_field_for(self, field):
        model = self._meta.model
        name = self.get_field_name(field)
        return _model_field(model, name) or (
            _model_field(model, field.attribute) if field.attribute and "__" not in field.attribute else None)

    def _column(self, field) -> tuple[bool, models.Field | None]:
        """Whether the resource computes the column itself (a ``dehydrate_`` method), and else the
        model field it shows itself (a relation or a field with choices); worked out once per
        column, not once per cell."""
        columns = self.__dict__.setdefault("_columns", {})
        name = self.get_field_name(field)
        if name not in columns:
            dehydrate = field.get_dehydrate_method(name)
            computed = callable(dehydrate) or hasattr(self, dehydrate)
            model_field = None if computed else self._model_field_for(field)
            if model_field is not None and (model_field.auto_created
                                            or not (model_field.is_relation or model_field.choices)):
                model_field = None
            columns[name] = (computed, model_field)
        return columns[name]

    def _shown_directly(self, field):
        return self._column(field)[1]

    def export_field(self, field, instance, **kwargs):
        computed, model_field = self._column(field)
        if computed:
            return readable_value(super().export_field(field, instance, **kwargs))
        if model_field is None:
            return readable_value(field.get_value(instance))
        if model_field.many_to_many and instance.pk is None:
            return ""
        if model_field.is_relation:
            return readable_value(getattr(instance, model_field.name))
        value = getattr(instance, model_field.attname)
        if value is None or value == "" or not isinstance(value, str | int):
            return readable_value(value)
        # A choice's label, looked up once per value (Django's get_FOO_display rebuilds the
        # field's choices for every call); an instance exports in one language.
        labels = self.__dict__.setdefault("_labels", {}).setdefault(model_field.name, {})
        if value not in labels:
            labels[value] = str(instance._get_FIELD_display(model_field))
        return labels[value]

    def get_export_headers(self, selected_fields=None):
        headers = []
        for field in self.get_export_fields(selected_fields):
            model_field = self._model_field_for(field)
            label = getattr(model_field, "verbose_name", None) if model_field is not None else None
            headers.append(capfirst(str(label)) if label else force_str(field.column_name))
        return headers

    def readable_queryset(self, queryset: models.QuerySet, *, many_to_many: bool = True) -> models.QuerySet:
        """The related objects' names in a few queries, not one per row (the many-to-many ones
        prefetched unless ``many_to_many`` is False: ``export_table`` reads those itself)."""
        shown = [f for f in map(self._shown_directly, self.get_export_fields()) if f is not None]
        queryset = queryset.select_related(*[f.name for f in shown if f.many_to_one or f.one_to_one])
        if not many_to_many:
            return queryset
        return queryset.prefetch_related(*[f.name for f in shown if f.many_to_many])

    def export(self, queryset=None, **kwargs):
        if queryset is None:
            queryset = self.get_queryset()
        if isinstance(queryset, models.QuerySet):
            queryset = self.readable_queryset(queryset)
        dataset = super().export(queryset, **kwargs)
        dataset.title = sheet_title(self._meta.model)
        return dataset

    def export_table(self, queryset: models.QuerySet, *, chunk_size: int = 2000) -> Table:
        """The same cells as ``export``, read row by row: the rows come from ``QuerySet.iterator``
        in chunks, so a list of any length is written in bounded memory. (import_export's own
        ``export`` pages a prefetching queryset with ``OFFSET``, a quadratic read, and holds every
        row in a ``Dataset``.) A many-to-many column is read per chunk as (row, related) pairs and
        the related objects' names, each related object made once a chunk: a prefetch builds a
        queryset and a manager per row."""
        fields = self.get_export_fields()
        many = {self.get_field_name(field): model_field for field in fields
                if (model_field := self._shown_directly(field)) is not None and model_field.many_to_many}
        queryset = self.readable_queryset(queryset, many_to_many=False)
        columns = [(field, self.get_field_name(field)) for field in fields]

        def rows():
            instances = queryset.iterator(chunk_size=chunk_size)
            while chunk := list(itertools.islice(instances, chunk_size)):
                ids = [instance.pk for instance in chunk]
                names = {name: _related_names(model_field, ids) for name, model_field in many.items()}
                for instance in chunk:
                    yield [names[name].get(instance.pk, "") if name in names
                           else self.export_field(field, instance) for field, name in columns]

        return Table(title=sheet_title(self._meta.model), headers=self.get_export_headers(), rows=rows())


def _related_names(field: models.ManyToManyField, ids: list) -> dict:
    """For each of ``ids``, the names of its related objects through ``field``, joined as
    ``readable_value`` joins a manager's, in the related model's own order."""
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    pairs = list(through.objects.filter(**{f"{source}__in": ids}).values_list(f"{source}_id", f"{target}_id"))
    related = field.related_model._default_manager.filter(pk__in={target_id for _source, target_id in pairs})
    place = {item.pk: (rank, str(item)) for rank, item in enumerate(related)}
    grouped: dict = {}
    for source_id, target_id in pairs:
        grouped.setdefault(source_id, []).append(place[target_id])
    return {source_id: ", ".join(name for _rank, name in sorted(names))
            for source_id, names in grouped.items()}


def sheet_title(model) -> str:
    """The model's plural name as a worksheet's name (at most 31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", " ", capfirst(str(model._meta.verbose_name_plural)))[:31]


def readable_resource(resource_class: type) -> type:
    """The readable twin of a resource class (kept apart: a class name of its own, so the export
    form's field names of the two never collide). Not cached: the admin's default resource is a new
    class at each request."""
    return type(f"{resource_class.__name__}Readable", (ReadableExportResource, resource_class), {
        "__module__": resource_class.__module__,
        "get_display_name": classmethod(lambda cls: gettext("Readable: labels, names and ISO dates")),
    })


def reimport_resource(resource_class: type) -> type:
    return type(resource_class.__name__, (resource_class,), {
        "__module__": resource_class.__module__,
        "get_display_name": classmethod(lambda cls: gettext("For re-import: codes and ids")),
    })


class ReadableExportMixin:
    """Offer the readable export first; keep the resource's own (codes and ids) where the admin
    imports, since an import reads those."""

    def get_export_resource_classes(self, request):
        classes = list(super().get_export_resource_classes(request))
        readable = [readable_resource(resource_class) for resource_class in classes]
        if isinstance(self, import_admin.ImportMixin):
            return readable + [reimport_resource(resource_class) for resource_class in classes]
        return readable


class ExportMixin(ReadableExportMixin, import_admin.ExportMixin):
    """The admin's export, readable first (use instead of import_export's)."""


class ImportExportModelAdmin(ReadableExportMixin, import_admin.ImportExportModelAdmin):
    """The admin's import and export, the export readable first (use instead of import_export's)."""
