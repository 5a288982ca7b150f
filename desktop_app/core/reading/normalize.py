"""Normalising the values evidence is compared on: registration numbers, dates and party names.

Offices print the same fact in many ways ("6,123,456", "UK00003123456", "第12345678号"; "Mar. 14, 2021",
"14.03.2021", "2021年3月14日"; "Inc." vs "Incorporated"). Everything that compares such values goes
through here so the rules live in one place.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# ---------------------------------------------------------------------------------------------------------
# Registration numbers
# ---------------------------------------------------------------------------------------------------------

# Letters that OCR puts in place of digits inside a number.
_DIGIT_CONFUSIONS = str.maketrans(
    {
        "O": "0",
        "Q": "0",
        "D": "0",
        "I": "1",
        "L": "1",
        "|": "1",
        "!": "1",
        "S": "5",
        "B": "8",
        "Z": "2",
        "G": "6",
    }
)
# Prefixes offices put before the digits that carry no identity of their own.
_NUMBER_PREFIXES = ("UK", "TMA", "EUTM", "EU", "EM", "IR", "US", "CN", "WO", "RN", "TM")
_NUMBER_WORDS = re.compile(
    r"(?i)\b(?:u\.?\s?s\.?\s+)?(?:reg(?:istration|istered)?|serial|int(?:ernational)?|trade\s?mark|"
    r"application|app|no|nr|num(?:ber)?|n[°º])\b\.?|[第号號#№:：]|注册|註冊"
)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def normalize_registration_number(text: str, office: str | None = None) -> str:
    """The identity of a registration number: its digits without separators, prefixes or leading zeros.

    Letters inside a mostly-numeric number are read as the digits OCR confuses them with; a number
    that is genuinely alphanumeric keeps its letters (upper-cased).
    """
    s = _nfkc(text).strip()
    s = _NUMBER_WORDS.sub(" ", s)
    s = re.sub(r"[\s,.\-/_'’·]", "", s).upper()
    s = re.sub(r"[^0-9A-Z|!]", "", s)
    if not s:
        return ""
    for prefix in _NUMBER_PREFIXES:
        rest = s[len(prefix) :]
        if s.startswith(prefix) and rest and (rest[0].isdigit() or rest[0] in "OQD"):
            s = rest
            break
    digits = sum(c.isdigit() for c in s)
    if not digits:
        return ""  # no digit at all: not a registration number
    if digits >= 0.6 * len(s):
        s = s.translate(_DIGIT_CONFUSIONS)
    s = s.lstrip("0")
    return s or ("0" if text and "0" in text else "")


def same_registration_number(a: str, b: str, office: str | None = None) -> bool:
    """True when two printed registration numbers denote the same registration."""
    na, nb = normalize_registration_number(a, office), normalize_registration_number(b, office)
    return bool(na) and na == nb


# ---------------------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    (
        "january jan janvier janv januar jän enero ene gennaio gen janeiro",
        "february feb febr février fevrier fév fev februar febrero febbraio fevereiro",
        "march mar mars märz maerz marz marzo março marco",
        "april apr avril avr abril aprile",
        "may mai mayo maggio maio",
        "june jun juin juni junio giugno junho",
        "july jul juillet juil juli julio luglio lug julho",
        "august aug août aout agosto ago",
        "september sep sept septembre setiembre septiembre settembre set setembro",
        "october oct octobre oktober okt octubre ottobre ott outubro out",
        "november nov novembre noviembre novembro",
        "december dec déc décembre decembre dezember dez diciembre dic dicembre dezembro",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS.setdefault(_name, _num)

_MONTH_RE = "(?:" + "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"

_ZH_DIGITS = {
    "〇": 0,
    "零": 0,
    "○": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_ZH_NUM = "[〇零○Ｏ一二三四五六七八九十]"


def _zh_number(text: str) -> int:
    """二〇二五 -> 2025 (digit by digit); 十五 -> 15, 二十一 -> 21, 十 -> 10 (tens)."""
    if "十" not in text:
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (_ZH_DIGITS[tens] if tens else 1) * 10 + (_ZH_DIGITS[units] if units else 0)


_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 二〇二五年一月十五日 (formal Chinese letters)
    (
        "zh",
        re.compile(
            r"(?P<y>"
            + _ZH_NUM
            + r"{4})\s*年\s*(?P<m>"
            + _ZH_NUM
            + r"{1,2})\s*月\s*(?P<d>"
            + _ZH_NUM
            + r"{1,3})\s*[日号]"
        ),
    ),
    # 2021年03月14日, 2021 年 3 月 14 日
    ("ymd", re.compile(_YEAR + r"\s*年\s*(?P<m>[01]?\d)\s*月\s*(?P<d>[0-3]?\d)\s*[日号]?")),
    # 2021-03-14, 2021/3/14, 2021.03.14
    (
        "ymd",
        re.compile(r"(?<!\d)" + _YEAR + r"\s?(?P<s>[-/.])\s?(?P<m>[01]?\d)\s?(?P=s)\s?(?P<d>[0-3]?\d)(?!\d)"),
    ),
    # 2031 03-13: OCR read the first hyphen of an ISO date as a space
    ("ymd", re.compile(r"(?<![\d.\-/])" + _YEAR + r"\s(?P<m>[01]\d)(?P<s>[-/.])(?P<d>[0-3]\d)(?![\d.\-/])")),
    # Mar. 14, 2021 / March 14th 2021
    ("mdy_text", re.compile(r"(?i)(?P<mon>" + _MONTH_RE + r")\s*" + _DAY + r"\s*,?\s*" + _YEAR)),
    # 14 March 2021 / 14. März 2021 / 14 de marzo de 2021 / 14-Mar-2021
    (
        "dmy_text",
        re.compile(
            r"(?i)(?<!\d)"
            + _DAY
            + r"\s*(?:de\s*|-|/)?\s*(?P<mon>"  # OCR glues "de" to its neighbours: "14 demarzo de2021"
            + _MONTH_RE
            + r")(?![a-z])\s*(?:de\s*|-|/|,)?\s*"
            + _YEAR
        ),
    ),
    # 14/03/2021, 03-14-2021, 3-14-2021, 14.03.2021
    (
        "num",
        re.compile(
            r"(?<![\d.])(?P<a>[0-3]?\d)\s?(?P<s>[-/.])\s?(?P<b>[01]?\d|[0-3]\d)\s?(?P=s)\s?"
            + _YEAR
            + r"(?!\d)"
        ),
    ),
]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _date_from_match(kind: str, m: re.Match[str], order_hint: str | None) -> dt.date | None:
    if kind == "zh":
        try:
            return _safe_date(_zh_number(m.group("y")), _zh_number(m.group("m")), _zh_number(m.group("d")))
        except (KeyError, ValueError):
            return None
    y = int(m.group("y"))
    if kind == "ymd":
        return _safe_date(y, int(m.group("m")), int(m.group("d")))
    if kind in ("mdy_text", "dmy_text"):
        month = _MONTHS.get(m.group("mon").lower().rstrip("."))
        return _safe_date(y, month, int(m.group("d"))) if month else None
    a, b, sep = int(m.group("a")), int(m.group("b")), m.group("s")
    if a > 12 and b <= 12:
        return _safe_date(y, b, a)
    if b > 12 and a <= 12:
        return _safe_date(y, a, b)
    # Ambiguous: the caller's hint wins; otherwise "-" (USPTO "first use 3-14-2021") is month first and
    # "/" or "." (European, UK, WIPO, Chinese) is day first.
    order = order_hint or ("mdy" if sep == "-" else "dmy")
    return _safe_date(y, a, b) if order == "mdy" else _safe_date(y, b, a)


_LABEL_WORDS = (
    "registered",
    "filed",
    "date",
    "dated",
    "on",
    "issued",
    "until",
    "expires",
    "renewal",
    "use",
    "commerce",
    "from",
    "to",
    "du",
    "le",
    "am",
    "vom",
    "bis",
    "el",
    "al",
    "de",
)


def _month_bounded(s: str, start: int) -> bool:
    """A month name starts a word: after a non-letter, or camel-case after OCR lost a space ("FiledMar.")."""
    if start == 0 or not s[start - 1].isalpha():
        return True
    if s[start].isupper() and s[start - 1].islower():
        return True
    return s[:start].casefold().endswith(_LABEL_WORDS)


def find_dates(text: str, order_hint: str | None = None) -> list[tuple[dt.date, tuple[int, int]]]:
    """Every date printed in ``text`` with its (start, end) span, in reading order, non-overlapping."""
    s = _nfkc(text)
    found: list[tuple[dt.date, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        for m in pattern.finditer(s):
            span = m.span()
            if "mon" in m.groupdict() and not _month_bounded(s, m.start("mon")):
                continue
            if any(span[0] < e and s_ < span[1] for s_, e in taken):
                continue
            date = _date_from_match(kind, m, order_hint)
            if date is not None:
                found.append((date, span))
                taken.append(span)
    found.sort(key=lambda item: item[1][0])
    return found


def parse_date(text: str, order_hint: str | None = None) -> dt.date | None:
    """The first date printed in ``text`` or None. ``order_hint`` ("dmy"/"mdy") settles 03/04/2021."""
    if isinstance(text, dt.date):
        return text
    dates = find_dates(text or "", order_hint)
    return dates[0][0] if dates else None


# ---------------------------------------------------------------------------------------------------------
# Company / party names
# ---------------------------------------------------------------------------------------------------------

# Multi-word legal forms first; each maps to one canonical token.
_LEGAL_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), c)
    for p, c in (
        (r"\bpublic limited company\b", " plc "),
        (r"\blimited liability company\b", " llc "),
        (r"\bl\s?l\s?c\b", " llc "),
        (r"\bcompany limited\b", " co ltd "),
        (r"\bco\s+ltd\b", " co ltd "),
        (r"\bincorporated\b", " inc "),
        (r"\bcorporation\b", " corp "),
        (r"\bcompany\b", " co "),
        (r"\blimited\b", " ltd "),
        (r"\bg\s?m\s?b\s?h\b", " gmbh "),
        (r"\bs\s?a\s?r\s?l\b", " sarl "),
        (r"\bs\s?r\s?l\b", " srl "),
        (r"\bs\s?p\s?a\b", " spa "),
        (r"\bs\s?a\s?s\b", " sas "),
        (r"\bs\s?a\b", " sa "),
        (r"\bb\s?v\b", " bv "),
        (r"\bn\s?v\b", " nv "),
        (r"\bpty\b", " pty "),
        (r"\bk\s?k\b", " kk "),
    )
]
_LEGAL_TOKENS = {
    "inc",
    "corp",
    "co",
    "ltd",
    "llc",
    "plc",
    "gmbh",
    "sarl",
    "srl",
    "spa",
    "sas",
    "sa",
    "bv",
    "nv",
    "pty",
    "ag",
    "kg",
    "kk",
    "lp",
    "llp",
    "oy",
    "ab",
    "as",
    "sl",
    "sro",
    "pte",
    "bhd",
    "sdn",
    "tbk",
    "pt",
    "jsc",
    "ooo",
    "the",
    "kft",
    "ltda",
    "cv",
    "de",
    "oyj",
}
_CJK_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "有限公司",
    "集团公司",
    "集團公司",
    "公司",
    "株式会社",
)
# "..., a Delaware corporation" and similar descriptions certificates append to the owner.
_DESCRIPTOR_LEAD = re.compile(r"(?i)[,(]\s*an?\s+[a-z ]*(?:corporation|company|partnership|individual)\b.*$")
_DESCRIPTOR_PAREN = re.compile(
    r"(?i)\(\s*[^()]*\b(?:corporation|company|partnership|individual|organi[sz]ed|"
    r"incorporated|citizen|limited liability)\b[^()]*\)?\s*$"
)


def normalize_company_name(name: str) -> str:
    """A comparable form of a party name: case, width, punctuation and legal-form spelling folded."""
    s = _nfkc(name).strip()
    s = _DESCRIPTOR_LEAD.sub("", s)
    s = _DESCRIPTOR_PAREN.sub("", s)
    s = s.casefold().replace("&", " and ").replace("＆", " and ")
    for form in _CJK_FORMS:
        if s.endswith(form):
            s = s[: -len(form)] + " co ltd " if form != "公司" else s[: -len(form)] + " co "
            break
    s = re.sub(r"[.'’`´]", "", s)  # "Inc." -> "inc", "L.L.C." -> "llc"
    s = re.sub(r"[^\w]+", " ", s)
    for pattern, canonical in _LEGAL_FORMS:
        s = pattern.sub(canonical, s)
    return " ".join(s.split())


def company_core(name: str) -> str:
    """The distinctive part of a party name: the normalised name without legal-form tokens."""
    tokens = normalize_company_name(name).split()
    while tokens and tokens[-1] in _LEGAL_TOKENS:
        tokens.pop()
    while tokens and tokens[0] == "the":
        tokens.pop(0)
    return " ".join(tokens)


def legal_form(name: str) -> str:
    """The canonical legal-form tokens at the end of a party name ("co ltd", "inc"), or ""."""
    tokens = normalize_company_name(name).split()
    tail: list[str] = []
    while tokens and tokens[-1] in _LEGAL_TOKENS:
        tail.insert(0, tokens.pop())
    return " ".join(tail)
