"""Hand message catalogs to translators as JSON and take their work back.

    uv run python scripts/i18n/catalog.py export fr > todo-fr.json    # untranslated or fuzzy
    uv run python scripts/i18n/catalog.py apply fr done-fr.json        # write translations in

The JSON is a list of {"id", "msgid", "msgid_plural", "msgctxt", "occurrences", "msgstr"}
where "msgstr" is a string, or a list of plural forms (as many as the language's
Plural-Forms header says). Placeholders (%(name)s, %s, {{ x }}) and HTML must be kept.
"""

import json
import re
import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdfi]|%[sdfi]|\{\{.*?\}\}|\{\w*\}")


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"), wrapwidth=0)


def key(entry: polib.POEntry) -> str:
    return f"{entry.msgctxt or ''}\x04{entry.msgid}"


def export(language: str) -> None:
    po = catalog(language)
    todo = [
        {"id": key(e), "msgid": e.msgid, "msgid_plural": e.msgid_plural or None,
         "msgctxt": e.msgctxt, "occurrences": [f for f, _ in e.occurrences][:2], "msgstr": None}
        for e in po
        if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)
    ]
    json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)


def apply(language: str, path: str) -> None:
    po = catalog(language)
    entries = {key(e): e for e in po}
    done = json.loads(Path(path).read_text())
    problems = []
    for item in done:
        entry = entries.get(item["id"])
        if entry is None or not item.get("msgstr"):
            continue
        translation = item["msgstr"]
        forms = translation if isinstance(translation, list) else [translation]
        expected = sorted(set(PLACEHOLDER.findall(entry.msgid)))
        for form in forms:
            if sorted(set(PLACEHOLDER.findall(form))) != expected and not entry.msgid_plural:
                problems.append(f"placeholders differ: {entry.msgid!r} -> {form!r}")
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = forms[0]
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{language}: {po.percent_translated()} % translated, {len(problems)} placeholder problems")


if __name__ == "__main__":
    command, language, *rest = sys.argv[1:]
    {"export": export, "apply": apply}[command](language, *rest)
