"""Compare text a person reads with what ``pdftotext`` extracts from a report."""

import re

BIDI_MARKS = "\u202a\u202b\u202c\u200e\u200f"
# pdftotext reorders or drops the alef forms around the lam-alef ligatures (لا لأ لإ لى) and
# splits off the vowel marks; the remaining letters must appear in order.
ARABIC_UNSTABLE = re.compile("[\u0622\u0623\u0625\u0627\u0649\u0671\u064b-\u065f\u0670\\s]")


def normalised(text: str, language: str) -> str:
    text = "".join(ch for ch in text if ch not in BIDI_MARKS)
    if language == "ar":
        return ARABIC_UNSTABLE.sub("", text)
    if language == "zh-hans":
        # Chinese lines break between any two characters.
        return "".join(text.split())
    return " ".join(text.split())
