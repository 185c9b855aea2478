import django_filters
from django.utils.translation import gettext_lazy as _

from alliance.core.filters import YearFilter

from .models import LANGUAGE_CHOICES, ReportStatus, TDAGReport
from .registry import ReportKind


class ProgressReportFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ReportKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ReportStatus.choices)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=LANGUAGE_CHOICES)
    year = YearFilter(label=_("Year of the period"), method="filter_year")

    class Meta:
        model = TDAGReport
        fields = ("kind", "status", "language", "year")

    def filter_year(self, queryset, name, value):
        return queryset.filter(period_start__year__lte=value, period_end__year__gte=value)
