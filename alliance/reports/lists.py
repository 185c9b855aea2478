"""The full lists a TDAG report leaves out (it shows figures and top-10 tables), published beside it.

Each kind declares its lists; each list is built for the report's period through the same
selectors its figures use (the centres' status at the period's end, the agreements of the
report's year, the pledges published by the period's end), so a list never contradicts a table.
The cells are those of the readable exports (``alliance.core.exports``: labels, names, ISO dates, the
fields' names as headers, in the active language) and the files are written by the exports'
formats, which neutralise spreadsheet formulas. Only public columns: no contact details.

An approved report's lists are frozen with its figures: a worker writes them, in every language, to
gzip-compressed JSON lines in the storage (``freeze_table_to``), and every language version of the
approved report writes its CSV and XLSX from those (``services.report_freeze_lists``).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from django.core.files.storage import default_storage
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from import_export import resources

from alliance.core.exports import Table, readable_resource, write_table

from .registry import Period, ReportKind


@dataclass(frozen=True)
class ReportList:
    name: str            # in the file's name and its URL
    title: str | Promise
    build: Callable[[Period], Table]  # its rows read once, as they are written


def _export(resource_class: type, queryset, **attributes) -> Table:
    resource = readable_resource(resource_class)()
    for name, value in attributes.items():
        setattr(resource, name, value)
    return resource.export_table(queryset)


# --- Alliance -------------------------------------------------------------------------------------


class CentreListResource(resources.ModelResource):
    """The centres selected by the period's end, each with its lifecycle status at that date."""

    statuses: dict[int, str] = {}  # set on the instance: centre id → status at the period's end

    class Meta:
        fields = ("name", "host_organisation", "host_type", "country", "city", "regional_initiative",
                  "status", "selected_on")
        export_order = fields

    def dehydrate_status(self, centre) -> str:
        return str(type(centre).Status(self.statuses[centre.pk]).label)


def centres_list(period: Period) -> Table:
    from centres.models import Centre
    from centres.selectors import centre_statuses_on

    statuses = centre_statuses_on(period.end)
    queryset = Centre.objects.filter(pk__in=list(statuses)).order_by("name", "pk")
    return _export(_resource(CentreListResource, Centre), queryset, statuses=statuses)


class BoardMemberListResource(resources.ModelResource):
    class Meta:
        fields = ("full_name", "title", "organisation", "country", "role", "is_founding_member",
                  "term_start", "term_end")
        export_order = fields


def board_members_list(period: Period) -> Table:
    from board.models import BoardMember
    from board.selectors import members_list

    return _export(_resource(BoardMemberListResource, BoardMember), members_list())


class RecommendationListResource(resources.ModelResource):
    class Meta:
        fields = ("meeting", "number", "kind", "text", "owner", "due_date", "status")
        export_order = fields


def recommendations_list(period: Period) -> Table:
    """The recommendations and decisions of the Board meetings held in the period."""
    from board.models import Recommendation
    from board.selectors import meetings_held_in

    meetings = meetings_held_in(start=period.start, end=period.end)
    queryset = Recommendation.objects.filter(meeting__in=meetings).order_by("meeting__number", "number")
    return _export(_resource(RecommendationListResource, Recommendation), queryset)


class PlaybookListResource(resources.ModelResource):
    class Meta:
        fields = ("title", "strategic_objective", "topic", "published_on", "funder", "partners")
        export_order = fields


def playbooks_list(period: Period) -> Table:
    from dtlab.models import Playbook
    from dtlab.selectors import playbooks_published_in

    return _export(_resource(PlaybookListResource, Playbook), playbooks_published_in(period))


class ProjectConceptListResource(resources.ModelResource):
    class Meta:
        fields = ("cohort", "number", "title", "lead_country", "budget_usd", "status", "regional_initiative")
        export_order = fields


def project_concepts_list(period: Period) -> Table:
    """The project concepts of the RIA cohorts held in the period."""
    from dtlab.models import ProjectConcept
    from dtlab.selectors import cohorts_held_in

    cohorts = cohorts_held_in(period).order_by().values("pk")
    queryset = ProjectConcept.objects.filter(cohort__in=cohorts).order_by(
        "cohort__start_date", "cohort__number", "number")
    return _export(_resource(ProjectConceptListResource, ProjectConcept), queryset)


# --- Partnerships ---------------------------------------------------------------------------------


def _agreements(period: Period):
    """The agreements the report counts: those signed in the calendar year its period ends in."""
    from partnerships.selectors import agreements_of_year

    return agreements_of_year(period.end.year)


class AgreementListResource(resources.ModelResource):
    class Meta:
        fields = ("reference", "title", "partner", "signed_on", "status", "partner_contribution_usd",
                  "itu_contribution_usd", "region", "priorities", "vehicle")
        export_order = fields


def agreements_list(period: Period) -> Table:
    from partnerships.models import PartnershipAgreement

    queryset = _agreements(period).order_by("signed_on", "reference")
    return _export(_resource(AgreementListResource, PartnershipAgreement), queryset)


class PartnerListResource(resources.ModelResource):
    class Meta:
        fields = ("name", "acronym", "kind", "membership_category", "country", "website")
        export_order = fields


def partners_list(period: Period) -> Table:
    """The partners of the agreements in ``agreements_list``."""
    from partnerships.models import Partner

    queryset = Partner.objects.filter(pk__in=_agreements(period).order_by().values("partner")).order_by(
        "name", "pk")
    return _export(_resource(PartnerListResource, Partner), queryset)


# --- Partner2Connect ------------------------------------------------------------------------------


def _pledges(period: Period):
    from partnerships.selectors import pledges_published_by

    return pledges_published_by(period.end)


def pledges_list(period: Period) -> Table:
    """The compilation of the pledges published by the period's end (``partnerships.compilation``)."""
    from partnerships import compilation

    return compilation.table(_pledges(period))


class PledgerListResource(resources.ModelResource):
    class Meta:
        fields = ("organisation", "kind", "country")
        export_order = fields


def pledgers_list(period: Period) -> Table:
    from partnerships.models import Pledger

    queryset = Pledger.objects.filter(pk__in=_pledges(period).order_by().values("pledger")).order_by(
        "organisation", "pk")
    return _export(_resource(PledgerListResource, Pledger), queryset)


def _resource(resource_class: type, model) -> type:
    """The resource for ``model``: the list resources name their model here, where the apps are
    loaded, so that this module imports no app at import time."""
    meta = type("Meta", (resource_class.Meta,), {"model": model})
    return type(resource_class.__name__, (resource_class,), {"Meta": meta, "__module__": __name__})


LISTS: dict[str, tuple[ReportList, ...]] = {
    ReportKind.ALLIANCE: (
        ReportList("centres", _("Acceleration Centres"), centres_list),
        ReportList("board-members", _("Board members"), board_members_list),
        ReportList("recommendations", _("Board recommendations and decisions"), recommendations_list),
        ReportList("playbooks", _("Playbooks published"), playbooks_list),
        ReportList("project-concepts", _("RIA project concepts"), project_concepts_list),
    ),
    ReportKind.PARTNERSHIPS: (
        ReportList("agreements", _("Partnership agreements signed"), agreements_list),
        ReportList("partners", _("Partners of these agreements"), partners_list),
    ),
    ReportKind.P2C: (
        ReportList("pledges", _("Compilation of the published pledges"), pledges_list),
        ReportList("pledgers", _("Pledgers"), pledgers_list),
    ),
}


def lists_for(kind: str) -> tuple[ReportList, ...]:
    return LISTS.get(kind, ())


def list_named(kind: str, name: str) -> ReportList | None:
    return next((report_list for report_list in lists_for(kind) if report_list.name == name), None)


# --- Files and the snapshot -----------------------------------------------------------------------


def write_files(table: Table, folder: Path, name: str) -> tuple[dict[str, Path], int]:
    """The list as CSV (UTF-8 with a byte order mark, so that Excel reads the accents and the Arabic
    right) and XLSX files in ``folder``, written in one pass over its rows; the files by format
    and the number of rows."""
    paths = {"csv": folder / f"{name}.csv", "xlsx": folder / f"{name}.xlsx"}
    rows = write_table(table, csv_path=paths["csv"], xlsx_file=paths["xlsx"])
    return paths, rows


FORMATS = ("csv", "xlsx")


def _freeze_cell(value):
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _thaw_cell(value):
    return Decimal(value["decimal"]) if isinstance(value, dict) else value


def thaw_table(frozen: dict) -> Table:
    """A table held inline as JSON by a snapshot taken before the lists were frozen as files."""
    return Table(title=frozen["title"], headers=frozen["headers"],
                 rows=([_thaw_cell(cell) for cell in row] for row in frozen["rows"]))


def freeze_table_to(table: Table, stream: BinaryIO) -> int:
    """Write a table to ``stream`` as gzip-compressed JSON lines: its title and headers, then one
    line per row, in bounded memory; the number of rows."""
    count = 0
    with gzip.GzipFile(fileobj=stream, mode="wb") as packed:
        packed.write(json.dumps({"title": str(table.title or ""),
                                 "headers": [str(h) for h in table.headers]}).encode() + b"\n")
        for row in table.rows:
            packed.write(json.dumps([_freeze_cell(cell) for cell in row]).encode() + b"\n")
            count += 1
    return count


def thaw_table_from(name: str) -> Table:
    """A table frozen with ``freeze_table_to``, read from the storage as its rows are written."""
    stream = default_storage.open(name, "rb")
    packed = gzip.GzipFile(fileobj=stream, mode="rb")
    head = json.loads(packed.readline())

    def rows():
        with stream, packed:
            for line in packed:
                yield [_thaw_cell(cell) for cell in json.loads(line)]

    return Table(title=head["title"], headers=head["headers"], rows=rows())


def build_lists(kind: str, period: Period) -> dict[str, Table]:
    """Every list of the kind for the period, in the active language (each read when written)."""
    return {report_list.name: report_list.build(period) for report_list in lists_for(kind)}
