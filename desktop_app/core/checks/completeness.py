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

    def missing(what: str, field: str) -> None:
        report.findings.append(Finding("case.incomplete", what, field=field))

    for f in marked_fields(case):
        report.findings.append(
            Finding(
                "case.hidden_characters",
                f"The {f.what} ({f.path}) had hidden or control characters, replaced by \ufffd where "
                "they were; type it again as it should read.",
                field=zero_based(f.path),
                params={"field": f.path},
            )
        )

    if not case.complainant.name.strip():
        missing(
            "The complainant has no name; enter the rights holder's (or agent's) legal name.",
            "complainant.name",
        )
    if not case.rights:
        missing("The case names no trademark; add the registered right the listing infringes.", "rights")
    need_cert = _requires(profiles, "certificate", True)
    for i, right in enumerate(case.rights):
        label = f"Right {i + 1}" + (f" ({right.mark})" if right.mark else "")
        if not right.registration_number.strip():
            missing(
                f"{label} has no registration number; enter it as printed on the certificate.",
                f"rights[{i}].registration_number",
            )
        if not right.mark.strip():
            missing(f"{label} has no mark; enter the registered word mark.", f"rights[{i}].mark")
        if not right.office.strip():
            missing(
                f"{label} has no trademark office; choose the office that registered it.",
                f"rights[{i}].office",
            )
        cert = facts.of(right.certificate)
        read = cert.certificate if cert is not None else None
        for name, what in (("owner", "owner"), ("classes", "Nice classes")):
            if not _required_field(profiles, name) or getattr(right, name):
                continue
            if read is not None and getattr(getattr(read, name, None), "value", None):
                continue  # the certificate states it
            names = ", ".join(sorted({p.name for p in profiles if _required_field([p], name)}))
            missing(
                f"{label} has no {what}, and none could be read from a certificate; {names} asks for it.",
                f"rights[{i}].{name}",
            )
        if need_cert and right.certificate is None:
            missing(
                f"{label} has no registration certificate attached; the marketplace asks for a copy of it.",
                f"rights[{i}].certificate",
            )
    if not case.listings:
        missing("The case names no listing; add the URL of the infringing listing.", "listings")
    for i, li in enumerate(case.listings):
        if not li.url.strip():
            missing(f"Listing {i + 1} has no URL; paste the listing's address.", f"listings[{i}].url")
        if not li.screenshots:
            missing(
                f"Listing {i + 1} ({li.url or 'no URL'}) has no screenshot; attach a screenshot of the "
                "listing showing its address, title and product.",
                f"listings[{i}].screenshots",
            )
