"""Template tags for the page head: one title and one description, written once by each page,
used by <title>, the meta description and the Open Graph tags."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

register = template.Library()

# Open Graph wants a territory: the one where most readers of each language version live is
# not the point; these are the usual defaults.
OG_LOCALES = {"ar": "ar_AR", "zh-hans": "zh_CN", "en": "en_GB", "fr": "fr_FR", "ru": "ru_RU", "es": "es_ES"}


class CaptureNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str) -> None:
        self.nodelist = nodelist
        self.name = name

    def render(self, context: template.Context) -> str:
        # Rendered (and escaped) as usual; tags dropped and whitespace folded: it goes in attributes.
        text = " ".join(strip_tags(self.nodelist.render(context)).split())
        context[self.name] = mark_safe(text)  # noqa: S308 (escaped by the template that rendered it)
        return ""


@register.tag
def capture(parser: template.base.Parser, token: template.base.Token) -> CaptureNode:
    """``{% capture as name %}...{% endcapture %}``: render the content (blocks included) once and
    keep it in ``name``."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.filter
def og_locale(language: str) -> str:
    return OG_LOCALES.get(language, language.replace("-", "_"))


@register.simple_tag
def og_alternate_locales(language: str) -> list[str]:
    return [locale for code, locale in OG_LOCALES.items() if code != language]


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """This page in each language, for the language switcher: plain links (no form, no CSRF
    token), so a public page is the same for every anonymous visitor and can be cached whole.
    A page outside the language prefixes links to each language's home page."""
    request = context.get("request")
    current = get_language()
    path = request.get_full_path() if request is not None else "/"
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code) if getattr(request, "resolver_match", None) else path
        links.append({"code": code, "url": url, "current": code == current,
                      "name": get_language_info(code)["name_local"]})
    if len({link["url"] for link in links}) != len(links):
        for link in links:
            link["url"] = f"/{link['code']}/"
    return links


@register.simple_tag(takes_context=True)
def language_alternates(context: template.Context) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) of this page in each language, then the x-default (the address
    without a language, which LocaleMiddleware sends to the reader's language)."""
    request = context.get("request")
    if request is None or getattr(request, "resolver_match", None) is None:
        return []
    current = get_language()
    alternates = [(code, request.build_absolute_uri(translate_url(request.path, code)))
                  for code, _name in settings.LANGUAGES]
    if len({url for _code, url in alternates}) != len(alternates):
        return []  # not a page under a language prefix
    prefix = f"/{current}/"
    if request.path.startswith(prefix):
        alternates.append(("x-default", request.build_absolute_uri("/" + request.path.removeprefix(prefix))))
    return alternates
