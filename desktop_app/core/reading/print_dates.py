"""The date and time a browser printed in a page's header or footer ("Save as PDF").

Browsers print the local date and time in the locale's short form, without a time zone:
Chrome/Edge/Safari en-US "12/1/26, 3:04 PM", en-GB "01/12/2026, 15:04", de "01.12.26, 15:04",
fr/es/it/pt "01/12/2026 15:04", zh "2026/12/1 15:04" or "2026/12/1 下午3:04", Firefox the same
forms with seconds. The order of day and month is read from the form itself: a four-digit year first
is year/month/day, dots are day.month.year, an upper-case AM/PM with slashes is the US month/day/year,
slashes with a 24-hour clock are day/month/year. When a form does not settle the order and both
readings are dates, both are kept (``readings``), so a check can take the one that is worse for the
complainant: a date read the wrong way round must never make evidence look fresher than it is.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

_TIME = (
    r"(?P<sep>\s*,?\s*(?:um\s+|à\s+|a\s+las\s+|alle\s+|às\s+)?)"
    r"(?P<half1>上午|下午|午前|午後)?\s*"
    r"(?P<h>\d{1,2})\s*[:：h.]\s*(?P<m>\d{2})(?:\s*[:：]\s*(?P<s>\d{2}))?"
    r"(?:\s*(?P<half2>[AaPp]\.?\s?[Mm]\.?)(?![A-Za-z]))?"
)
_YMD = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*[/\-.年]\s*(?P<a>\d{1,2})\s*[/\-.月]\s*(?P<b>\d{1,2})\s*日?(?!\d)" + _TIME
)
_XYZ = re.compile(
    r"(?<!\d)(?P<a>\d{1,2})\s*(?P<d>[/.\-])\s*(?P<b>\d{1,2})\s*(?P=d)\s*(?P<y>\d{4}|\d{2})(?!\d)\.?" + _TIME
)


@dataclass(frozen=True)
class PrintedTime:
    """A date and time as printed: ``text`` exactly as read, at ``span`` of the line."""

    text: str
    span: tuple[int, int]
    readings: tuple[dt.datetime, ...]  # local time, no zone; two when day and month may be swapped
    order: str  # "YMD", "DMY", "MDY", or "DMY|MDY" when the form does not say

    @property
    def ambiguous(self) -> bool:
        return len(self.readings) > 1


def _hour(m: re.Match[str]) -> int | None:
    h = int(m.group("h"))
    half = (m.group("half2") or "").replace(".", "").replace(" ", "").lower()
    cjk = m.group("half1") or ""
    if half or cjk:
        if not 1 <= h <= 12:
            return None
        pm = half == "pm" or cjk in ("下午", "午後")
        return (h % 12) + (12 if pm else 0)
    return h if h <= 23 else None


def _make(y: int, month: int, day: int, hour: int, m: re.Match[str]) -> dt.datetime | None:
    try:
        return dt.datetime(y, month, day, hour, int(m.group("m")), int(m.group("s") or 0))
    except ValueError:
        return None


def find_print_time(text: str) -> PrintedTime | None:
    """The first printed date with a time of day in ``text`` (a header or footer line), or None."""
    line = unicodedata.normalize("NFKC", text or "")
    if len(line) != len(text or ""):
        line = text or ""  # keep spans in the text as read
    for m in _YMD.finditer(line):
        hour = _hour(m)
        when = (
            _make(int(m.group("y")), int(m.group("a")), int(m.group("b")), hour, m)
            if hour is not None
            else None
        )
        if when is not None:
            return PrintedTime(line[m.start() : m.end()].strip(), _span(line, m), (when,), "YMD")
    for m in _XYZ.finditer(line):
        hour = _hour(m)
        if hour is None:
            continue
        y = int(m.group("y"))
        y = y + 2000 if y < 100 else y
        a, b = int(m.group("a")), int(m.group("b"))
        dmy = _make(y, b, a, hour, m)
        mdy = _make(y, a, b, hour, m)
        sep = m.group("d")
        half = m.group("half2") or ""
        if sep == "." or (sep == "-" and not half):
            order, readings = "DMY", (dmy,)
        elif half.replace(".", "").replace(" ", "") in ("AM", "PM"):  # the US form: month first
            order, readings = "MDY", (mdy,)
        elif not half:  # slashes and a 24-hour clock: day first (en-GB, fr, es, it, pt)
            order, readings = "DMY", (dmy,)
        else:  # "1/12/26, 3:04 pm" (en-AU, en-IN) or a US form: the form does not say
            order, readings = "DMY|MDY", (dmy, mdy)
        found = tuple(r for r in readings if r is not None)
        if order != "DMY|MDY" and not found:  # "13/25/26": not a date the form allows; try the other
            found = tuple(r for r in (dmy, mdy) if r is not None)
            order = "DMY|MDY" if len(found) > 1 else ("DMY" if dmy is not None else "MDY")
        if not found:
            continue
        if len(found) == 2 and found[0] == found[1]:
            found = found[:1]
        return PrintedTime(line[m.start() : m.end()].strip(), _span(line, m), found, order)
    return None


def _span(line: str, m: re.Match[str]) -> tuple[int, int]:
    start, end = m.start(), m.end()
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end
