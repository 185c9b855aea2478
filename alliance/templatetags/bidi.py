"""``{{ value|bdi }}``: stored text isolated from the translated sentence around it.

A name or title in Latin script inside an Arabic sentence (or Arabic inside an English one)
otherwise takes the sentence's punctuation with it: the full stop after "Innovation Café" lands
at the wrong end. ``<bdi>`` lets the browser lay the embedded text out in its own direction.
Use it on the values given to ``{% blocktranslate with ... %}`` and on names written inside a
sentence; not inside attributes or plain-text e-mails.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def bdi(value) -> SafeString | str:
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)
