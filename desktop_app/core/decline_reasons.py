"""The fixed decline reasons each IP platform gives (data: ``resources/decline_reasons.json``).

A decision stores the reason's code; reasons recorded as free text before the lists existed are kept
and shown as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from desktop_app.core.resources import load_json


def _data() -> dict:
    return load_json("decline_reasons.json")


def _platform(marketplace: str) -> str:
    from desktop_app.core.errors import NotFoundError
    from desktop_app.core.marketplaces import get_profile

    try:
        return get_profile(marketplace).ip_platform
    except NotFoundError:  # an unknown marketplace uses the general list
        return ""


def uses_good_faith_threshold(marketplace: str) -> bool:
    """Alibaba IPP judges a complainant's good faith by its success rate; other platforms publish none."""
    return _platform(marketplace) == "Alibaba IPP"


def reason_codes(marketplaces: Iterable[str]) -> list[str]:
    """The reasons the platforms of ``marketplaces`` give, in their order (the general list if none)."""
    platforms = _data()["platforms"]
    codes: list[str] = []
    for mkt in marketplaces:
        for code in platforms.get(_platform(mkt), []):
            if code not in codes:
                codes.append(code)
    for code in codes or platforms["default"]:
        if code not in codes:
            codes.append(code)
    if "other" in codes:  # "Other" always last
        codes.remove("other")
        codes.append("other")
    return codes


def reason_label(code: str, language: str = "en") -> str:
    """A reason's label in ``language``; free text recorded before the fixed lists is returned as is."""
    entry = _data()["reasons"].get(code)
    if not entry:
        return code
    return entry.get(language) or entry["en"]


def decline_reason_choices(marketplaces: Iterable[str], language: str = "en") -> list[tuple[str, str]]:
    return [(code, reason_label(code, language)) for code in reason_codes(marketplaces)]
