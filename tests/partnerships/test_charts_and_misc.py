from decimal import Decimal
from xml.etree import ElementTree

from django.core.files.base import ContentFile
from django_celery_beat.models import PeriodicTask

from alliance.charts import bar_chart, pie_chart
from alliance.roles import home_url_for
from partnerships.models import Pledger

SVG = "{http://www.w3.org/2000/svg}"


def test_a_bar_chart_is_an_image_with_a_text_alternative_and_its_numbers():
    svg = bar_chart(chart_id="c1", title="Agreements <by> region",
                    items=[("Africa", 24), ("Europe & CIS", 9)], format_value=lambda v: f"{v} agreements")
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "c1-title c1-desc"
    assert root.find(f"{SVG}title").text == "Agreements <by> region"
    assert root.find(f"{SVG}desc").text == "Africa: 24 agreements; Europe & CIS: 9 agreements."
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "24 agreements" in texts and "Europe & CIS" in texts
    assert "style=" not in svg and "<script" not in svg


def test_a_donut_gives_each_share_in_its_legend_and_skips_zero_slices():
    svg = pie_chart(chart_id="c2", title="Shares", items=[("Partners", Decimal("92")), ("ITU", Decimal("8")),
                                                           ("Nobody", 0)])
    root = ElementTree.fromstring(svg)
    assert len(list(root.iter(f"{SVG}path"))) == 2
    legend = [t.text for t in root.iter(f"{SVG}text")]
    assert legend == ["Partners: 92 (92 %)", "ITU: 8 (8 %)", "Nobody: 0 (0 %)"]


def test_charts_of_nothing_still_render():
    assert ElementTree.fromstring(bar_chart(chart_id="e", title="Empty", items=[])).get("role") == "img"
    empty_pie = pie_chart(chart_id="p", title="Empty", items=[("A", 0)])
    assert ElementTree.fromstring(empty_pie).get("role") == "img"
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
    settings.MEDIA_ROOT = tmp_path
    agreement = make_agreement()
    agreement.document.save("signed.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    url = f"/en/partnerships/staff/agreements/{agreement.pk}/document/"
    response = staff_client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.logout()
    assert client.get(url).status_code == 302
