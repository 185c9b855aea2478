"""One way to hand a private file to the person a view has already let in.

Uploads outside the public image folders are private (see media.py): each is served only by a view
that checked who asks, as an attachment, never inline (SecurityMiddleware adds ``nosniff``, and
the portal's middleware keeps a signed-in visitor's responses out of shared caches). Every upload
is checked by content (validators.py), so a PDF field's file is named ``.pdf`` whatever name it
was uploaded under: a "budget.html" cannot come back as a web page.
"""

from __future__ import annotations

import posixpath

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404

PDF = "application/pdf"


def private_download(file: FieldFile | None, *, filename: str = "", content_type: str = PDF) -> FileResponse:
    """The file as an attachment named ``filename`` (default: the stored name's stem, with the
    extension of ``content_type``); 404 when the field is empty or the file is missing."""
    if not file:
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    if not filename:
        stem = posixpath.splitext(posixpath.basename(file.name))[0]
        filename = f"{stem}.pdf" if content_type == PDF else posixpath.basename(file.name)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
