import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db

UN_LANGUAGES = ["ar", "zh-hans", "en", "fr", "ru", "es"]


def test_the_six_un_languages_are_offered():
    assert [code for code, _ in settings.LANGUAGES] == UN_LANGUAGES


@pytest.mark.parametrize("language", UN_LANGUAGES)
def test_public_urls_carry_the_language_prefix(client, language):
    with translation.override(language):
        url = reverse("home")
    assert url == f"/{language}/"
    response = client.get(url)
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()


def test_arabic_pages_are_right_to_left(client):
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


@pytest.mark.parametrize("language", ["en", "zh-hans", "fr", "ru", "es"])
def test_other_languages_are_left_to_right(client, language):
    assert 'dir="ltr"' in client.get(f"/{language}/").content.decode()


def test_every_page_links_to_itself_in_all_six_languages_without_a_form(client):
    html = client.get("/en/board/?page=1").content.decode()
    switcher = html[html.index('class="language-switcher"'):]
    switcher = switcher[:switcher.index("</nav>")]
    for code in UN_LANGUAGES:
        assert f'<a href="/{code}/board/?page=1" hreflang="{code}" lang="{code}"' in switcher
    assert switcher.count("aria-current") == 1 and 'lang="en" aria-current="true"' in switcher
    # No form and so no CSRF token: the page is the same for every anonymous visitor.
    assert "<form" not in switcher and "csrfmiddlewaretoken" not in html


def test_a_page_outside_the_language_prefixes_links_to_each_languages_home(client, rf):
    from django.template import Context, Template

    request = rf.get("/healthz")
    html = Template("{% include 'includes/language_switcher.html' %}").render(Context({"request": request}))
    assert '<a href="/ar/" hreflang="ar"' in html and '<a href="/zh-hans/" hreflang="zh-hans"' in html


def test_the_language_chosen_by_link_is_the_pages_language(client):
    html = client.get("/ar/board/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html


def test_root_redirects_to_the_browsers_language(client):
    response = client.get("/", headers={"accept-language": "fr"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_reference_data_names_follow_the_active_language(client):
    html = client.get("/ru/").content.decode()
    assert "Рост предпринимательства и МСП" in html
    html = client.get("/es/").content.decode()
    assert "Experimentación en materia de políticas" in html


def test_skip_link_and_landmarks_are_on_every_public_page(client):
    html = client.get("/en/").content.decode()
    assert '<a class="skip-link" href="#content">' in html
    assert '<main id="content"' in html
    assert "<header" in html and "<footer" in html and '<nav class="main-nav"' in html
