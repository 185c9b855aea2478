"""Images for the demo: a few centres get a logo and a few Board members a portrait, drawn with
Pillow (no download, no font), the same bytes on every run, so the pages show both the images
and the placeholders of those without one.

Called once from ``centres/demo.py`` and ``board/demo.py``; a second run changes nothing.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image, ImageDraw

# ITU blues and accents, each at least 3:1 against white.
PALETTE = ["#00457c", "#009cd6", "#1d6b2f", "#8a5a00", "#6a1b9a", "#b00020", "#00695c", "#37474f"]
SIDE = 320  # pixels: an upload of a plausible size, so the thumbnails have something to shrink


def _colours(key: str, count: int) -> list[str]:
    digest = hashlib.sha256(key.encode()).digest()
    return [PALETTE[digest[n] % len(PALETTE)] for n in range(count)]


def draw_logo(key: str) -> bytes:
    """A PNG with a transparent background: a ring and two bars, colours chosen by ``key``."""
    first, second, third = _colours(key, 3)
    image = Image.new("RGBA", (SIDE, SIDE // 2), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((16, 16, 144, 144), outline=first, width=22)
    draw.rounded_rectangle((170, 30, 300, 70), radius=12, fill=second)
    draw.rounded_rectangle((170, 90, 260, 130), radius=12, fill=third)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def draw_portrait(key: str) -> bytes:
    """A JPEG of a head-and-shoulders silhouette on a coloured ground chosen by ``key``."""
    ground, clothes = _colours(key, 2)
    image = Image.new("RGB", (SIDE, SIDE), ground)
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 210, 260, 420), fill=clothes, outline="#ffffff", width=6)
    draw.ellipse((105, 60, 215, 190), fill="#f1d7c0", outline="#ffffff", width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def give_images(objects: Iterable[models.Model], *, field: str, portrait: bool = False) -> int:
    """Give each of ``objects`` that has none a drawn image in its ``field`` (an ImageField),
    named after its slug; returns how many were given."""
    given = 0
    for instance in objects:
        if getattr(instance, field):
            continue
        key = instance.slug
        content = draw_portrait(key) if portrait else draw_logo(key)
        image = getattr(instance, field)
        name = image.field.generate_filename(instance, f"demo-{key}.{'jpg' if portrait else 'png'}")
        if image.storage.exists(name):  # drawn by an earlier load: the same bytes, kept once
            image.name = name
        else:
            image.save(name.rsplit("/", 1)[-1], ContentFile(content), save=False)
        instance.save(update_fields=[field])
        given += 1
    return given
