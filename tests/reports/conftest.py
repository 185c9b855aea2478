import shutil
import subprocess
from pathlib import Path

import pytest

from alliance.celery import app as celery_app


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def eager_tasks(request):
    """Run the report task in-process (as ``make test`` does), even where a broker is configured."""
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def pdf_text():
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")

    def extract(path: str | Path, layout: bool = False) -> str:
        options = ["-layout"] if layout else []
        return subprocess.run(["pdftotext", "-enc", "UTF-8", *options, str(path), "-"], check=True,
                              capture_output=True, text=True).stdout

    return extract
