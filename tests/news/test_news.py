"""News and announcements: what the public sees, in its language, and what staff can do."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from alliance.news import services
from alliance.news.models import NewsItem
from tests.factories import PDF_BYTES, CentreFactory, NewsItemFactory, PlaybookFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _list(client, path=None, **params) -> str:
    return client.get(path or reverse("news:list"), params).content.decode()


def test_the_public_list_shows_published_items_only_and_from_their_date(client):
    today = timezone.localdate()
    NewsItemFactory(title="Seventeen centres selected")
    NewsItemFactory(title="Draft letter", is_published=False)
    NewsItemFactory(title="Scheduled letter", published_on=today + datetime.timedelta(days=7))
    page = _list(client)
    assert "Seventeen centres selected" in page
    assert "Draft letter" not in page and "Scheduled letter" not in page


def test_a_draft_or_scheduled_item_and_its_pdf_answer_404(client):
    draft = NewsItemFactory(is_published=False, pdf=SimpleUploadedFile("a.pdf", PDF_BYTES))
    scheduled = NewsItemFactory(published_on=timezone.localdate() + datetime.timedelta(days=1))
    for item in (draft, scheduled):
        assert client.get(item.get_absolute_url()).status_code == 404
        assert client.get(reverse("news:pdf", args=[item.slug])).status_code == 404


def test_the_list_is_paginated_newest_first_and_filters_by_kind(client):
    start = datetime.date(2024, 1, 1)
    for day in range(12):
        NewsItemFactory(title=f"Item {day:02d}", published_on=start + datetime.timedelta(days=day))
    NewsItemFactory(title="Call for applications", kind=NewsItem.Kind.ANNOUNCEMENT,
                    published_on=datetime.date(2023, 1, 1))
    first = _list(client)
    assert first.index("Item 11") < first.index("Item 10") and "Item 01" not in first
    assert "Item 01" in _list(client, page=2)
    announcements = _list(client, kind="announcement")
    assert "Call for applications" in announcements and "Item 11" not in announcements
    assert "Item 11" in _list(client, kind="nonsense")


def test_an_item_reads_in_the_visitor_language_with_english_as_fallback(client):
    item = NewsItemFactory(title_en="Board meets in Valletta", title_fr="Le Conseil se réunit à La Valette",
                           body_en="English text.", body_fr="Texte français.")
    french = client.get(f"/fr/news/{item.slug}/").content.decode()
    assert "Le Conseil se réunit à La Valette" in french and "Texte français." in french
    arabic = client.get(f"/ar/news/{item.slug}/").content.decode()
    assert "Board meets in Valletta" in arabic


def test_an_item_links_only_to_the_public_objects_it_concerns(client):
    item = NewsItemFactory()
    shown = CentreFactory(name="Nairobi Centre")
    removed = CentreFactory(name="Removed Centre", status="removed")
    published = PlaybookFactory(title="Foresight Playbook", status="published",
                                published_on=datetime.date(2024, 10, 28))
    draft = PlaybookFactory(title="Draft Playbook")
    item.centres.set([shown, removed])
    item.playbooks.set([published, draft])
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Nairobi Centre" in page and "Foresight Playbook" in page
    assert "Removed Centre" not in page and "Draft Playbook" not in page


def test_the_pdf_of_a_public_item_downloads_as_an_attachment(client):
    item = NewsItemFactory(pdf=SimpleUploadedFile("letter.pdf", PDF_BYTES))
    response = client.get(reverse("news:pdf", args=[item.slug]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF_BYTES


def test_an_upload_that_is_not_a_pdf_is_refused_with_a_field_error():
    item = NewsItemFactory.build(pdf=SimpleUploadedFile("letter.pdf", b"<html>not a pdf</html>"))
    with pytest.raises(Exception) as error:
        item.full_clean()
    assert "pdf" in error.value.message_dict


def test_the_atom_feed_is_in_the_language_of_its_url_and_lists_public_items(client):
    NewsItemFactory(title_en="Seventeen centres selected", title_es="Se seleccionaron diecisiete centros")
    NewsItemFactory(title="Draft", is_published=False)
    response = client.get("/es/news/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "es"
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Se seleccionaron diecisiete centros"]
    link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert "/es/news/" in link


def test_publishing_and_withdrawing_change_only_the_items_that_need_it():
    draft, public = NewsItemFactory(is_published=False), NewsItemFactory()
    assert services.news_items_publish(items=[draft, public]) == 1
    draft.refresh_from_db()
    assert draft.is_published
    assert services.news_items_withdraw(items=[draft, public]) == 2
    assert not NewsItem.objects.filter(is_published=True).exists()


def test_the_admin_offers_only_public_centres_and_published_playbooks(staff_client):
    CentreFactory(name="Shown Centre")
    CentreFactory(name="Removed Centre", status="removed")
    PlaybookFactory(title="Draft Playbook")
    PlaybookFactory(title="Published Playbook", status="published", published_on=datetime.date(2024, 1, 1))
    page = staff_client.get(reverse("admin:news_newsitem_add")).content.decode()
    assert "Shown Centre" in page and "Published Playbook" in page
    assert "Removed Centre" not in page and "Draft Playbook" not in page


def test_staff_publish_from_the_admin_list(staff_client):
    draft = NewsItemFactory(is_published=False)
    response = staff_client.post(reverse("admin:news_newsitem_changelist"),
                                 {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_published


def test_the_latest_news_include_shows_the_three_newest_public_items(rf):
    from django.template.loader import render_to_string

    for day in range(1, 5):
        NewsItemFactory(title=f"Item {day}", published_on=datetime.date(2024, 1, day))
    NewsItemFactory(title="Draft", is_published=False, published_on=datetime.date(2024, 2, 1))
    html = render_to_string("news/_latest.html")
    assert "Item 4" in html and "Item 2" in html and "Item 1" not in html and "Draft" not in html


def test_the_header_links_to_the_news_and_has_a_search_form(client):
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("news:list")}"' in page
    assert f'action="{reverse("search")}"' in page and 'name="q"' in page
