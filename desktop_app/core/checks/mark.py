"""mark.*: does the listing show the registered mark - in its title, its screenshots' text or on the product?

Counterfeit listings often keep the brand out of the title but show it on the product, so every line
read from every screenshot of the listing (page text and product images alike) counts. A listing is
fine when any of the case's marks appears exactly; only altered forms (KESTREL1NE) are a warning.
"""

from __future__ import annotations

from desktop_app.core.checks.facts import CaseFacts, FileFacts, file_ref, where
from desktop_app.core.checks.findings import CheckReport, Finding, Located
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
        label = f"Listing {i + 1} ({li.url})" if li.url else f"Listing {i + 1}"
        shown_marks = " or ".join(marks)
        if variants:
            parts = []
            for _mark, ff, m in variants[:4]:
                place = "the listing title" if ff is None else where(ff, m.page)
                parts.append(f'"{m.matched_text}" in {place}')
            evidence = tuple(
                file_ref(ff, m.line, box=m.box, text=m.matched_text)
                for _mark, ff, m in variants
                if ff is not None
            )[:6]
            what = (
                "its title shows the registered mark {m} only in an altered form"
                if exact_anywhere
                else "the registered mark {m} does not appear as registered; only an altered form does"
            )
            report.findings.append(
                Finding(
                    "mark.variant_found",
                    f"{label}: {what.format(m=shown_marks)}: {'; '.join(parts)}. Say in the complaint that "
                    "the "
                    "listing imitates the mark, or add a capture where the mark itself is shown.",
                    evidence=evidence,
                    field=f"listings[{i}].title" if exact_anywhere else f"listings[{i}].screenshots",
                )
            )
        else:
            names = ", ".join(ff.name for ff in shots) or "no screenshots"
            report.findings.append(
                Finding(
                    "mark.not_found",
                    f"{label}: the registered mark {shown_marks} appears nowhere in the listing - not in "
                    "its title, "
                    f"not in the screenshots' text, not on the product images ({names}). Attach a capture "
                    "that shows "
                    "the mark on the listing or the product, or check that this is the right listing and "
                    "mark.",
                    evidence=tuple(file_ref(ff) for ff in shots),
                    field=f"listings[{i}].screenshots",
                )
            )
