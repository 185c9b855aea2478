"""The compilation of pledges (issue 20): the explorer's selection of published pledges as CSV,
XLSX and a PDF laid out by a worker, linked from the explorer and the P2C report."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships import services
from partnerships.models import CompilationStatus, PledgeBenefit, PledgeCompilation, PledgeStatus
from tests.factories import PledgeFactory

pytestmark = pytest.mark.django_db


def _body(response) -> bytes:
    """A download's bytes: the CSV is streamed line by line, the XLSX sent from a file."""
    assert response.streaming
    return b"".join(response.streaming_content)


@pytest.fixture
def pledges():
    financial = PledgeFactory(status=PledgeStatus.PUBLISHED, kind="financial", value_usd=Decimal("1000"),
                              title="=HYPERLINK(\"https://evil.example\")")
    PledgeBenefit.objects.create(pledge=financial, group="ldc", amount_usd=Decimal("600"), people_reached=70)
    advocacy = PledgeFactory(status=PledgeStatus.PUBLISHED, kind="advocacy", title="Speak up")
    PledgeFactory(status=PledgeStatus.SUBMITTED, kind="financial", value_usd=Decimal("5"), title="Hidden")
    return {"financial": financial, "advocacy": advocacy}


def test_the_csv_holds_the_selected_published_pledges_with_labels_and_figures(client, pledges):
    response = client.get(reverse("partnerships:compilation-csv"), {"kind": "financial", "page": "3"})
    assert response["Content-Disposition"] == 'attachment; filename="p2c-pledges.csv"'
    rows = list(csv.DictReader(io.StringIO(_body(response).decode("utf-8-sig"))))
    assert len(rows) == 1
    row = rows[0]
    assert row["Pledge"] == "'=HYPERLINK(\"https://evil.example\")"        # never a formula
    assert row["Type of pledge"] == "Financial" and row["Progress"] == "Not reported"
    assert row["Least developed countries (LDCs): amount (USD)"] == "600.00"
    assert row["Least developed countries (LDCs): people reached"] == "70"
    assert row["Link"].endswith(reverse("partnerships:pledge", args=[pledges["financial"].pk]))


def test_the_xlsx_has_one_sheet_with_a_header_row(client, pledges):
    response = client.get(reverse("partnerships:compilation-xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(_body(response))).active
    values = list(sheet.values)
    assert values[0][0] == "Pledge"
    assert sorted(row[0] for row in values[1:]) == sorted(
        ["'=HYPERLINK(\"https://evil.example\")", "Speak up"])


def test_a_bad_filter_selects_nothing(client, pledges):
    response = client.get(reverse("partnerships:compilation-csv"), {"kind": "bribery"})
    assert len(_body(response).decode().strip().splitlines()) == 1          # the header only


@pytest.mark.parametrize("name", ["partnerships:compilation-csv", "partnerships:compilation-xlsx"])
def test_a_download_reads_the_same_few_queries_whatever_the_selections_length(client, name):
    """The rows are read in chunks as they are written: the queries do not grow with the selection
    (and the streamed answer is never held whole, in memory or in the page cache)."""
    PledgeFactory.create_batch(2, status=PledgeStatus.PUBLISHED, kind="financial")
    with CaptureQueriesContext(connection) as few:
        first = _body(client.get(reverse(name), {"kind": "financial"}))
    PledgeFactory.create_batch(30, status=PledgeStatus.PUBLISHED, kind="financial")
    with CaptureQueriesContext(connection) as many:
        second = _body(client.get(reverse(name), {"kind": "financial"}))

    assert len(many) == len(few)
    assert len(second) > len(first)  # not the first answer again from the cache


def test_a_selection_above_the_download_limit_is_refused_with_a_message(client, pledges, settings):
    settings.P2C_DOWNLOAD_MAX_PLEDGES = 1
    response = client.get(reverse("partnerships:compilation-csv"), {"q": ""}, follow=True)

    assert response.redirect_chain[0][0] == reverse("partnerships:pledges")
    assert "more than 1 pledges: narrow it with the filters" in response.content.decode()
    settings.P2C_DOWNLOAD_MAX_PLEDGES = 0  # the explorer keeps the visitor's selection
    refused = client.get(reverse("partnerships:compilation-xlsx"), {"kind": "financial"})
    assert refused.url == reverse("partnerships:pledges") + "?kind=financial"
    settings.P2C_DOWNLOAD_MAX_PLEDGES = 2
    assert client.get(reverse("partnerships:compilation-csv")).status_code == 200


def test_a_selection_above_the_pdf_limit_is_offered_as_a_spreadsheet_and_refused_by_the_service(
        client, pledges, settings, django_capture_on_commit_callbacks):
    settings.P2C_COMPILATION_MAX_PLEDGES = 1
    url = reverse("partnerships:compilation-request")
    page = client.get(url).content.decode()
    assert "more than 1 pledges, too many for one PDF" in page
    assert "Prepare the PDF compilation" not in page
    assert reverse("partnerships:compilation-csv") in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"q": ""}, follow=True)
    assert "too many for one PDF" in response.content.decode()
    assert not PledgeCompilation.objects.exists()
    with pytest.raises(ValidationError):
        services.compilation_request(query="", language="en")
    assert services.compilation_request(query="kind=advocacy", language="en")  # one pledge: allowed


def test_the_pdf_compilation_is_laid_out_by_the_worker_and_reused(client, pledges,
                                                                 django_capture_on_commit_callbacks):
    url = reverse("partnerships:compilation-request")
    assert "1 published pledge" in client.get(url, {"kind": "advocacy"}).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"kind": "advocacy", "q": ""})
    item = PledgeCompilation.objects.get()
    assert response.url == reverse("partnerships:compilation", args=[item.key])
    assert (item.status, item.pledge_count, item.query, item.language) == (
        CompilationStatus.DONE, 1, "kind=advocacy", "en")
    page = client.get(response.url).content.decode()
    assert reverse("partnerships:compilation-download", args=[item.key]) in page
    pdf = client.get(reverse("partnerships:compilation-download", args=[item.key]))
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    # The same selection in the same language, with the same data: the same file.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"kind": "advocacy"})
    assert PledgeCompilation.objects.count() == 1
    # New data: a new compilation.
    PledgeFactory(status=PledgeStatus.PUBLISHED, kind="advocacy", decided_at=None)
    assert services.compilation_request(query="kind=advocacy", language="en").pk != item.pk


def test_a_compilation_not_ready_cannot_be_downloaded(client):
    item = PledgeCompilation.objects.create(key="k" * 64, language="fr")
    assert client.get(reverse("partnerships:compilation-download", args=[item.key])).status_code == 404
    page = client.get(reverse("partnerships:compilation", args=[item.key])).content.decode()
    assert "being prepared" in page


def test_the_explorer_and_the_p2c_report_link_to_the_compilation(client, pledges):
    from datetime import date

    from alliance.reports.registry import Period
    from partnerships import report

    html = client.get(reverse("partnerships:pledges"), {"kind": "financial"}).content.decode()
    assert reverse("partnerships:compilation-csv") + "?kind=financial" in html
    assert reverse("partnerships:compilation-request") + "?kind=financial" in html
    links = report.p2c_pledges(Period(start=date(2020, 1, 1), end=date.today()))["compilation"]
    assert [url for _label, url in links][1].endswith(reverse("partnerships:compilation-csv"))
