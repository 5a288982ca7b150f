"""A case's content as lines of plain text, the way ``evidence-desk show`` prints it; the window shows
frozen revisions with the same lines."""

from __future__ import annotations

from typing import Any


def content_lines(d: dict[str, Any], language: str = "en") -> list[str]:
    """``d`` is ``Case.to_json()`` or a frozen revision's content; labels in ``language``."""
    from desktop_app.core.messages import msg, render

    def line(key: str, **params: Any) -> str:
        return render(f"show.{key}", params, language)

    def sha(x: dict[str, Any]) -> str:
        return f"sha256:{x['sha256'][:16]}"

    out: list[str] = []
    if d.get("title"):
        out.append(line("title", title=d["title"]))
    out.append(line("filing_date", date=d["filing_date"]))
    c = d["complainant"]
    email = f" <{c['email']}>" if c["email"] else ""
    out.append(line("complainant", name=c["name"], role=c["role"], email=email))
    if c["authorization"]:
        out.append(line("authorization", name=c["authorization"]["name"], hash=sha(c["authorization"])))
    for i, r in enumerate(d["rights"], 1):
        classes = ", ".join(map(str, r["classes"])) or "-"
        out.append(
            line(
                "right",
                n=i,
                mark=r["mark"],
                office=r["office"],
                number=r["registration_number"],
                owner=r["owner"],
                classes=classes,
            )
        )
        if r["certificate"]:
            out.append(line("certificate", name=r["certificate"]["name"], hash=sha(r["certificate"])))
    for i, li in enumerate(d["listings"], 1):
        lid = li["listing_id"] or msg("show.no_id")
        out.append(line("listing", n=i, marketplace=li["marketplace"] or "?", id=lid, url=li["url"]))
        if li["title"]:
            out.append(line("listing_title", title=li["title"]))
        for s in li["screenshots"]:
            out.append(line("screenshot", name=s["name"], hash=sha(s)))
    for x in d["genuine_photos"]:
        out.append(line("genuine_photo", name=x["name"], hash=sha(x)))
    for x in d["other_files"]:
        out.append(line("other_file", name=x["name"], hash=sha(x)))
    return out
