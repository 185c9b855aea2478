"""Lighthouse's four scores (performance, accessibility, best practices, SEO) of the main public
pages, on desktop and on a phone, against a running portal.

    npm i -E --no-save lighthouse@12.2.3           # once, into node_modules/ (not a test dependency)
    make run                                       # or any server with the demo data
    uv run python bench/lighthouse.py --base http://127.0.0.1:8000 [--languages en ar zh-hans]

Chromium comes from ``CHROME_PATH`` (default ``/usr/bin/chromium``). Each page is audited once, in
turn (never in parallel: scores fall on a busy machine). The table is printed; ``--json FILE``
also writes every score. Exits 1 when a page scores under ``--minimum`` (default 90) anywhere.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "/{language}/",
    "directory": "/{language}/centres/",
    "centre": "/{language}/centres/{slug}/",
    "figures": "/{language}/partnerships/",
    "pledges": "/{language}/partnerships/partner2connect/",
}


def first_centre_slug(base: str, language: str) -> str:
    """The first centre the directory links to, so the script needs no database access."""
    html = urllib.request.urlopen(f"{base}/{language}/centres/", timeout=30).read().decode()  # noqa: S310 - our server
    marker = f'href="/{language}/centres/'
    for chunk in html.split(marker)[1:]:
        slug = chunk.split("/", 1)[0]
        if slug and slug not in {"figures", "apply"} and '"' not in slug:
            return slug
    raise SystemExit("No centre is linked from the directory: load the demo data first.")


def audit(url: str, *, mobile: bool, chrome: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]
        if not mobile:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chrome},
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=300)
        result = json.loads(report.read_text())
    return {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--languages", nargs="+", default=["en", "ar", "zh-hans"])
    parser.add_argument("--pages", nargs="+", default=list(PAGES), choices=list(PAGES))
    parser.add_argument("--forms", nargs="+", default=["desktop", "mobile"], choices=["desktop", "mobile"])
    parser.add_argument("--minimum", type=int, default=90)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: npm i -E --no-save lighthouse@12.2.3", file=sys.stderr)
        return 2
    chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    rows = []
    print(f"{'page':<28} {'form':<8} " + " ".join(f"{name[:13]:>14}" for name in CATEGORIES))
    for language in args.languages:
        slug = first_centre_slug(args.base, language) if "centre" in args.pages else ""
        for name in args.pages:
            url = args.base + PAGES[name].format(language=language, slug=slug)
            for form in args.forms:
                try:
                    scores = audit(url, mobile=form == "mobile", chrome=chrome)
                except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
                    reason = (error.stderr or b"").decode(errors="replace").strip().splitlines()[-1:]
                    print(f"{language + ' ' + name:<28} {form:<8} failed: {' '.join(reason)}", flush=True)
                    scores = dict.fromkeys(CATEGORIES, 0)
                rows.append({"page": name, "language": language, "form": form, "url": url, **scores})
                print(f"{language + ' ' + name:<28} {form:<8} "
                      + " ".join(f"{scores[c]:>14}" for c in CATEGORIES), flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1))
    low = [row for row in rows if min(row[c] for c in CATEGORIES) < args.minimum]
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main())
