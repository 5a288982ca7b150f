"""mark.*: does the listing show the registered mark - in its title, its screenshots' text or on the product?

Counterfeit listings often keep the brand out of the title but show it on the product, so every line
read from every screenshot of the listing (page text and product images alike) counts. A listing is
fine when any of the case's marks appears exactly; only altered forms (KESTREL1NE) are a warning.
"""

from __future__ import annotations

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where_msg
from desktop_app.core.checks.findings import CheckReport, Finding, Located
from desktop_app.core.messages import msg
from desktop_app.core.reading.matching import Match, find_mark, fold
from desktop_app.core.reading.text import TextLine

TITLE_PAGE = 0  # a pseudo page number for the entered title, which is not in any file
MAX_LOCATED_PER_FILE = 6


def _marks(facts: CaseFacts) -> list[str]:
    seen: dict[str, str] = {}
    for right in facts.case.rights:
        mark = right.mark.strip()
        if mark and fold(mark) and fold(mark) not in seen:
            seen[fold(mark)] = mark
    return list(seen.values())


def run(facts: CaseFacts, report: CheckReport) -> None:
    marks = _marks(facts)
    if not marks:
        return  # case.incomplete says so
    for i, li in enumerate(facts.case.listings):
        shots: list[FileFacts] = [ff for ff in (facts.of(f) for f in li.screenshots) if ff is not None]
        title = li.title.strip()
        title_line = TextLine(text=title, page=TITLE_PAGE, box=(0, 0, 0, 0), confidence=1.0, source="text")
        exact_anywhere = False
        title_exact = False
        variants: list[tuple[str, FileFacts | None, Match]] = []
        for mark in marks:
            if title:
                for m in find_mark(mark, [title_line]):
                    if m.kind == "exact":
                        exact_anywhere = title_exact = True
                    else:
                        variants.append((mark, None, m))
            for ff in shots:
                matches = find_mark(mark, ff.lines())
                exact = [m for m in matches if m.kind == "exact"]
                if exact:
                    exact_anywhere = True
                    # Every place counts for a reviewer (title, product, browser tab), so each is located.
                    for m in exact[:MAX_LOCATED_PER_FILE]:
                        report.located.append(
                            Located(
                                "mark",
                                mark,
                                file_ref(ff, m.line, box=m.box, text=m.matched_text),
                                score=m.score,
                            )
                        )
                else:
                    variants.extend((mark, ff, m) for m in matches[:2])
        title_variants = [v for v in variants if v[1] is None]
        if exact_anywhere and (title_exact or not title_variants):
            continue
        if exact_anywhere:
            # The title, as typed from the listing, carries only an altered form; OCR tends to read such
            # forms (KESTREL1NE) back into the mark, so the typed title is the better witness here.
            variants = title_variants
        label = msg("label.listing_url", n=i + 1, url=li.url) if li.url else msg("label.listing", n=i + 1)
        if variants:
            parts = [
                msg(
                    "mark.variant_place",
                    text=m.matched_text,
                    place=msg("place.title") if ff is None else where_msg(ff, m.page),
                )
                for _mark, ff, m in variants[:4]
            ]
            evidence = tuple(
                file_ref(ff, m.line, box=m.box, text=m.matched_text)
                for _mark, ff, m in variants
                if ff is not None
            )[:6]
            report.findings.append(
                Finding.keyed(
                    "mark.variant_found",
                    {"listing": label, "marks": marks, "places": parts},
                    key="mark.variant_found.title" if exact_anywhere else "mark.variant_found",
                    evidence=evidence,
                    field=f"listings[{i}].title" if exact_anywhere else f"listings[{i}].screenshots",
                )
            )
        else:
            report.findings.append(
                Finding.keyed(
                    "mark.not_found",
                    {
                        "listing": label,
                        "marks": marks,
                        "files": [ff.name for ff in shots] if shots else msg("label.no_screenshots"),
                    },
                    evidence=tuple(file_ref(ff) for ff in shots),
                    field=f"listings[{i}].screenshots",
                )
            )
