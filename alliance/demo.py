"""What every app's demo loader (``<app>/demo.py``, run by ``manage.py load_demo``) shares."""

from __future__ import annotations

from typing import Any

from django.db import models


def _differs(current: Any, wanted: Any) -> bool:
    """A value to write: not equal, nor the same text (a country code and its Country, a date and its
    ISO text), nor both empty (None and "")."""
    return current != wanted and str(current or "") != str(wanted or "")


def upsert(model: type[models.Model], defaults: dict[str, Any], **lookup: Any) -> tuple[Any, bool]:
    """``update_or_create`` that writes only what changed, so loading the demo again writes nothing
    (and adds no history rows). Returns the row and whether it was created."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [name for name, value in defaults.items() if _differs(getattr(obj, name), value)]
    if changed:
        for name in changed:
            setattr(obj, name, defaults[name])
        obj.save(update_fields=changed)
    return obj, False
