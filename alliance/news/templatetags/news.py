from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def latest_news(limit: int = 3) -> list:
    """The latest public news items, for the home page (``templates/news/_latest.html``)."""
    return selectors.news_latest(limit=limit)
