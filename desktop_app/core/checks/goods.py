"""right.goods_not_covered: the listing sells goods outside every Nice class the rights are registered in.

The listing's goods come from its title (or, without one, from the screenshot lines that carry the
mark, which are usually the product title). Only a clear miss is reported: when the goods words found
fall in classes none of which is registered. Goods the model does not know say nothing.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.checks.facts import CaseFacts
from desktop_app.core.checks.findings import CheckReport, Finding
from desktop_app.core.goods_classes import classify_goods
from desktop_app.core.messages import msg
from desktop_app.core.reading.matching import find_mark


def registered_classes(facts: CaseFacts) -> tuple[set[int], list[Any]]:
    """The classes the case's rights cover (the certificate's when read, else as entered) and their "
    "sources."""
    classes: set[int] = set()
    sources: list[Any] = []  # file names, or catalogue messages (core/messages.py)
    for right in facts.case.rights:
        ff = facts.of(right.certificate)
        cert = ff.certificate if ff is not None else None
        field = getattr(cert, "classes", None) if cert is not None else None
        read = getattr(field, "value", None) if field is not None else None
        if read:
            classes |= {int(c) for c in read}
            sources.append(ff.name)  # type: ignore[union-attr]
        elif right.classes:
            classes |= set(right.classes)
            sources.append(msg("source.classes_entered", mark=right.mark or msg("label.the_right")))
    return classes, sources


def _listing_text(facts: CaseFacts, index: int) -> tuple[str, str]:
    li = facts.case.listings[index]
    if li.title.strip():
        return li.title.strip(), "title"
    marks = [r.mark for r in facts.case.rights if r.mark.strip()]
    lines = []
    for f in li.screenshots:
        ff = facts.of(f)
        if ff is None:
            continue
        for mark in marks:
            lines.extend(m.line.text for m in find_mark(mark, ff.lines()))
    return " ".join(dict.fromkeys(lines)), "screenshot text"


def run(facts: CaseFacts, report: CheckReport) -> None:
    registered, sources = registered_classes(facts)
    if not registered:
        return
    for i in range(len(facts.case.listings)):
        text, origin = _listing_text(facts, i)
        if not text:
            continue
        guess = classify_goods(text)
        if not guess or guess.classes & registered:
            continue
        found = sorted(guess.classes)
        shown = text if len(text) <= 80 else text[:77] + "..."
        unique_sources = []
        for source in sources:
            if source not in unique_sources:
                unique_sources.append(source)
        report.findings.append(
            Finding.keyed(
                "right.goods_not_covered",
                {
                    "n": i + 1,
                    "origin": origin,
                    "shown": shown,
                    "terms": [msg("fmt.quoted", text=t) for t in list(guess.terms)[:4]],
                    "found": [msg("nice.class", n=c) for c in found],
                    "registered": [msg("nice.class", n=c) for c in sorted(registered)],
                    "sources": unique_sources,
                },
                field=f"listings[{i}].title",
            )
        )
