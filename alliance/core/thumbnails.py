"""Small copies of the public images (centre logos, Board members' photos) at the size a page
shows them, so that a list of twenty centres loads a few kilobytes of images, not twenty uploads.

A thumbnail is made on first use, with Pillow, and kept in the media storage beside its image
(``centres/logos/thumbs/<name>-<size>.webp``: under the same public folder, so ``/media/``
serves it, see ``alliance.core.media``), read and written through the storage API so the local disk
and a bucket behave alike. Its name and size are remembered in the cache, so a page that shows
it again asks the storage nothing. An uploaded image gets a fresh name (the storage never
overwrites), so a thumbnail never outlives the image it was made from.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
from dataclasses import dataclass

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from PIL import Image, ImageOps

THUMBNAIL_FOLDER = "thumbs"
# WebP at this quality: a 96 px logo weighs 1 to 4 KB and keeps its transparency.
QUALITY = 80
# The cache remembers a made thumbnail for a month; forgetting costs one storage lookup.
REMEMBER_SECONDS = 30 * 24 * 3600


@dataclass(frozen=True)
class Thumbnail:
    name: str
    width: int
    height: int


def thumbnail_name(source: str, size: int) -> str:
    folder, filename = posixpath.split(source)
    stem = posixpath.splitext(filename)[0]
    return posixpath.join(folder, THUMBNAIL_FOLDER, f"{stem}-{size}.webp")


def thumbnail(source: str, *, size: int, storage: Storage = default_storage) -> Thumbnail | None:
    """``source`` fitted into a ``size`` × ``size`` square (never enlarged), made on first use;
    None when the image cannot be read (missing or broken file): the page shows its placeholder."""
    # The storage's folder is part of the key: two storages (or test runs) never share an entry.
    where = f"{getattr(storage, 'location', '')}:{source}:{size}"
    key = "thumbnail:" + hashlib.sha256(where.encode()).hexdigest()
    remembered = cache.get(key)
    if remembered is not None:
        return Thumbnail(*remembered)
    name = thumbnail_name(source, size)
    try:
        if storage.exists(name):
            with storage.open(name, "rb") as handle, Image.open(handle) as image:
                width, height = image.size
        else:
            content, width, height = _resized(storage, source, size)
            name = storage.save(name, ContentFile(content, name=posixpath.basename(name)))
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    cache.set(key, (name, width, height), REMEMBER_SECONDS)
    return Thumbnail(name, width, height)


def _resized(storage: Storage, source: str, size: int) -> tuple[bytes, int, int]:
    with storage.open(source, "rb") as handle, Image.open(handle) as original:
        image = ImageOps.exif_transpose(original)
        image.thumbnail((size, size), Image.Resampling.LANCZOS)
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="WEBP", quality=QUALITY, method=6)
        return buffer.getvalue(), image.width, image.height


_WORD = re.compile(r"[^\W\d_][\w'’]*")


def initials(name: str) -> str:
    """Up to two letters standing for ``name`` in a placeholder: the first letters of its first
    and last capitalised words ("Ministry of ICT, Kenya" → "MK"); the first character of a name
    written without spaces (Chinese); "" when it has no letter."""
    words = [word for word in _WORD.findall(name or "") if not word[0].islower()]
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()
