"""Hand message catalogs to translators as JSON and take their work back.

    uv run python scripts/i18n/catalog.py export fr > todo-fr.json    # untranslated or fuzzy
    uv run python scripts/i18n/catalog.py apply fr done-fr.json        # write translations in

The JSON is a list, one message a line, of {"msgid", "where", "msgstr": null} (plus
"msgid_plural" and "msgctxt" when the message has them), where "msgstr" is to become a
string, or a list of plural forms (as many as the language's Plural-Forms header says).
Placeholders (%(name)s, %s, {{ x }}) and HTML must be kept.
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
    todo = []
    for e in po:
        if e.obsolete or (e.translated() and "fuzzy" not in e.flags):
            continue
        item = {"msgid": e.msgid, "where": e.occurrences[0][0] if e.occurrences else ""}
        if e.msgid_plural:
            item["msgid_plural"] = e.msgid_plural
        if e.msgctxt:
            item["msgctxt"] = e.msgctxt
        todo.append({**item, "msgstr": None})
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in todo)
    sys.stdout.write(f"[\n{lines}\n]\n" if todo else "[]\n")


def apply(language: str, path: str) -> None:
    po = catalog(language)
    entries = {key(e): e for e in po}
    done = json.loads(Path(path).read_text())
    problems = []
    for item in done:
        entry = entries.get(f"{item.get('msgctxt') or ''}\x04{item['msgid']}")
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
