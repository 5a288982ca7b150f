"""Clean text: the one place that decides which characters may reach a record.

Text typed into the window, given on the command line, written in case.toml or read from evidence can
carry characters that are not text: C0/C1 control characters (ESC sequences drive a terminal, NUL and
BEL end or ring it), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which make
``gpj.exe`` look like ``exe.jpg``), and zero-width characters that make one identifier look like
another. Two rules, per kind of field:

* **Identifiers** (registration numbers, marks, listing ids, URLs, marketplaces, e-mail addresses,
  complaint numbers) are matched and compared character by character, so an invisible character is
  never silently dropped: the value is refused with one sentence naming the field (:class:`HiddenTextError`).
* **Free text** (titles, names, sellers, reasons) is shown, printed and signed: each hidden character is
  replaced by U+FFFD (``\N{REPLACEMENT CHARACTER}``), so the record never carries it, the place where
  one was stays visible to a reviewer, and the checks report ``case.hidden_characters`` until the field
  is typed again. Tab and newline are kept.

Text read from evidence is cleaned by :func:`clean_evidence_text` (removed, not marked: a page's text
is matched, not retyped) and reported as ``evidence.hidden_characters`` by the checks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.core.errors import UserError

REPLACEMENT = "\ufffd"

# Bidirectional embeddings, overrides and isolates: the characters of "Trojan source" and of file names
# that read backwards. (LRM/RLM, U+200E/U+200F, only mark direction and are part of correct RTL text.)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that show as nothing but make one identifier differ from another.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u180e\u00ad\u034f\u115f\u1160\u3164\uffa0\u2800")
_KEPT_CONTROLS = frozenset("\t\n")


def _is_control(ch: str) -> bool:
    """C0 and C1 controls (and DEL), except tab and newline; a lone CR is a control here too."""
    o = ord(ch)
    return (o < 0x20 or 0x7F <= o <= 0x9F) and ch not in _KEPT_CONTROLS


def is_hidden_in_text(ch: str) -> bool:
    """A character that free text (shown, printed, signed) must not carry."""
    return _is_control(ch) or ch in BIDI_CONTROLS or ch in "\u2028\u2029"


def is_hidden_in_identifier(ch: str) -> bool:
    """A character an identifier must not carry: anything invisible or not text at all."""
    if ch in "\t\n" or is_hidden_in_text(ch) or ch in ZERO_WIDTH:
        return True
    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn")


def label(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (or the code alone for controls, which have no name)."""
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" {name}" if name else "")


def _labels(chars: Iterable[str]) -> list[str]:
    out: list[str] = []
    for ch in chars:
        lab = label(ch)
        if lab not in out:
            out.append(lab)
    return out


def hidden_in_text(text: str) -> list[str]:
    """Labels of the characters :func:`clean_free_text` would replace (each once, in order)."""
    return _labels(ch for ch in text if is_hidden_in_text(ch))


def hidden_in_identifier(text: str) -> list[str]:
    return _labels(ch for ch in text if is_hidden_in_identifier(ch))


def clean_free_text(text: str) -> str:
    """``text`` with every hidden character replaced by U+FFFD (CRLF first becomes a newline)."""
    if not isinstance(text, str) or not any(is_hidden_in_text(ch) for ch in text):
        return text
    text = text.replace("\r\n", "\n")
    return "".join(REPLACEMENT if is_hidden_in_text(ch) else ch for ch in text)


def clean_evidence_text(text: str) -> str:
    """Text read from a file with its hidden characters removed (tab and newline kept)."""
    if not any(is_hidden_in_text(ch) for ch in text):
        return text
    return "".join(ch for ch in text if not is_hidden_in_text(ch))


def printable(text: str) -> str:
    """For a terminal or a log line: hidden characters shown as \\uXXXX escapes, never sent raw."""
    return "".join(f"\\u{ord(ch):04x}" if is_hidden_in_identifier(ch) and ch != " " else ch for ch in text)


class HiddenTextError(UserError):
    """An identifier holds an invisible or control character; one sentence naming the field."""

    def __init__(self, field: str, what: str, chars: list[str]) -> None:
        from desktop_app.core.messages import catalogue, msg, render

        self.field = field
        self.chars = chars
        what_key = "clean_text.what." + re.sub(r"[^a-z]+", "_", what.casefold()).strip("_")
        self.key = "clean_text.hidden." + ("one" if len(chars) == 1 else "many")
        self.params = {
            "what": msg(what_key) if what_key in catalogue("en") else what,
            "field": field,
            "chars": ", ".join(chars),
        }
        super().__init__(render(self.key, self.params))


def require_identifier(value: str, field: str, what: str) -> str:
    """Return ``value`` unchanged, or refuse it when it holds a hidden character."""
    if not isinstance(value, str):  # not text at all: the store's own constraints answer that
        return value
    chars = hidden_in_identifier(value)
    if chars:
        raise HiddenTextError(field, what, chars)
    return value


@dataclass(frozen=True)
class Field:
    """One text field of a case: where it is (``listings[1].title``), what it is, and its value."""

    path: str
    what: str
    value: str
    identifier: bool


def case_fields(case) -> list[Field]:  # noqa: ANN001 - model.Case (imported lazily: model imports nothing)
    c = case.complainant
    out = [
        Field("title", "case title", case.title, False),
        Field("complainant.name", "complainant's name", c.name, False),
        Field("complainant.contact_name", "contact name", c.contact_name, False),
        Field("complainant.email", "e-mail address", c.email, True),
        Field("outcome.complaint_number", "complaint number", case.outcome.complaint_number, True),
        Field("outcome.decline_reason", "decline reason", case.outcome.decline_reason, False),
    ]
    for i, r in enumerate(case.rights, 1):
        out.extend(right_fields(r, f"rights[{i}]"))
    for i, li in enumerate(case.listings, 1):
        w = f"listings[{i}]"
        out += [
            Field(f"{w}.url", "listing URL", li.url, True),
            Field(f"{w}.marketplace", "marketplace", li.marketplace, True),
            Field(f"{w}.listing_id", "listing id", li.listing_id, True),
            Field(f"{w}.title", "listing title", li.title, False),
            Field(f"{w}.seller", "seller", li.seller, False),
        ]
    return out


def right_fields(right, where: str = "right") -> list[Field]:  # noqa: ANN001 - model.Right
    return [
        Field(f"{where}.registration_number", "registration number", right.registration_number, True),
        Field(f"{where}.mark", "mark", right.mark, True),
        Field(f"{where}.owner", "owner", right.owner, False),
    ]


def _set(case, path: str, value: str) -> None:  # noqa: ANN001
    obj = case
    parts = path.split(".")
    for part in parts[:-1]:
        if "[" in part:
            name, _, idx = part.partition("[")
            obj = getattr(obj, name)[int(idx.rstrip("]")) - 1]
        else:
            obj = getattr(obj, part)
    setattr(obj, parts[-1], value)


def clean_case(case) -> list[str]:  # noqa: ANN001 - model.Case
    """Make ``case`` safe to store: refuse an identifier with a hidden character (HiddenTextError, the
    first one found), replace hidden characters in free text by U+FFFD. Returns the paths of the free
    text fields changed. Idempotent."""
    fields = case_fields(case)
    for f in fields:
        if f.identifier:
            require_identifier(f.value, f.path, f.what)
    changed = []
    for f in fields:
        if not f.identifier:
            cleaned = clean_free_text(f.value)
            if cleaned != f.value:
                _set(case, f.path, cleaned)
                changed.append(f.path)
    return changed


def clean_right(right, where: str = "right") -> list[str]:  # noqa: ANN001 - model.Right
    """:func:`clean_case` for one right of the rights library."""
    changed = []
    for f in right_fields(right, where):
        if f.identifier:
            require_identifier(f.value, f.path, f.what)
    for f in right_fields(right, where):
        if not f.identifier and clean_free_text(f.value) != f.value:
            setattr(right, f.path.rsplit(".", 1)[1], clean_free_text(f.value))
            changed.append(f.path)
    return changed


def marked_fields(case) -> list[Field]:  # noqa: ANN001 - model.Case
    """Free-text fields that carry U+FFFD: where hidden characters were replaced (or text was not
    decodable when it was entered). What ``case.hidden_characters`` reports."""
    return [f for f in case_fields(case) if not f.identifier and REPLACEMENT in (f.value or "")]


def zero_based(path: str) -> str:
    """'listings[1].title' (as case.toml and messages count) → 'listings[0].title' (a finding's field)."""
    return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) - 1}]", path)
