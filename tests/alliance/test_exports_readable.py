"""Readable exports: labels instead of codes, names instead of ids, ISO dates, one header row of the
fields' names, a sheet named after the model, in the language of the request; the codes-and-ids
export stays offered, second, where the admin imports."""

from __future__ import annotations

import csv
import datetime
import io

import openpyxl
import pytest
from django.contrib import admin
from django.test import RequestFactory

from partnerships.models import ActionArea, PartnershipAgreement, Pledge, Pledger
from tests.factories import PartnershipAgreementFactory, PledgeFactory, PledgerFactory

pytestmark = pytest.mark.django_db


def _export(client, model, *, fmt: str, resource: int = 0, language: str = "en", items=()):
    """POST the admin's export form with every column of the chosen resource ticked."""
    model_admin = admin.site._registry[model]
    classes = model_admin.get_export_resource_classes(RequestFactory().get("/"))
    chosen = classes[resource]
    formats = [f().get_title() for f in model_admin.get_export_formats()]
    meta = model._meta
    response = client.post(f"/{language}/admin/{meta.app_label}/{meta.model_name}/export/", {
        "format": str(formats.index(fmt)), "resource": str(resource),
        "export_items": [item.pk for item in items],
        **{f"{chosen.__name__.lower()}_{name}": "on" for name in chosen().get_export_order()},
    })
    assert response.status_code == 200, response.content[:800]
    return response.content


def _csv_rows(content) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_an_agreement_exports_labels_names_and_iso_dates_under_one_header_row(staff_client):
    agreement = PartnershipAgreementFactory(partner__name="World Meteorological Organization",
                                            region="arab_states", status="active",
                                            signed_on=datetime.date(2024, 5, 1))
    header, *rows = _csv_rows(_export(staff_client, PartnershipAgreement, fmt="csv", items=[agreement]))
    row = dict(zip(header, rows[0], strict=True))
    assert len(rows) == 1
    assert row["Partner"] == "World Meteorological Organization"
    assert row["Region served"] == "Arab States"
    assert row["Status"] == "Active"
    assert row["Signed on"] == "2024-05-01"
    assert str(agreement.partner_id) not in (row["Partner"],)
    assert "partner" not in header and "arab_states" not in rows[0]


def test_the_xlsx_has_one_sheet_named_after_the_model_with_a_header_row(staff_client):
    agreement = PartnershipAgreementFactory(region="europe", signed_on=datetime.date(2024, 2, 29))
    book = openpyxl.load_workbook(
        io.BytesIO(_export(staff_client, PartnershipAgreement, fmt="xlsx", items=[agreement]))
    )
    assert len(book.worksheets) == 1
    sheet = book.active
    assert sheet.title == "Partnership agreements"
    header, *rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert header[0] == "Reference"
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Region served"], row["Signed on"], row["Partner"]) == ("Europe", "2024-02-29",
                                                                   agreement.partner.name)


def test_pledges_and_pledgers_export_like_the_rest(staff_client):
    area = ActionArea.objects.order_by("order").first()
    pledge = PledgeFactory(pledger__organisation="Ministry of ICT", kind="financial", benefits_sids=True,
                           target_countries=["FJ", "KE"], action_areas=[area])
    header, *rows = _csv_rows(_export(staff_client, Pledge, fmt="csv", items=[pledge]))
    row = dict(zip(header, rows[0], strict=True))
    assert row["Pledger"] == "Ministry of ICT"
    assert row["Type"] == "Financial"
    assert row["Action areas"] == str(area)
    assert row["Target countries"] == "Fiji, Kenya"
    assert (row["Benefits SIDS"], row["Benefits LDCs"]) == ("Yes", "No")
    header, *rows = _csv_rows(_export(staff_client, Pledger, fmt="csv", items=[pledge.pledger]))
    row = dict(zip(header, rows[0], strict=True))
    assert (row["Organization"], row["Type"], row["Country"]) == ("Ministry of ICT", "Government", "Kenya")


def test_the_export_speaks_the_language_of_the_request(staff_client):
    pledger = PledgerFactory(country="DE")
    header, *rows = _csv_rows(_export(staff_client, Pledger, fmt="csv", language="fr", items=[pledger]))
    assert "Allemagne" in rows[0]
    header, *rows = _csv_rows(_export(staff_client, Pledger, fmt="csv", language="ru", items=[pledger]))
    assert "Германия" in rows[0]


def test_an_importing_admin_still_offers_the_codes_and_ids_an_import_reads_second(staff_client):
    agreement = PartnershipAgreementFactory(region="arab_states")
    header, *rows = _csv_rows(
        _export(staff_client, PartnershipAgreement, fmt="csv", resource=1, items=[agreement])
    )
    row = dict(zip(header, rows[0], strict=True))
    assert (row["partner"], row["region"]) == (str(agreement.partner_id), "arab_states")
    names = [
        cls.get_display_name()
        for cls in admin.site._registry[PartnershipAgreement].get_export_resource_classes(
            RequestFactory().get("/")
        )
    ]
    assert names == ["Readable: labels, names and ISO dates", "For re-import: codes and ids"]


def test_an_export_only_admin_offers_the_readable_export_only():
    classes = admin.site._registry[Pledge].get_export_resource_classes(RequestFactory().get("/"))
    assert [cls.get_display_name() for cls in classes] == ["Readable: labels, names and ISO dates"]
