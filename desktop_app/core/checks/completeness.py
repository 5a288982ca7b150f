"""case.incomplete: a field or document the marketplace requires is missing.

What each marketplace requires comes from its profile (``marketplaces.get_profile``); without a
profile the common baseline holds: a named complainant, at least one right with its office, number,
mark and certificate, and at least one listing with its URL and a screenshot.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.checks.facts import CaseFacts
from desktop_app.core.checks.findings import CheckReport, Finding
from desktop_app.core.clean_text import marked_fields, zero_based
from desktop_app.core.messages import msg


def marketplace_profile(key: str) -> Any | None:
    """The marketplace's profile, or None for an unknown marketplace (or before profiles exist)."""
    if not key:
        return None
    try:
        from desktop_app.core.marketplaces import get_profile
    except ImportError:
        return None
    try:
        return get_profile(key)
    except (KeyError, ValueError, LookupError):
        return None
    except Exception as exc:  # an unknown key raising a UserError subclass
        from desktop_app.core.errors import UserError

        if isinstance(exc, UserError):
            return None
        raise


def _requires(profiles: list[Any], what: str, default: bool) -> bool:
    """Whether any of the case's marketplaces requires ``what`` (e.g. 'certificate')."""
    found = False
    for p in profiles:
        for attr in (f"requires_{what}", f"require_{what}"):
            if hasattr(p, attr):
                found = True
                if getattr(p, attr):
                    return True
        reqs = getattr(p, "requirements", None)
        if reqs is not None:
            found = True
            if (isinstance(reqs, dict) and reqs.get(what)) or (not isinstance(reqs, dict) and what in reqs):
                return True
    return default if not found else False


def _required_field(profiles: list[Any], name: str) -> bool:
    """Whether any profile lists ``name`` among the complaint form's required fields."""
    for p in profiles:
        reqs = getattr(p, "requirements", None)
        if isinstance(reqs, dict) and name in (reqs.get("fields") or []):
            return True
    return False


def run(facts: CaseFacts, report: CheckReport) -> None:
    case = facts.case
    profiles = [p for p in (marketplace_profile(li.marketplace) for li in case.listings) if p is not None]

    def missing(key: str, field: str, **params: Any) -> None:
        report.findings.append(
            Finding.keyed("case.incomplete", params, key=f"case.incomplete.{key}", field=field)
        )

    for f in marked_fields(case):
        report.findings.append(
            Finding.keyed(
                "case.hidden_characters",
                {"field": f.path, "what": f.what, "path": f.path},
                field=zero_based(f.path),
            )
        )

    if not case.complainant.name.strip():
        missing("no_complainant_name", "complainant.name")
    if not case.rights:
        missing("no_rights", "rights")
    need_cert = _requires(profiles, "certificate", True)
    for i, right in enumerate(case.rights):
        label = (
            msg("label.right_mark", n=i + 1, mark=right.mark) if right.mark else msg("label.right", n=i + 1)
        )
        if not right.registration_number.strip():
            missing("no_number", f"rights[{i}].registration_number", right=label)
        if not right.mark.strip():
            missing("no_mark", f"rights[{i}].mark", right=label)
        if not right.office.strip():
            missing("no_office", f"rights[{i}].office", right=label)
        cert = facts.of(right.certificate)
        read = cert.certificate if cert is not None else None
        for name in ("owner", "classes"):
            if not _required_field(profiles, name) or getattr(right, name):
                continue
            if read is not None and getattr(getattr(read, name, None), "value", None):
                continue  # the certificate states it
            # the marketplaces asking for it, by name (ids, shown by their display names)
            names = sorted({p.name: p.key for p in profiles if _required_field([p], name)}.items())
            missing(f"no_{name}", f"rights[{i}].{name}", right=label, marketplaces=[key for _n, key in names])
        if need_cert and right.certificate is None:
            missing("no_certificate", f"rights[{i}].certificate", right=label)
    if not case.listings:
        missing("no_listings", "listings")
    for i, li in enumerate(case.listings):
        if not li.url.strip():
            missing("no_url", f"listings[{i}].url", n=i + 1)
        if not li.screenshots:
            missing("no_screenshot", f"listings[{i}].screenshots", n=i + 1, url=li.url or msg("label.no_url"))
