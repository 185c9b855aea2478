"""/media/: only the public images (centre logos, Board members' photos), in every mode.

Everything else under MEDIA_ROOT (applications' documents, agreements, hosts' documents, reports)
is private and reached only through the views that check who asks; those paths answer 404 here.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.static import serve

# The upload_to folders of the public ImageFields (validated by decoding, so safe to show inline).
PUBLIC_MEDIA_FOLDERS = ("centres/logos/", "board/members/")


def public_media(request: HttpRequest, path: str) -> HttpResponse:
    if not path.startswith(PUBLIC_MEDIA_FOLDERS) or ".." in path.split("/"):
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
