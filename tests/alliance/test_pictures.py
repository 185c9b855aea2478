"""Centre logos and Board members' photos: thumbnails at the size shown, made once, with their
width and height, the right alt text, lazy below the fold, and a placeholder when there is none."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from alliance import demo_images
from alliance.core.thumbnails import initials, thumbnail, thumbnail_name
from tests.factories import BoardMemberFactory, CentreFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


def _png(width: int = 400, height: int = 200, colour: str = "navy") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _with_logo(centre, name: str = "logo.png", content: bytes | None = None):
    centre.logo.save(name, ContentFile(content or _png()), save=True)
    return centre


def _imgs(html: str) -> list[str]:
    return re.findall(r"<img [^>]*>", html)


def test_a_thumbnail_fits_the_size_shown_keeps_the_shape_and_is_served_from_media(client):
    default_storage.save("centres/logos/wide.png", ContentFile(_png(400, 200)))
    made = thumbnail("centres/logos/wide.png", size=48)
    assert made.name == "centres/logos/thumbs/wide-48.webp" == thumbnail_name("centres/logos/wide.png", 48)
    assert (made.width, made.height) == (48, 24)
    with default_storage.open(made.name) as handle, Image.open(handle) as image:
        assert image.format == "WEBP" and image.size == (48, 24)
    response = client.get("/media/" + made.name)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"


def test_a_small_image_is_never_enlarged():
    default_storage.save("board/members/tiny.png", ContentFile(_png(20, 30)))
    made = thumbnail("board/members/tiny.png", size=160)
    assert (made.width, made.height) == (20, 30)


def test_a_thumbnail_is_made_once_then_remembered_without_asking_the_storage(monkeypatch):
    default_storage.save("centres/logos/once.png", ContentFile(_png()))
    first = thumbnail("centres/logos/once.png", size=40)

    def refuse(*args, **kwargs):
        raise AssertionError("the storage was asked again")

    monkeypatch.setattr(default_storage, "exists", refuse)
    monkeypatch.setattr(default_storage, "open", refuse)
    assert thumbnail("centres/logos/once.png", size=40) == first


def test_a_thumbnail_made_before_is_reused_when_the_cache_forgot_it():
    default_storage.save("centres/logos/kept.png", ContentFile(_png()))
    first = thumbnail("centres/logos/kept.png", size=40)
    cache.clear()
    assert thumbnail("centres/logos/kept.png", size=40) == first
    assert default_storage.listdir("centres/logos/thumbs")[1] == ["kept-40.webp"]


def test_a_missing_or_broken_image_gives_no_thumbnail():
    default_storage.save("centres/logos/broken.png", ContentFile(b"\x89PNG\r\n\x1a\nnot really"))
    assert thumbnail("centres/logos/broken.png", size=40) is None
    assert thumbnail("centres/logos/gone.png", size=40) is None


@pytest.mark.parametrize(("name", "expected"), [
    ("Ministry of ICT, Kenya (illustrative)", "MK"), ("BDT Director", "BD"), ("Member 007", "M"),
    ("وزارة الاتصالات", "وا"), ("国际电联", "国"), ("", ""), ("1234", ""),
])
def test_a_placeholder_shows_the_initials_of_the_name(name, expected):
    assert initials(name) == expected


def test_the_directory_shows_each_logo_beside_the_name_with_size_empty_alt_and_lazy(client):
    centre = _with_logo(CentreFactory(status="operating", host_organisation="Ministry of ICT, Kenya"))
    CentreFactory(status="operating", host_organisation="Digital Hub, Ghana")
    html = client.get(reverse("centres:index")).content.decode()
    table = html.split('id="centres-results"', 1)[1].split("</table>", 1)[0]
    [img] = _imgs(table)
    assert 'src="/media/centres/logos/thumbs/logo-40.webp"' in img
    assert 'srcset="/media/centres/logos/thumbs/logo-80.webp 2x"' in img
    assert 'width="40" height="20"' in img
    # The centre's name is the link right beside it: the logo adds nothing to read.
    assert 'alt=""' in img and 'loading="lazy"' in img
    assert centre.name in table
    assert ('<span class="picture picture-logo picture-placeholder picture-40" aria-hidden="true">DG</span>'
            in table)


def test_the_centre_page_shows_its_logo_named_and_not_lazy(client):
    centre = _with_logo(CentreFactory(status="operating", host_organisation="Ministry of ICT"))
    html = client.get(centre.get_absolute_url()).content.decode()
    [img] = [tag for tag in _imgs(html) if "/media/" in tag]
    assert 'alt="Logo of Ministry of ICT"' in img and 'width="96" height="48"' in img
    assert "loading=" not in img


def test_a_centre_without_a_logo_shows_its_initials_and_requests_no_image(client):
    centre = CentreFactory(status="operating", host_organisation="Ministry of ICT")
    html = client.get(centre.get_absolute_url()).content.decode()
    assert not [tag for tag in _imgs(html) if "/media/" in tag]
    assert 'picture-placeholder picture-96" aria-hidden="true">MI</span>' in html


def test_the_board_list_and_member_page_show_photos(client):
    member = BoardMemberFactory(full_name="Amina Diallo")
    member.photo.save("amina.png", ContentFile(_png(300, 300)), save=True)
    BoardMemberFactory(full_name="Li Wei")
    listing = client.get(reverse("board:member-list")).content.decode()
    [img] = _imgs(listing)
    assert 'width="48" height="48"' in img and 'alt=""' in img and 'loading="lazy"' in img
    assert "picture-photo picture-placeholder picture-48" in listing and ">LW</span>" in listing
    page = client.get(reverse("board:member-detail", args=[member.slug])).content.decode()
    [img] = _imgs(page)
    assert 'alt="Photo of Amina Diallo"' in img and 'width="160" height="160"' in img
    assert "/media/board/members/thumbs/amina-160.webp" in img


def _directory_queries(client) -> int:
    from alliance.core import freshness

    freshness.bump("centres")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("centres:index")).status_code == 200
    return len(queries)


def test_logos_add_no_query_per_row(client):
    for number in range(2):
        _with_logo(CentreFactory(status="operating"), name=f"logo{number}.png")
    two = _directory_queries(client)
    for number in range(2, 8):
        _with_logo(CentreFactory(status="operating"), name=f"logo{number}.png")
    assert _directory_queries(client) == two


def test_demo_images_are_the_same_bytes_every_time_and_given_once():
    assert demo_images.draw_logo("kenya") == demo_images.draw_logo("kenya")
    assert demo_images.draw_logo("kenya") != demo_images.draw_logo("ghana")
    assert demo_images.draw_portrait("amina") == demo_images.draw_portrait("amina")
    members = [BoardMemberFactory(), BoardMemberFactory()]
    assert demo_images.give_images(members, field="photo", portrait=True) == 2
    assert demo_images.give_images(members, field="photo", portrait=True) == 0
    with members[0].photo.open("rb") as handle, Image.open(handle) as image:
        assert image.format == "JPEG"
    # Loaded again on an emptied database, the demo points to the files it drew before.
    again = BoardMemberFactory(slug=members[0].slug + "-again")
    again.slug = members[0].slug
    assert demo_images.give_images([again], field="photo", portrait=True) == 1
    assert again.photo.name == members[0].photo.name
    assert len(default_storage.listdir("board/members")[1]) == 2
