"""The narrative of a report: the parts staff write, in Markdown, per report and language.

Markdown is rendered with raw HTML disabled (markdown-it-py, CommonMark), then sanitised with nh3
to paragraphs, lists, emphasis and links: whatever is typed, the document receives no script,
style, image or heading of its own. A narrative quotes a computed figure by its name in braces
(``{agreements}``); the figure is filled in, formatted for the report's language, before
rendering, so a sentence never contradicts a table. ``{{`` and ``}}`` write literal braces.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import nh3
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from markdown_it import MarkdownIt

from .registry import narrative_sections_for

MAX_SECTION_LENGTH = 20_000

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a", "br", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})


def placeholders_in(text: str) -> list[str]:
    """The placeholder names a text uses; ValueError when its braces do not pair."""
    names = []
    for _literal, field, spec, conversion in string.Formatter().parse(text):
        if field is not None:
            # A format spec or conversion is not a figure's name: reported as unknown as typed.
            names.append(field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return names


def format_figure(value: Any) -> str:
    """A figure as a person of the active language reads it (1,234 / 1 234 / 33.8)."""
    if isinstance(value, bool) or value is None:
        return str(value or "")
    if isinstance(value, int | Decimal | float):
        return formats.number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


def fill(text: str, figures: Mapping[str, Any]) -> str:
    """Put the figures in place of their placeholders (the text was validated)."""
    return string.Formatter().vformat(
        text, (), {name: format_figure(value) for name, value in figures.items()}
    )


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render(text: str, figures: Mapping[str, Any], language: str) -> SafeString:
    """One section's Markdown as safe HTML, with its figures, in ``language``."""
    if not text or not text.strip():
        return mark_safe("")
    with translation.override(language):
        filled = fill(text, figures)
    return mark_safe(sanitise(_markdown.render(filled)))


def validate(*, kind: str, narrative: Any, figure_names: set[str]) -> dict[str, str]:
    """The narrative cleaned, or a ValidationError naming each bad section and what is known."""
    if not isinstance(narrative, Mapping):
        raise ValidationError({"narrative": [_("Give the narrative as section code → text.")]})
    codes = [section.code for section in narrative_sections_for(kind)]
    errors: dict[str, list] = {}
    unknown = sorted(str(code) for code in narrative if code not in codes)
    if unknown:
        errors["narrative"] = [
            _("Unknown section(s): %(unknown)s. The sections of this report are: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(codes)}
        ]
    cleaned: dict[str, str] = {}
    known_figures = ", ".join("{" + name + "}" for name in sorted(figure_names))
    for code, text in narrative.items():
        if code not in codes:
            continue
        if not isinstance(text, str):
            errors[code] = [_("Write the section as text.")]
            continue
        if len(text) > MAX_SECTION_LENGTH:
            errors[code] = [_("Keep the section under %(limit)d characters.") % {"limit": MAX_SECTION_LENGTH}]
            continue
        try:
            names = placeholders_in(text)
        except ValueError:
            errors[code] = [_("A brace is not closed. Write {{ and }} for literal braces.")]
            continue
        unknown_names = sorted({name for name in names if name not in figure_names})
        if unknown_names:
            errors[code] = [
                _("Unknown placeholder(s): %(unknown)s. The figures you can quote are: %(known)s.")
                % {"unknown": ", ".join("{" + n + "}" for n in unknown_names), "known": known_figures}
            ]
            continue
        cleaned[code] = text.replace("\r\n", "\n")
    if errors:
        raise ValidationError(errors)
    return cleaned
