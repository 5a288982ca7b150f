"""A case's content as lines of plain text, the way ``evidence-desk show`` prints it; the window shows
frozen revisions with the same lines."""

from __future__ import annotations

from typing import Any


def content_lines(d: dict[str, Any]) -> list[str]:
    """``d`` is ``Case.to_json()`` or a frozen revision's content."""
    out: list[str] = []
    if d.get("title"):
        out.append(f"  Title:        {d['title']}")
    out.append(f"  Filing date:  {d['filing_date']}")
    c = d["complainant"]
    out.append(
        f"  Complainant:  {c['name']} ({c['role'].replace('_', ' ')})"
        + (f" <{c['email']}>" if c["email"] else "")
    )
    if c["authorization"]:
        out.append(
            f"  Authorization: {c['authorization']['name']}  sha256:{c['authorization']['sha256'][:16]}"
        )
    for i, r in enumerate(d["rights"], 1):
        out.append(
            f"  Right {i}:      {r['mark']}  {r['office']} {r['registration_number']}  owner: {r['owner']}  "
            f"classes: {', '.join(map(str, r['classes'])) or '-'}"
        )
        if r["certificate"]:
            out.append(
                f"                certificate: {r['certificate']['name']}  "
                f"sha256:{r['certificate']['sha256'][:16]}"
            )
    for i, li in enumerate(d["listings"], 1):
        out.append(
            f"  Listing {i}:    {li['marketplace'] or '?'} {li['listing_id'] or '(no id)'}  {li['url']}"
        )
        if li["title"]:
            out.append(f"                title: {li['title']}")
        for s in li["screenshots"]:
            out.append(f"                screenshot: {s['name']}  sha256:{s['sha256'][:16]}")
    for x in d["genuine_photos"]:
        out.append(f"  Genuine photo: {x['name']}  sha256:{x['sha256'][:16]}")
    for x in d["other_files"]:
        out.append(f"  Other file:   {x['name']}  sha256:{x['sha256'][:16]}")
    return out
