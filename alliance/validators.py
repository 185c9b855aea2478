"""Checks shared by every upload and text field: files by content and size, text by characters."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def validate_no_control_characters(value: str) -> None:
    """Refuse text with control characters (tabs and line breaks are fine)."""
    if value and CONTROL_CHARACTERS.search(value):
        raise ValidationError(_("This text contains control characters that are not allowed."),
                              code="control_characters")


@deconstructible
class MaxFileSizeValidator:
    def __init__(self, max_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes

    @property
    def limit(self) -> int:
        return self.max_bytes or settings.MAX_UPLOAD_SIZE

    def __call__(self, file) -> None:
        if file.size > self.limit:
            raise ValidationError(
                _("The file is %(size)s; the largest accepted is %(limit)s."),
                code="file_too_large",
                params={"size": filesizeformat(file.size), "limit": filesizeformat(self.limit)},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, MaxFileSizeValidator) and self.max_bytes == other.max_bytes


def _head(file, length: int) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(length)
    file.seek(position)
    return head


def validate_pdf(file) -> None:
    """Accept a PDF only: the content must start like one, whatever the file is called."""
    MaxFileSizeValidator()(file)
    if not _head(file, 1024).lstrip().startswith(b"%PDF-"):
        raise ValidationError(_("Only PDF documents are accepted; this file is not a PDF."),
                              code="not_pdf")


ALLOWED_IMAGE_FORMATS = {"PNG", "JPEG", "WEBP", "GIF"}


def validate_image(file) -> None:
    """Accept PNG, JPEG, WebP or GIF images, recognised by decoding them; at most 5 MB."""
    MaxFileSizeValidator(5 * 1024 * 1024)(file)
    position = file.tell()
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise ValidationError(_("Upload a valid image (PNG, JPEG, WebP or GIF)."),
                              code="invalid_image") from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Upload a valid image (PNG, JPEG, WebP or GIF)."),
                              code="invalid_image")
