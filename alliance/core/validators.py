"""Checks shared by every upload and text field: files by content and size, text by characters."""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image
from rest_framework import serializers

# C0 and C1 control characters and DEL; multi-line text keeps tabs and line breaks (\t \n \r).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SINGLE_LINE_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f-\x9f]")
CONTROL_CHARACTERS_MESSAGE = _("This text contains control characters that are not allowed.")


def validate_no_control_characters(value: str) -> None:
    """Refuse text with control characters (tabs and line breaks are fine)."""
    if value and CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


def validate_single_line(value: str) -> None:
    """Refuse text with control characters, tabs and line breaks included."""
    if value and SINGLE_LINE_CONTROL_CHARACTERS.search(value):
        raise ValidationError(CONTROL_CHARACTERS_MESSAGE, code="control_characters")


_TEXT_CHECKS = (validate_no_control_characters, validate_single_line)


def _guard(validators: list, *, multi_line: bool) -> list:
    """The field's validators with exactly one control-character check, the one that fits it.

    Django's and DRF's own null-character check goes too: ours covers it with one message.
    """
    kept = [v for v in validators
            if v not in _TEXT_CHECKS and not isinstance(v, ProhibitNullCharactersValidator)]
    return [*kept, validate_no_control_characters if multi_line else validate_single_line]


class NoControlCharactersFormMixin:
    """Every text field of the form refuses control characters with a field error.

    Multi-line fields (a Textarea) keep tabs and line breaks; single-line fields refuse them too.
    Put it first in a form's bases: ``class PledgeForm(NoControlCharactersFormMixin, forms.Form)``.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                field.validators = _guard(field.validators,
                                          multi_line=isinstance(field.widget, forms.Textarea))


class NoControlCharactersSerializerMixin:
    """The same for a DRF serializer's writable text fields (a 400 naming the field)."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            if isinstance(field, serializers.CharField) and not field.read_only:
                multi_line = field.style.get("base_template") == "textarea.html"
                field.validators = _guard(field.validators, multi_line=multi_line)
        return fields


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
# Every visitor's browser decodes a public image in full (4 bytes a pixel): a 20 KB PNG of
# 13000 x 13000 pixels would take 676 MB. 40 megapixels covers any camera's photo; logos need far less.
MAX_IMAGE_PIXELS = 40_000_000
MAX_IMAGE_SIDE = 10_000


def _too_many_pixels(width: int, height: int) -> ValidationError:
    return ValidationError(
        _("The image is %(width)s × %(height)s pixels; the largest accepted is %(megapixels)s megapixels "
          "and %(side)s pixels a side. Reduce it and upload it again."),
        code="image_too_large",
        params={"width": width, "height": height, "megapixels": MAX_IMAGE_PIXELS // 1_000_000,
                "side": MAX_IMAGE_SIDE})


def validate_image(file) -> None:
    """Accept PNG, JPEG, WebP or GIF images, recognised by decoding them; at most 5 MB and
    ``MAX_IMAGE_PIXELS`` pixels (``MAX_IMAGE_SIDE`` a side), judged from the header before decoding."""
    MaxFileSizeValidator(5 * 1024 * 1024)(file)
    position = file.tell()
    file.seek(0)
    try:
        with Image.open(file) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > MAX_IMAGE_PIXELS or max(width, height) > MAX_IMAGE_SIDE:
                raise _too_many_pixels(width, height)
            image.verify()
    except ValidationError:
        raise
    except Image.DecompressionBombError as exc:  # Pillow refuses far larger ones itself
        raise ValidationError(_("The image has too many pixels; the largest accepted is %(megapixels)s "
                                "megapixels. Reduce it and upload it again."),
                              code="image_too_large",
                              params={"megapixels": MAX_IMAGE_PIXELS // 1_000_000}) from exc
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a broken file
        raise ValidationError(_("Upload a valid image (PNG, JPEG, WebP or GIF)."),
                              code="invalid_image") from exc
    finally:
        file.seek(position)
    if image_format not in ALLOWED_IMAGE_FORMATS:
        raise ValidationError(_("Upload a valid image (PNG, JPEG, WebP or GIF)."),
                              code="invalid_image")


IMAGE_EXTENSIONS = {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp", "GIF": ".gif"}


def checked_extension(file) -> str | None:
    """The extension the content calls for (``.pdf`` or an accepted image's), whatever the file is
    called; None for anything else. Reads the head of the file only; the position is kept."""
    if _head(file, 1024).lstrip().startswith(b"%PDF-"):
        return ".pdf"
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with Image.open(file) as image:
            return IMAGE_EXTENSIONS.get(image.format)
    except Exception:  # noqa: BLE001 - not an image Pillow knows
        return None
    finally:
        file.seek(position)
