import pytest
from django.core.management import call_command

from .crawl import crawl
from .vnu import vnu_command, vnu_errors


@pytest.mark.django_db
def test_public_pages_are_valid_html(tmp_path, vnu_jar):
    call_command("load_demo", verbosity=0)
    files = {}
    for language in ("en", "ar"):
        for index, (path, html) in enumerate(crawl(language).items()):
            file = tmp_path / f"{language}-{index}.html"
            file.write_text(html)
            files[str(file)] = path
    assert vnu_errors(vnu_command(vnu_jar), files) == []
