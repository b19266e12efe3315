"""Vietnamese names: normalising, splitting, the sort key and the accent-insensitive search key.

Order (DOMAIN.md): given name, then middle name, then family name. Each word compares letter by letter on
the Vietnamese alphabet (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y); only when the letters
are equal does the tone decide: none < huyền < hỏi < ngã < sắc < nặng.

The sort key is a plain string whose binary order (SQLite's default) is that order, so it can be stored
in an indexed column and compared anywhere without this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

# Foreign letters (f j w z) take their Latin places; digits come before letters.
ALPHABET = "0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {ch: chr(0x21 + i) for i, ch in enumerate(ALPHABET)}

# Combining marks that are tones, in their sort order (none = 0).
TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}

# Invisible characters that arrive from Excel or copy-paste and must not split or join words.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# "Ð" (U+00D0, Icelandic eth) appears for "Đ" in text converted from old Vietnamese encodings.
_LOOKALIKES = {ord("Ð"): "Đ", ord("ð"): "đ"}

_WORD_END = "\x02"  # below every letter: "ha" sorts before "hai"
_PART_END = "\x01"  # ends the middle name: "Văn" sorts before "Văn Thị" with the same given name


# Characters that change how text shows without being text: C0/C1 controls (ESC starts terminal sequences) and the
# bidirectional marks and overrides (LRM, RLM, ALM, LRE…RLO, LRI…PDI) that can disguise a name. Line breaks and tabs
# are whitespace, handled by each function below.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=65_536)  # an import normalises each cell when it plans and again when it writes; texts repeat
def normalize_text(text: str) -> str:
    """NFC, single spaces, no invisible or control characters, Đ for a look-alike: the form every one-line text is
    stored in."""
    return " ".join(_clean(text).split())


def normalize_block(text: str) -> str:
    """A text of several lines (minutes, notes) cleaned the same way; its line breaks and indents are kept."""
    lines = [line.rstrip() for line in _clean(text).splitlines()]
    return "\n".join(lines).strip()


def _clean(text: str) -> str:
    return _CONTROLS.sub("", unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_LOOKALIKES))


class NameParts(NamedTuple):
    family: str
    middle: str
    given: str


def split_name(full_name: str) -> NameParts:
    """Family name = first word, given name = last word, middle = the words between."""
    words = normalize_text(full_name).split(" ")
    if not words or words == [""]:
        return NameParts("", "", "")
    if len(words) == 1:
        return NameParts("", "", words[0])
    return NameParts(words[0], " ".join(words[1:-1]), words[-1])


def _letters_and_tone(word: str) -> tuple[str, int]:
    """Base letters (with their vowel marks ă â ê ô ơ ư, and đ) and the word's tone."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", word.casefold()):
        if ch in TONES:
            tone = tone or TONES[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def _letter_code(ch: str) -> str:
    """Our alphabet's code; a foreign letter sorts as its base letter (ŭ as u, as in Ê Đê names)."""
    code = _LETTER_CODE.get(ch)
    if code is None:
        code = _LETTER_CODE.get(unicodedata.normalize("NFD", ch)[0])
    if code is None:  # another script: after our letters, in code-point order, never a lone surrogate
        point = 0x80 + ord(ch)
        code = chr(point + 0x800 if 0xD800 <= point <= 0xDFFF else point)
    return code


@lru_cache(maxsize=8192)  # names share their words: an import of 10,000 members keys a few hundred words
def word_key(word: str) -> str:
    letters, tone = _letters_and_tone(normalize_text(word))
    return "".join(_letter_code(ch) for ch in letters if ch.isalnum()) + _WORD_END + str(tone)


def sort_key(full_name: str) -> str:
    parts = split_name(full_name)
    middle = "".join(word_key(w) for w in parts.middle.split(" ") if w)
    return word_key(parts.given) + middle + _PART_END + word_key(parts.family)


def text_key(text: str) -> str:
    """Vietnamese order of a plain text (a unit's name), word by word from the first."""
    return "".join(word_key(word) for word in normalize_text(text).split(" ") if word)


def lowercase_first(text: str) -> str:
    """“Vào Đảng chưa đủ …” → “vào Đảng chưa đủ …” (a label inside a sentence; proper nouns keep capitals)."""
    return text[:1].lower() + text[1:]


def fold(text: str) -> str:
    """Lower case without any diacritic (đ → d): "Nguyễn Văn Định" → "nguyen van dinh"."""
    words = (_fold_word(word) for word in normalize_text(text).split())
    return " ".join(word for word in words if word)


@lru_cache(maxsize=8192)  # word by word: the few hundred words of 10,000 names are folded once each
def _fold_word(word: str) -> str:
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(ch))
    return "".join(stripped.replace("đ", "d").split())


def matches(query: str, search_key: str) -> bool:
    """Every word of the query is found in the folded key ("van dinh" finds "Nguyễn Văn Định")."""
    return all(word in search_key for word in fold(query).split())


def told_apart(people: Sequence[tuple[str, date | None]]) -> list[str]:
    """Each person's name as a pick list shows it: a name two people share gets the birth year, "Nguyễn Văn An
    (1980)", or the whole birth date when the year is shared too; a name no one else has stays as it is."""
    same_name = Counter(fold(name) for name, _born in people)
    same_year = Counter((fold(name), born.year if born else None) for name, born in people)
    shown = []
    for name, born in people:
        if same_name[fold(name)] == 1 or born is None:
            shown.append(name)
        elif same_year[(fold(name), born.year)] == 1:
            shown.append(f"{name} ({born.year})")
        else:
            shown.append(f"{name} ({born.day:02d}/{born.month:02d}/{born.year})")
    return shown
