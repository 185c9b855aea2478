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


def test_every_page_has_a_language_switcher_with_all_six_languages(client):
    html = client.get("/en/").content.decode()
    assert 'action="/i18n/setlang/"' in html
    for code in UN_LANGUAGES:
        assert f'<option value="{code}"' in html


def test_switching_language_redirects_to_the_same_page_in_that_language(client):
    response = client.post("/i18n/setlang/", {"language": "ar", "next": "/en/board/"})
    assert response.status_code == 302
    assert response["Location"] == "/ar/board/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"


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
