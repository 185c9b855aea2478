"""/media/: only the public images (centre logos, Board members' photos), in every mode.

Everything else in the media storage (applications' documents, agreements, hosts' documents,
reports) is private and reached only through the views that check who asks; those paths answer
404 here. The images are read through the storage API, so the local disk and a bucket serve alike.
"""

import mimetypes
import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpRequest

from .validators import IMAGE_EXTENSIONS, checked_extension

# The upload_to folders of the public ImageFields (validated by decoding, so safe to show inline).
PUBLIC_MEDIA_FOLDERS = ("centres/logos/", "board/members/")
# Only images are shown from them: a file there named .pdf, .ps, .svg or .html is never served.
PUBLIC_MEDIA_EXTENSIONS = (*IMAGE_EXTENSIONS.values(), ".jpeg")


class CheckedTypeMixin:
    """Stores an upload under the extension its content calls for, not the one it was sent with.

    Every uploaded file is checked by content (PDF or an image Pillow decodes, see validators.py);
    ``fake.html`` starting with ``%PDF`` is stored as ``fake.pdf``, ``logo.pdf`` that is a PNG as
    ``logo.png``. Content of no known type keeps its name (no upload field accepts such content).
    """

    def save(self, name, content, max_length=None):
        extension = checked_extension(content)
        if name and extension:
            root, _old = posixpath.splitext(name)
            name = root + extension
        return super().save(name, content, max_length=max_length)


class CheckedTypeStorage(CheckedTypeMixin, FileSystemStorage):
    """The local disk (the embedded default); ``alliance.core.storage.PortalS3Storage`` for a bucket."""


def public_media(request: HttpRequest, path: str) -> FileResponse:
    if (not path.startswith(PUBLIC_MEDIA_FOLDERS) or ".." in path.split("/")
            or not path.lower().endswith(PUBLIC_MEDIA_EXTENSIONS)):
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
