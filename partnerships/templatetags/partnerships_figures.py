from decimal import Decimal

from django import template

from ..figures import usd_millions as _usd_millions

register = template.Library()


@register.filter
def usd_millions(value: Decimal | str | None, places: int = 2) -> str:
    """USD 19820000 -> "19.82" (in the active language's number format); ``|usd_millions:1`` -> "19.8"."""
    return _usd_millions(value, places)


@register.filter
def progress_label(state: str) -> str:
    """A progress state's label ("on_track" -> "On track"), in the active language."""
    from ..models import ProgressState

    return str(ProgressState(state).label) if state in ProgressState.values else ""
