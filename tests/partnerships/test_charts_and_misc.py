from decimal import Decimal
from xml.etree import ElementTree

from django.core.files.base import ContentFile
from django.utils import translation
from django_celery_beat.models import PeriodicTask

from alliance.core.charts import bar_chart, pie_chart
from alliance.core.roles import home_url_for
from partnerships.models import Pledger


def _parsed(html: str) -> ElementTree.Element:
    return ElementTree.fromstring(html)


def _text(element: ElementTree.Element) -> str:
    """The text a reader sees: an SVG's <title> is not shown."""
    parts = [element.text or ""]
    for child in element:
        if child.tag != "svg":
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _bars(language: str, items) -> list[tuple[str, str]]:
    with translation.override(language):
        chart = _parsed(bar_chart(chart_id="b", title="t", items=items))
    return [(rect.get("x"), rect.get("width")) for rect in chart.iter("rect")]


def test_a_bar_chart_is_a_captioned_figure_whose_labels_and_numbers_are_html_text():
    html = bar_chart(chart_id="c1", title="Agreements <by> region",
                     items=[("Africa", 24), ("Europe & CIS", 9)], format_value=lambda v: f"{v} agreements")
    root = _parsed(html)
    assert root.tag == "figure" and root.get("id") == "c1"
    assert root.find("figcaption").text == "Agreements <by> region"
    rows = root.findall(".//li")
    assert [_text(row.find("span[@class='chart-label']")) for row in rows] == ["Africa", "Europe & CIS"]
    values = [_text(row.find(".//span[@class='chart-value']")) for row in rows]
    assert values == ["24 agreements", "9 agreements"]
    # No word is SVG text (WeasyPrint does not shape it), the marks are hidden from screen readers.
    assert "<text" not in html and "style=" not in html and "<script" not in html
    assert all(svg.get("aria-hidden") == "true" for svg in root.iter("svg"))


def test_bars_are_proportional_and_grow_from_the_start_of_the_line_in_each_direction():
    items = [("Africa", 20), ("Europe", 5), ("None", 0)]
    assert _bars("en", items) == [("0.00", "100.00"), ("0.00", "25.00"), ("0.00", "0.00")]
    assert _bars("ar", items) == [("0.00", "100.00"), ("75.00", "25.00"), ("100.00", "0.00")]


def test_a_donut_gives_each_share_in_its_html_legend_and_skips_zero_slices():
    html = pie_chart(chart_id="c2", title="Shares", items=[("Partners", Decimal("92")), ("ITU", Decimal("8")),
                                                          ("Nobody", 0)])
    root = _parsed(html)
    assert len(list(root.iter("path"))) == 2
    legend = [" ".join(_text(li).split()) for li in root.find(".//ul[@class='chart-legend']")]
    assert legend == ["Partners: 92 (92 %)", "ITU: 8 (8 %)", "Nobody: 0 (0 %)"]
    assert "<text" not in html


def test_a_donut_turns_anticlockwise_in_right_to_left_languages():
    items = [("A", 1), ("B", 3)]
    with translation.override("en"):
        first_ltr = next(_parsed(pie_chart(chart_id="d", title="t", items=items)).iter("path")).get("d")
    with translation.override("ar"):
        first_rtl = next(_parsed(pie_chart(chart_id="d", title="t", items=items)).iter("path")).get("d")
    # A quarter from twelve o'clock ends at three o'clock (x > 50) or, mirrored, at nine (x < 50).
    assert first_ltr.split(" A")[1].split()[4].startswith("98.00,")
    assert first_rtl.split(" A")[1].split()[4].startswith("2.00,")


def test_charts_of_nothing_still_render():
    assert _parsed(bar_chart(chart_id="e", title="Empty", items=[])).find("p").text == "–"
    empty_pie = pie_chart(chart_id="p", title="Empty", items=[("A", 0)])
    assert not list(_parsed(empty_pie).iter("path"))
    single = pie_chart(chart_id="s", title="One", items=[("A", 5)])
    assert "<circle" in single


def test_the_progress_reminders_are_scheduled_daily(db):
    task = PeriodicTask.objects.get(name="P2C progress reminders")
    assert task.task == "partnerships.tasks.send_progress_reminders"
    assert task.crontab.hour == "7"


def test_pledgers_land_on_their_pledges_after_login(member_user):
    assert home_url_for(member_user) == "/en/"
    Pledger.objects.create(organisation="Org", kind="youth", contact_name="A", contact_email="a@example.org",
                           user=member_user)
    assert home_url_for(member_user) == "/en/partnerships/partner2connect/my-pledges/"


def test_signed_documents_are_downloaded_by_staff_as_attachments(staff_client, client, make_agreement,
                                                                  settings, tmp_path):
    agreement = make_agreement()
    agreement.document.save("signed.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    url = f"/en/partnerships/staff/agreements/{agreement.pk}/document/"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.logout()
    assert client.get(url).status_code == 302
