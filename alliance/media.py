"""/media/: only the public images (centre logos, Board members' photos), in every mode.

Everything else under MEDIA_ROOT (applications' documents, agreements, hosts' documents, reports)
is private and reached only through the views that check who asks; those paths answer 404 here.
"""

import posixpath

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

from .validators import IMAGE_EXTENSIONS, checked_extension

# The upload_to folders of the public ImageFields (validated by decoding, so safe to show inline).
PUBLIC_MEDIA_FOLDERS = ("centres/logos/", "board/members/")
# Only images are shown from them: a file there named .pdf, .ps, .svg or .html is never served.
PUBLIC_MEDIA_EXTENSIONS = (*IMAGE_EXTENSIONS.values(), ".jpeg")


class CheckedTypeStorage(FileSystemStorage):
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


def public_media(request: HttpRequest, path: str) -> HttpResponse:
    if (not path.startswith(PUBLIC_MEDIA_FOLDERS) or ".." in path.split("/")
            or not path.lower().endswith(PUBLIC_MEDIA_EXTENSIONS)):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
