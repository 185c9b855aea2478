"""``{% picture image size=48 name=... %}``: a public image (a centre's logo, a Board member's
photo) as its thumbnail at the size shown, or a placeholder with the name's initials.

The ``<img>`` has its width and height (no layout shift), a 2x source for sharp screens and,
with ``lazy=True`` (below the fold), ``loading="lazy"``. ``alt`` is the caller's choice: empty
when the name is written right beside the image (the image adds nothing to read), a text when
the image stands alone. The placeholder is text drawn by CSS, hidden from screen readers: it
costs no request.
"""

from __future__ import annotations

from django import template

from alliance.core.thumbnails import initials, thumbnail

register = template.Library()


@register.inclusion_tag("includes/picture.html")
def picture(image, *, size: int, name: str, alt: str = "", lazy: bool = False, shape: str = "logo") -> dict:
    small = large = None
    if image:
        storage = image.storage
        small = thumbnail(image.name, size=size, storage=storage)
        large = thumbnail(image.name, size=2 * size, storage=storage) if small else None
    return {
        "src": storage.url(small.name) if small else "",
        "srcset": f"{storage.url(large.name)} 2x" if large and large.width > small.width else "",
        "width": small.width if small else size, "height": small.height if small else size,
        "size": size, "alt": alt, "lazy": lazy, "shape": shape, "initials": initials(str(name)),
    }
