"""/media/: only the public images (centre logos, Board members' photos), in every mode.

Everything else in the media storage (applications' documents, agreements, hosts' documents,
reports) is private and reached only through the views that check who asks; those paths answer
404 here. The images are read through the storage API, so the local disk and a bucket serve alike.
"""

import mimetypes

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest

# The upload_to folders of the public ImageFields (validated by decoding, so safe to show inline).
PUBLIC_MEDIA_FOLDERS = ("centres/logos/", "board/members/")


def public_media(request: HttpRequest, path: str) -> FileResponse:
    if not path.startswith(PUBLIC_MEDIA_FOLDERS) or ".." in path.split("/"):
        raise Http404
    try:
        handle = default_storage.open(path, "rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation) as missing:
        raise Http404 from missing
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["Cache-Control"] = "public, max-age=86400"
    return response
