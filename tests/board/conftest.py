import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from board.models import BoardMember, Meeting, Recommendation

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_file(name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_file(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def english_urls():
    """reverse() follows the active language, which a request to /fr/... leaves behind."""
    with translation.override("en"):
        yield


def make_member(index: int, **fields) -> BoardMember:
    defaults = {"slug": f"member-{index}", "full_name": f"Member {index:03d}", "order": index}
    return BoardMember.objects.create(**{**defaults, **fields})


def make_meeting(number: int, **fields) -> Meeting:
    day = datetime.date(2024, 1, 1) + datetime.timedelta(days=30 * number)
    defaults = {"start_date": day, "end_date": day, "city": "Geneva", "country": "CH"}
    return Meeting.objects.create(number=number, **{**defaults, **fields})


def make_recommendation(meeting: Meeting, number: int, **fields) -> Recommendation:
    return Recommendation.objects.create(meeting=meeting, number=number, text=f"Do thing {number}", **fields)
