"""Where media and generated reports are kept: the local disk (the embedded default) or an
S3-compatible bucket (MinIO, Ceph, a cloud), reached only through Django's storage API, so that
any machine (web process or worker) reads what another wrote.
"""

from __future__ import annotations

import contextlib
import logging
import posixpath
from datetime import timedelta
from pathlib import Path
from urllib.parse import urljoin

from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.utils import timezone
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

from .media import CheckedTypeMixin

logger = logging.getLogger(__name__)


class PortalS3Storage(CheckedTypeMixin, S3Storage):
    """Every object private (no ACL grants anyone a read); the portal streams each one after its
    permission check, and ``url()`` gives the portal's own ``/media/`` address (where only the
    public images are served, see ``alliance.core.media``), never an address in the bucket. Uploads are
    named by their checked type, as on the local disk (``CheckedTypeMixin``)."""

    default_acl = "private"
    file_overwrite = False
    querystring_auth = True

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))


def save_complete(*, name: str, source: Path, storage: Storage = default_storage) -> str:
    """Store the local file ``source`` under a key no record points to yet (never overwriting
    one) and return that key.

    The caller records the key on its model only once this has returned, so a reader never
    meets half a file: on the local disk the file is written under a fresh name, in a bucket an
    object appears only when its upload is complete. The file a record pointed to before is
    the caller's to delete once the record points to the new one.
    """
    with source.open("rb") as stream:
        return storage.save(name, File(stream, name=posixpath.basename(name)))


def remove_unreferenced(*, folder: str, keep: str, older_than: timedelta,
                        storage: Storage = default_storage) -> list[str]:
    """Delete the files of ``folder`` other than ``keep`` last written before ``older_than``:
    what a process killed while storing left behind (one storing now is younger)."""
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    cutoff = timezone.now() - older_than
    removed = []
    for file_name in files:
        name = posixpath.join(folder, file_name)
        if name == keep:
            continue
        with contextlib.suppress(FileNotFoundError):
            if storage.get_modified_time(name) < cutoff:
                storage.delete(name)
                removed.append(name)
    if removed:
        logger.info("Removed %s unreferenced file(s) from %s", len(removed), folder)
    return removed
