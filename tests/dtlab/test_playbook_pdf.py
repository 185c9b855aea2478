"""Playbook PDFs laid out by WeasyPrint from the playbook's data, one per language, checked with
pdftotext and pdfinfo (poppler-utils)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest
from django.core.files.base import ContentFile

from dtlab import services, tasks
from dtlab.demo import minimal_pdf
from dtlab.models import PlaybookDocument
from tests.factories import PlaybookFactory, PlaybookVersionFactory, ServiceFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) not installed"),
]


def _text(document: PlaybookDocument, tmp_path) -> tuple[str, int]:
    target = tmp_path / f"{document.language}.pdf"
    with document.file.open("rb") as handle:
        target.write_bytes(handle.read())
    if os.environ.get("PLAYBOOK_PDF_DIR"):  # keep a copy to look at
        shutil.copy(target, os.environ["PLAYBOOK_PDF_DIR"])
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text, pages


@pytest.fixture
def version():
    playbook = PlaybookFactory(
        title_en="Strategic Foresight Playbook", title_fr="Guide pratique de prospective stratégique",
        title_ar="الدليل العملي للاستشراف الاستراتيجي", title_zh_hans="战略预见行动手册",
        summary_en="How a centre builds trends research readiness.")
    service = ServiceFactory(name_en="Innovation Café", name_fr="Café de l'innovation")
    service.playbooks.set([playbook])
    return PlaybookVersionFactory(playbook=playbook, number="1.2", changes_en="Second edition.")


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["Strategic Foresight Playbook", "Version 1.2", "Innovation Café", "Second edition."]),
    ("fr", ["Guide pratique de prospective stratégique", "Café de l'innovation"]),
    # pdftotext gives the lam-alef ligature back as two letters in another order: no "لا" here.
    ("ar", ["الدليل العملي"]),
    ("zh-hans", ["战略预见行动手册"]),
])
def test_a_playbook_pdf_is_laid_out_from_its_data_in_its_language_on_several_pages(
        version, tmp_path, language, expected):
    document = PlaybookDocument.objects.create(version=version, language=language)
    started = time.perf_counter()
    services.playbook_document_generate(document_id=document.pk)
    print(f"{language}: {time.perf_counter() - started:.2f} s")
    document.refresh_from_db()
    text, pages = _text(document, tmp_path)
    assert pages >= 4
    for snippet in expected:
        assert snippet in text, (language, snippet)
    assert document.file.size > 10_000


def test_generating_again_replaces_the_placeholder_and_deletes_the_old_file(version):
    document = PlaybookDocument(version=version, language="en")
    document.file.save("old.pdf", ContentFile(minimal_pdf("old")), save=True)
    old = document.file.name
    tasks.generate_playbook_document.delay(document.pk)  # eager in tests: the task's body
    document.refresh_from_db()
    assert document.file.name != old and not document.file.storage.exists(old)
    assert document.file.size > 10_000
