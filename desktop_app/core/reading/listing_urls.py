"""Listing addresses: which marketplace, store country and listing id a URL names; URLs found in text.

Addresses come pasted by users (with tracking parameters, without a scheme, with stray whitespace)
or read by OCR from an address bar (with spaces inserted and "https://" lost). Only addresses that
can be resolved offline are accepted; short links have to be opened in a browser first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

from desktop_app.core.errors import UserError
from desktop_app.core.marketplaces import (
    MarketplaceProfile,
    all_profiles,
    profile_for_host,
    short_link_profile,
)

OK = "ok"
SHORT_LINK = "short_link"
NO_ID = "no_id"
UNRECOGNISED = "unrecognised"
INVALID = "invalid"

DEFAULT_URL_LIMIT = 300  # Alibaba IPP, the largest per-complaint limit among the supported platforms


@dataclass(frozen=True)
class ListingRef:
    url: str  # the cleaned address (scheme added, whitespace removed)
    marketplace: str  # profile key or ""
    listing_id: str  # "" when none
    country: str  # ISO 3166 alpha-2 of the store, "" when global or unknown
    status: str  # ok | short_link | no_id | unrecognised | invalid
    message: str = ""  # one sentence when status is not ok (English)
    # the sentence's catalogue key and params (core/messages.py), to show it in another language
    message_key: str = field(default="", compare=False)
    message_params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def ok(self) -> bool:
        return self.status == OK

    def reason(self) -> dict[str, Any] | None:
        """The problem as a catalogue message (without its full stop), for another message to quote."""
        from desktop_app.core.messages import msg

        return msg(self.message_key, **self.message_params) if self.message_key else None

    def text(self, language: str = "en") -> str:
        """``message`` in ``language``."""
        from desktop_app.core.messages import render_safe

        if not self.message_key:
            return self.message
        return render_safe("fmt.sentence", {"text": self.reason()}, language, self.message)


def _refused(address: str, market: str, country: str, status: str, key: str, **params: Any) -> ListingRef:
    """A ListingRef whose message is the catalogue sentence ``key`` (English stored, key kept)."""
    from desktop_app.core.messages import msg, render

    message = render("fmt.sentence", {"text": msg(key, **params)})
    return ListingRef(address, market, "", country, status, message, key, params)


_SCHEME_JUNK = re.compile(r"(?i)^\s*(?:h\s*t+\s*p\s*s?|hxxps?|ttps?|tps?)\s*[:;.]?\s*/\s*/\s*")
_HOST_RE = re.compile(r"(?i)^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.?$")


def clean_url(url: str) -> str:
    """The address with width folded, whitespace and wrapping quotes removed and a scheme added."""
    s = unicodedata.normalize("NFKC", url or "").strip()
    s = s.strip("<>\"'`“”‘’()[]{}")
    s = re.sub(r"\s+", "", s)
    s = s.rstrip(".,;:!)]}>。，；")
    if not s:
        return ""
    m = _SCHEME_JUNK.match(s)
    if m:
        s = s[m.end() :]
    elif s.startswith("//"):
        s = s[2:]
    return "https://" + s


def _listing_id(profile: MarketplaceProfile, path: str, query: str) -> str:
    for pattern in profile.id_patterns:
        target = path if pattern.where == "path" else query
        m = pattern.regex.search(target)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("id"):
            value = groups["id"]
        else:
            value = (profile.id_join or "").join(v for v in m.groups() if v)
        for ch in profile.id_strip:
            value = value.replace(ch, "")
        if profile.id_upper:
            value = value.upper()
        if profile.id_format.search(value):
            return value
    return ""


_EXPLICIT_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*)\s*:(?!\d)")
_SCHEME_TYPOS = re.compile(r"(?i)^(?:h\s*t+\s*p\s*s?|hxxps?|ttps?|tps?)$")


def _shown(raw: str, limit: int = 80) -> str:
    """The address for a message: anything not plain printable ASCII escaped (a Cyrillic "а" shows as
    \\u0430, never as an "a"), long ones cut."""
    text = "".join(ch if ch.isascii() and ch.isprintable() else f"\\u{ord(ch):04x}" for ch in raw)
    return "'" + (text if len(text) <= limit else text[: limit - 1] + "…") + "'"


def unsafe_url_reason(url: str) -> str:
    """Why an entered listing address cannot be a marketplace listing's address at all, or "".

    Only http(s) is a web page (javascript:, data:, file: are refused); the host must be plain ASCII
    or its punycode form, so a lookalike letter ("www.аliexpress.com" with a Cyrillic а) is never
    taken for the marketplace.
    """
    from desktop_app.core.messages import render

    found = _unsafe(url)
    return render(*found) if found is not None else ""


def unsafe_url_message(url: str) -> dict[str, Any] | None:
    """``unsafe_url_reason`` as a catalogue message (``messages.msg``), to be said in any language."""
    from desktop_app.core.messages import msg

    found = _unsafe(url)
    return msg(found[0], **found[1]) if found is not None else None


def _unsafe(url: str) -> tuple[str, dict[str, Any]] | None:
    """(catalogue key, params) of why ``url`` cannot be a listing address at all, or None."""
    from desktop_app.core.messages import msg

    raw = (url or "").strip()
    m = _EXPLICIT_SCHEME.match(raw)
    if m and m.group(1).lower() not in ("http", "https") and not _SCHEME_TYPOS.match(m.group(1)):
        return "url.scheme", {"shown": _shown(raw), "scheme": m.group(1).lower()}
    try:
        host = urlsplit(clean_url(raw)).netloc.rsplit("@", 1)[-1].split(":", 1)[0] if raw else ""
    except ValueError:  # "0[0": an unbalanced bracket (found by tests/hostile/test_properties.py)
        return "url.not_web", {"shown": _shown(raw)}
    if any(ord(ch) > 127 for ch in host):
        try:
            puny = host.encode("idna").decode("ascii")
        except UnicodeError:
            puny = ""
        return "url.non_ascii_host", {
            "shown": _shown(raw),
            "punycode": msg("url.punycode", puny=puny) if puny else "",
        }
    return None


def parse_listing_url(url: str) -> ListingRef:
    """What a listing address names; never raises: problems come back as a status and one sentence."""
    raw = (url or "").strip()
    unsafe = _unsafe(raw)
    if unsafe is not None:
        key, params = unsafe
        key = "url.non_ascii_host.sentence" if key == "url.non_ascii_host" else key  # "The host of ..."
        return _refused(raw, "", "", INVALID, key, **params)
    cleaned = clean_url(raw)
    if not cleaned:
        return _refused(raw, "", "", INVALID, "url.empty")
    try:
        parts = urlsplit(cleaned)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:
        return _refused(cleaned, "", "", INVALID, "url.not_web", shown=repr(raw))
    if not host or not _HOST_RE.match(host) or not re.search(r"[a-z]", host.rsplit(".", 1)[-1]):
        return _refused(cleaned, "", "", INVALID, "url.not_web", shown=repr(raw))
    path = unquote(parts.path or "")
    query = parts.query or ""
    short = short_link_profile(host, path)
    if short is not None:
        return _refused(
            cleaned, short.key, "", SHORT_LINK, "url.short_link", url=cleaned, marketplace=short.key
        )
    profile = profile_for_host(host)
    if profile is None:
        known = [p.key for p in all_profiles()]
        return _refused(cleaned, "", "", UNRECOGNISED, "url.unknown_host", host=host, known=known)
    country = profile.country_for_host(host)
    listing_id = _listing_id(profile, path, query)
    if not listing_id:
        return _refused(
            cleaned,
            profile.key,
            country,
            NO_ID,
            "url.no_id",
            url=cleaned,
            marketplace=profile.key,
            id_label=profile.id_label,
        )
    if not country and profile.id_prefix_countries:
        country = profile.id_prefix_countries.get(listing_id[:3], "")
    return ListingRef(cleaned, profile.key, listing_id, country, OK, "")


# ---------------------------------------------------------------------------------------------------------
# Finding addresses in text
# ---------------------------------------------------------------------------------------------------------

_JOIN_AROUND = re.compile(r"\s*([./:?=&#%_~+-])\s*")
_SCHEME_FIX = re.compile(r"(?i)\b(?:h\s*t+\s*p\s*s?|hxxps?)\s*[:;.]\s*/\s*/\s*")
_URL_IN_TEXT = re.compile(
    r"(?i)(?:https?://)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,13}(?::\d{2,5})?(?:[/?#][^\s\"'<>，。]*)?"
)
_KNOWN_TLDS = (
    "com",
    "cn",
    "net",
    "org",
    "hk",
    "us",
    "ru",
    "uk",
    "de",
    "fr",
    "it",
    "es",
    "jp",
    "ca",
    "mx",
    "br",
    "in",
    "au",
    "nl",
    "se",
    "pl",
    "sg",
    "ae",
    "sa",
    "tr",
    "eg",
    "be",
    "at",
    "ch",
    "ie",
    "my",
    "ph",
    "id",
    "th",
    "vn",
    "tw",
    "co",
    "ar",
    "cl",
    "pe",
    "uy",
    "ve",
    "ec",
    "bo",
    "py",
    "cr",
    "do",
    "pa",
    "gt",
    "me",
    "ee",
    "to",
    "eu",
    "la",
    "asia",
)


def _plausible(candidate: str) -> bool:
    """Whether a URL-looking string is really an address (not "e.g." or "12.50")."""
    has_scheme = candidate.lower().startswith(("http://", "https://"))
    rest = re.sub(r"(?i)^https?://", "", candidate)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].lower()
    path = rest[len(host) :].split("?", 1)[0]
    tld = host.rsplit(".", 1)[-1].split(":")[0]
    if tld not in _KNOWN_TLDS and not has_scheme:
        return False
    if has_scheme or host.startswith("www."):
        return True
    return profile_for_host(host) is not None or short_link_profile(host, path) is not None


def find_urls(text: str) -> list[str]:
    """URL-like strings in OCR or pasted text, cleaned (spaces OCR inserted removed, scheme added).

    Works line by line so an address never swallows the next line.
    """
    out: list[str] = []
    for line in unicodedata.normalize("NFKC", text or "").splitlines():
        line = _SCHEME_FIX.sub("https://", line)
        line = _JOIN_AROUND.sub(r"\1", line)
        for m in _URL_IN_TEXT.finditer(line):
            candidate = m.group(0).rstrip(",;:!)]}>")
            truncated = candidate.endswith("..") or line[m.end() : m.end() + 1] in ("…", "⋯")
            candidate = candidate.rstrip(".")
            if "@" in candidate.split("/", 1)[0] or (truncated and "/" in candidate.split("://")[-1]):
                continue  # an e-mail address, or an address bar cut short ("...?id=6789…"): not the URL
            if _plausible(candidate):
                url = clean_url(candidate)
                if url not in out:
                    out.append(url)
    return out


def split_pasted_urls(text: str, limit: int = DEFAULT_URL_LIMIT) -> list[str]:
    """Addresses pasted into a box, one per line (several on a line are split too), deduplicated.

    Raises UserError when more than ``limit`` addresses are pasted: one complaint cannot carry them.
    """
    out: list[str] = []
    for line in (text or "").splitlines():
        line = line.strip().strip(",;")
        if not line:
            continue
        pieces = re.findall(r"(?i)(?:https?://|www\.)[^\s,;\"'<>]+", line)
        if not pieces:  # no scheme: the first column of a spreadsheet row, or the whole line
            pieces = [line.split("\t", 1)[0]]
        for piece in pieces:
            piece = piece.strip().strip(",;")
            if piece and piece not in out:
                out.append(piece)
    if len(out) > limit:
        raise UserError(
            f"{len(out)} listing addresses were pasted but one complaint takes at most {limit}; "
            "split them over several cases."
        )
    return out


# ---------------------------------------------------------------------------------------------------------
# Listing addresses read from a capture (address bar, print header/footer, page text)
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadRef:
    """A listing address (or the part of one that names the listing) read from one line of evidence.

    ``id_span`` is where the id stands in the line *as read* (``text[id_span[0]:id_span[1]]`` is the
    quote), so a finding quotes the recogniser's characters, never the normalised id.
    """

    ref: ListingRef
    id_span: tuple[int, int]
    fragment: bool = False  # only a piece of an address ("htm?id=…"), parsed with the case's marketplace


# Characters OCR reads in place of digits; folded only inside digit runs of an all-digit id alphabet.
_DIGIT_FOLD = str.maketrans({"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "i": "1"})
_DIGITISH_RUN = re.compile(r"(?<![A-Za-z])[0-9OoDlIi|]{6,}(?![A-Za-z])")


def numeric_ids(profile: MarketplaceProfile) -> bool:
    """Whether the marketplace's listing ids are digits only (then O/0 and l/1 cannot be ambiguous)."""
    samples = ("123456789012", "1234567.123456789")
    return any(profile.id_format.search(s) for s in samples) and not any(
        profile.id_format.search(s.replace("5", "A").replace("7", "x")) for s in samples
    )


def _fold_digit_runs(s: str) -> str:
    """O→0, l/I→1 inside runs that are mostly digits (an id misread), never in words ("item", "Olympic")."""

    def fix(m: re.Match[str]) -> str:
        run = m.group(0)
        digits = sum(c.isdigit() for c in run)
        return run.translate(_DIGIT_FOLD) if digits >= 0.7 * len(run) else run

    return _DIGITISH_RUN.sub(fix, s)


def _parse_folded(url: str) -> ListingRef:
    """parse_listing_url, and for all-digit id alphabets again with O/0 and l/1 confusions folded."""
    ref = parse_listing_url(url)
    if ref.status not in (OK, NO_ID) or not ref.marketplace:
        return ref
    from desktop_app.core.marketplaces import get_profile

    if not numeric_ids(get_profile(ref.marketplace)):
        return ref
    parts = urlsplit(ref.url)
    folded = parts._replace(path=_fold_digit_runs(parts.path), query=_fold_digit_runs(parts.query)).geturl()
    if folded == ref.url:
        return ref
    again = parse_listing_url(folded)
    # "?id=678912l45678": unfolded, the id stops at the "l"; folded, it is whole
    return again if again.ok and len(again.listing_id) > len(ref.listing_id) else ref


_HOST_FOLDS = (
    str.maketrans({"0": "o"}),
    str.maketrans({"0": "o", "1": "l"}),
    str.maketrans({"0": "o", "1": "i"}),
)


def _parse_read_host(url: str) -> ListingRef:
    """_parse_folded, and when the host is no marketplace's, again with the digits OCR puts in place of
    letters in a host ("item.taoba0.com") read as those letters. Only for addresses read from evidence:
    an address the user types is never matched to a marketplace it only resembles."""
    ref = _parse_folded(url)
    if ref.status != UNRECOGNISED:
        return ref
    parts = urlsplit(ref.url)
    host = parts.hostname or ""
    if not re.search(r"[01]", host):
        return ref
    for fold in _HOST_FOLDS:
        again = _parse_folded(parts._replace(netloc=parts.netloc.translate(fold)).geturl())
        if again.ok and again.listing_id:
            return again
    return ref


def locate_id(text: str, listing_id: str, near: int = 0) -> tuple[int, int] | None:
    """Where ``listing_id`` stands in ``text`` as read: case, OCR lookalikes (O/0, l/1), separators and
    stray spaces tolerated. The occurrence nearest to ``near`` wins."""
    parts: list[str] = []
    for ch in listing_id:
        if ch == "0":
            parts.append("[0OoDQ]")
        elif ch == "1":
            parts.append("[1lIi|!]")
        elif ch.isalpha():
            parts.append(f"[{re.escape(ch.upper() + ch.lower())}]")
        elif ch.isalnum():
            parts.append(re.escape(ch))
        else:
            parts.append(f"[{re.escape(ch)}]?")
    if not parts:
        return None
    pattern = re.compile(r"(?<![A-Za-z0-9])" + r"[\s\-_]{0,2}".join(parts) + r"(?![0-9])")
    best: tuple[int, int] | None = None
    for m in pattern.finditer(text):
        if best is None or abs(m.start() - near) < abs(best[0] - near):
            best = (m.start(), m.end())
    if best is None:  # glued to a letter before it ("ASINB0…", "MLB-123…" read as one word)
        m = re.compile(r"[\s\-_]{0,2}".join(parts)).search(text)
        best = (m.start(), m.end()) if m else None
    return best


_FRAGMENT = re.compile(r"[^\s\"'<>，。]*[/?=][^\s\"'<>，。]*")


def _fragment_refs(text: str, profile: MarketplaceProfile) -> list[tuple[ListingRef, int]]:
    """Pieces of an address without a host ("item.htm?id=6789…", "/itm/3955…"), parsed with one profile."""
    out: list[tuple[ListingRef, int]] = []
    squeezed = _JOIN_AROUND.sub(r"\1", text)
    for m in _FRAGMENT.finditer(squeezed):
        token = m.group(0).rstrip(".,;:!)]}>")
        head = re.split(r"[/?#]", re.sub(r"(?i)^[a-z]+://", "", token), maxsplit=1)[0].lower()
        if "." in head and head.rsplit(".", 1)[-1] in _KNOWN_TLDS:
            continue  # an address on some other site, not a piece of this marketplace's
        if "?" in token and "=" in token.split("?", 1)[1]:
            path, query = token.split("?", 1)
        elif "/" in token:
            path, query = token, ""
        else:
            continue
        path = "/" + path.lstrip("/") if path else ""
        for p, q in ((path, query), (_fold_digit_runs(path), _fold_digit_runs(query))):
            listing_id = _listing_id(profile, unquote(p), q)
            if listing_id:
                country = profile.id_prefix_countries.get(listing_id[:3], "")
                out.append((ListingRef(token, profile.key, listing_id, country, OK, ""), m.start()))
                break
            if not numeric_ids(profile):
                break
    return out


def _whole_line_url(line: str) -> str:
    """An address bar line OCR broke with spaces ("item.taobao.com/item.htm?id=6789 12345678"): when the
    line without its whitespace is one address and nothing else, that address."""
    squeezed = _SCHEME_FIX.sub("https://", re.sub(r"\s+", "", line))
    m = _URL_IN_TEXT.fullmatch(squeezed.rstrip(".,;:!)]}>…"))
    if m and _plausible(m.group(0)) and re.search(r"[/?]", m.group(0).split("://")[-1]):
        return clean_url(m.group(0))
    return ""


def read_listing_refs(text: str, marketplace: str = "") -> list[ReadRef]:
    """Every listing a line of evidence names: full addresses, and, for ``marketplace``, pieces of one.

    Tolerates what OCR does to an address bar: spaces inside the address, a lost or mangled scheme,
    O/0 and l/1 confusions in an all-digit id. Never raises.
    """
    line = text or ""  # offsets stay in the text as read; find_urls folds width itself
    found: list[tuple[ListingRef, int, bool]] = []
    urls = find_urls(line)
    whole = _whole_line_url(line)
    if whole and whole not in urls:
        urls.insert(0, whole)
    for url in urls:
        ref = _parse_read_host(url)
        if ref.ok and ref.listing_id:
            host = urlsplit(ref.url).hostname or ""
            near = max(0, line.lower().find(host.split(".")[-2] if "." in host else host))
            found.append((ref, near, False))
    if not found and marketplace:
        from desktop_app.core.marketplaces import get_profile

        try:
            profile = get_profile(marketplace)
        except Exception:  # noqa: BLE001 - an unknown marketplace key: nothing to parse pieces with
            profile = None
        if profile is not None:
            found.extend((ref, pos, True) for ref, pos in _fragment_refs(line, profile))
    out: list[ReadRef] = []
    seen: set[tuple[str, str]] = set()
    for ref, near, fragment in found:
        key = (ref.marketplace, ref.listing_id)
        if key in seen:
            continue
        seen.add(key)
        shown = ref.listing_id.rsplit(".", 1)[-1] if ref.marketplace == "shopee" else ref.listing_id
        span = locate_id(line, shown, near) or (0, len(line))
        out.append(ReadRef(ref, span, fragment))
    return out
