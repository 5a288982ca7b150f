"""Marketplace profiles: the ONE loader of ``resources/marketplaces/*.json``.

A profile is data (hosts, id patterns, the IP platform, where rights must be valid, the per-complaint
URL limit and what a complaint there requires) so that adding a marketplace or a country store is a
JSON edit, not a code change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from desktop_app.core.errors import NotFoundError
from desktop_app.core.resources import load_json, resource_path

ANY = "*"  # in expected_offices(): a registration from any office is accepted
# How old a web capture of a listing may be at filing. No marketplace publishes a number; their
# programmes ask for evidence of the listing "as it is" and listings change within weeks (price,
# photos, the seller's edits after a warning), so 30 days is our conservative default. A profile's
# "capture_max_age_days" overrides it.
DEFAULT_CAPTURE_MAX_AGE_DAYS = 30


@dataclass(frozen=True)
class HostRule:
    suffix: str  # the host itself or a parent domain ("amazon.co.uk" covers "www.amazon.co.uk")
    country: str  # ISO 3166 alpha-2 of the store, "" when the site is global

    def matches(self, host: str) -> bool:
        return host == self.suffix or host.endswith("." + self.suffix)


@dataclass(frozen=True)
class IdPattern:
    where: str  # "path" or "query"
    regex: re.Pattern[str]


@dataclass(frozen=True)
class MarketplaceProfile:
    key: str
    name: str
    group: str  # marketplaces sharing one IP platform share a group ("alibaba")
    hosts: tuple[HostRule, ...]
    short_links: tuple[re.Pattern[str], ...]
    id_patterns: tuple[IdPattern, ...]
    id_label: str
    id_format: re.Pattern[str]
    languages: tuple[str, ...]
    ip_platform: str
    ip_platform_url: str
    max_urls_per_complaint: int
    rights_scope: str  # "store_country", "fixed" (rights_countries) or "any"
    rights_countries: tuple[str, ...]
    requirements: dict[str, Any] = field(default_factory=dict)
    id_join: str = ""
    id_upper: bool = False
    id_strip: str = ""
    id_prefix_countries: dict[str, str] = field(default_factory=dict)
    capture_max_age_days: int = DEFAULT_CAPTURE_MAX_AGE_DAYS

    def host_rule(self, host: str) -> HostRule | None:
        """The most specific host rule covering ``host`` (longest suffix wins)."""
        host = host.lower().strip(".")
        rules = [r for r in self.hosts if r.matches(host)]
        return max(rules, key=lambda r: len(r.suffix)) if rules else None

    def country_for_host(self, host: str) -> str:
        rule = self.host_rule(host)
        return rule.country if rule else ""

    def is_short_link(self, host: str, path: str = "") -> bool:
        """Patterns ending in "$" are about the host alone; others may look at host + path."""
        host = host.lower().strip(".")
        return any(p.search(host) or p.search(host + path) for p in self.short_links)

    def rights_countries_for(self, country: str = "") -> tuple[str, ...]:
        """Countries where a right must be valid to act against a listing in this store."""
        if self.rights_scope == "any":
            return ()
        if self.rights_scope == "fixed":
            return self.rights_countries
        return (country,) if country else self.rights_countries

    def expected_offices(self, country: str = "") -> tuple[str, ...]:
        """Offices whose registrations count for this store; "WIPO:XX" means WIPO designating XX.

        ``(ANY,)`` when the platform accepts a registration from any office (AliExpress, Alibaba.com).
        """
        countries = self.rights_countries_for(country)
        if not countries:
            return (ANY,)
        out: list[str] = []
        for c in countries:
            for office in offices_for_country(c):
                if office not in out:
                    out.append(office)
        return tuple(out)

    def accepts_office(
        self, office: str, country: str = "", designations: tuple[str, ...] | list[str] = ()
    ) -> bool:
        """Whether a registration from ``office`` (WIPO: with these designations) counts in this store."""
        expected = self.expected_offices(country)
        if ANY in expected:
            return True
        office = office.strip().upper()
        if office == "WIPO":
            wanted = {e.split(":", 1)[1] for e in expected if e.startswith("WIPO:")}
            return bool(wanted & {d.strip().upper() for d in designations})
        return office in {e.upper() for e in expected}


def offices_for_country(country: str) -> tuple[str, ...]:
    """National office(s), EUIPO for EU members, and WIPO designating the country (or EM)."""
    data = load_json("marketplaces", "_jurisdictions.json")
    country = country.upper()
    out = list(data["national_offices"].get(country, []))
    in_eu = country in data["eu_members"]
    if in_eu:
        out.append("EUIPO")
    out.append(f"WIPO:{country}")
    if in_eu:
        out.append("WIPO:EM")
    return tuple(out)


def _profile(d: dict[str, Any]) -> MarketplaceProfile:
    return MarketplaceProfile(
        key=d["key"],
        name=d["name"],
        group=d.get("group", d["key"]),
        hosts=tuple(HostRule(h["suffix"].lower(), h.get("country", "")) for h in d["hosts"]),
        short_links=tuple(re.compile(p, re.IGNORECASE) for p in d.get("short_links", [])),
        id_patterns=tuple(IdPattern(p["in"], re.compile(p["regex"])) for p in d.get("id_patterns", [])),
        id_label=d.get("id_label", "ID"),
        id_format=re.compile(d.get("id_format", r"^.+$")),
        languages=tuple(d.get("languages", [])),
        ip_platform=d.get("ip_platform", ""),
        ip_platform_url=d.get("ip_platform_url", ""),
        max_urls_per_complaint=int(d.get("max_urls_per_complaint", 100)),
        rights_scope=d.get("rights_scope", "store_country"),
        rights_countries=tuple(d.get("rights_countries", [])),
        requirements=dict(d.get("requirements", {})),
        id_join=d.get("id_join", ""),
        id_upper=bool(d.get("id_upper", False)),
        id_strip=d.get("id_strip", ""),
        id_prefix_countries=dict(d.get("id_prefix_countries", {})),
        capture_max_age_days=int(d.get("capture_max_age_days", DEFAULT_CAPTURE_MAX_AGE_DAYS)),
    )


@lru_cache(maxsize=1)
def _profiles() -> dict[str, MarketplaceProfile]:
    folder = resource_path("marketplaces")
    out: dict[str, MarketplaceProfile] = {}
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith("_"):
            continue
        profile = _profile(load_json("marketplaces", path.name))
        out[profile.key] = profile
    return out


def all_profiles() -> list[MarketplaceProfile]:
    """Every marketplace profile, ordered by key."""
    return list(_profiles().values())


def get_profile(key: str) -> MarketplaceProfile:
    """The profile for a marketplace key ("taobao", "amazon"...); NotFoundError names unknown keys."""
    try:
        return _profiles()[key.strip().lower()]
    except KeyError:
        known = ", ".join(sorted(_profiles()))
        raise NotFoundError(f"Unknown marketplace {key!r}; known marketplaces are {known}.") from None


def profile_for_host(host: str) -> MarketplaceProfile | None:
    """The marketplace a host belongs to (most specific suffix across all profiles), or None."""
    host = host.lower().strip(".")
    best: tuple[int, MarketplaceProfile] | None = None
    for profile in _profiles().values():
        rule = profile.host_rule(host)
        if rule and (best is None or len(rule.suffix) > best[0]):
            best = (len(rule.suffix), profile)
    return best[1] if best else None


def short_link_profile(host: str, path: str = "") -> MarketplaceProfile | None:
    """The marketplace whose short-link service produced this address, or None."""
    for profile in _profiles().values():
        if profile.is_short_link(host, path):
            return profile
    return None


# -------------------------------------------------------------------------------------------------------
# Ids printed beside their label on a listing page (resources/marketplaces/_id_labels.json)
# -------------------------------------------------------------------------------------------------------

_ID_LABELS_VERSION = 1
_MARKS = "\u200e\u200f\u00a0"  # Amazon's details table puts direction marks around its colons


def _label_regex(label: str) -> str:
    """A label as OCR and page text show it: spaces and hyphens optional, accents and apostrophes too."""
    import unicodedata

    out: list[str] = []
    for ch in label:
        if ch in " -‐":
            out.append(r"[\s\-‐]*")
        elif ch in "'’":
            out.append(r"['’`]?\s*")
        elif ch == ".":
            out.append(r"\.?")
        elif ch in "°º":
            out.append(r"[°ºo]")
        else:
            base = unicodedata.normalize("NFKD", ch)[0]
            out.append(f"[{re.escape(ch)}{re.escape(base)}]" if base != ch else re.escape(ch))
    return "".join(out)


@cache
def id_label_patterns(key: str) -> tuple[re.Pattern[str], ...]:
    """Patterns finding an id printed beside its label on a page of marketplace ``key`` (its group's
    labels and its own, every language); group 1 is the id. Longer labels are tried first."""
    data = load_json("marketplaces", "_id_labels.json")
    if int(data.get("format_version", 0)) != _ID_LABELS_VERSION:
        raise ValueError(f"_id_labels.json: format_version {data.get('format_version')} is not supported")
    keys = [key]
    profile = _profiles().get(key)
    if profile is not None and profile.group != key:
        keys.insert(0, profile.group)
    out: list[re.Pattern[str]] = []
    for k in keys:
        entry = data.get(k)
        if not isinstance(entry, dict):
            continue
        labels = {label for words in entry.get("labels", {}).values() for label in words}
        alternatives = "|".join(_label_regex(label) for label in sorted(labels, key=len, reverse=True))
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        out.append(
            re.compile(
                rf"(?<![^\W\d_])(?:{alternatives})[\s{_MARKS}]*(?:[:：#]|n[°º]\.?)?[\s{_MARKS}:：#]*"
                rf"({entry['value']})(?![A-Za-z0-9])",
                flags,
            )
        )
    return tuple(out)
