import json
import subprocess

import pytest
from django.core.management import call_command

from .crawl import crawl


@pytest.mark.django_db
def test_public_pages_are_valid_html(tmp_path, vnu_jar):
    call_command("load_demo", verbosity=0)
    files = {}
    for language in ("en", "ar"):
        for index, (path, html) in enumerate(crawl(language).items()):
            file = tmp_path / f"{language}-{index}.html"
            file.write_text(html)
            files[str(file)] = path
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar), "--errors-only", "--format", "json", *files],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(files.get(m["url"].removeprefix("file:"), m["url"]), m.get("lastLine"), m["message"])
              for m in messages if m["type"] == "error"]
    assert errors == []
