"""Property tests (hypothesis): case.toml round trip, listing URL parsing and matching never raise on
arbitrary Unicode and keep their promises. Kept fast: modest example counts and a deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.case_folder import read_case_folder
from desktop_app.core.clean_text import clean_free_text, is_hidden_in_identifier
from desktop_app.core.errors import UserError
from desktop_app.core.reading.listing_urls import parse_listing_url
from desktop_app.core.reading.matching import find_mark
from desktop_app.core.reading.text import TextLine

FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
ident = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20)


@FAST
@given(title=text, name=ident, number=ident, mark=ident, seller=text)
def test_case_toml_round_trip_or_one_sentence(
    tmp_path: Path, title: str, name: str, number: str, mark: str, seller: str
) -> None:
    folder = tmp_path / "case"
    folder.mkdir(exist_ok=True)
    doc = {
        "title": title,
        "filing_date": dt.date(2026, 1, 2),
        "complainant": {"name": name},
        "rights": [{"office": "USPTO", "registration_number": number, "mark": mark, "owner": name}],
        "listings": [{"url": "https://www.aliexpress.com/item/1005006123456789.html", "seller": seller}],
    }
    (folder / "case.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")
    try:
        case = read_case_folder(folder).case
    except UserError as exc:  # refused: one sentence, never a traceback
        assert "\n" not in str(exc) and str(exc)
        return
    # accepted: identifiers came back exactly (stripped), free text cleaned, nothing hidden left
    assert case.rights[0].registration_number == number.strip()
    assert case.rights[0].mark == mark.strip()
    assert not any(is_hidden_in_identifier(ch) for ch in case.rights[0].registration_number)
    assert case.title == clean_free_text(title.strip())
    assert case.listings[0].seller == clean_free_text(seller.strip())
    assert case.filing_date == dt.date(2026, 1, 2)


urls = st.one_of(
    text,
    st.builds(lambda h, p: f"https://{h}/{p}", text, text),
    st.builds(lambda p: f"https://www.aliexpress.com/item/{p}.html", text),
    st.builds(
        lambda d: f"https://www.amazon.com/dp/{d}",
        st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=10, max_size=10),
    ),
)


@FAST
@given(url=urls)
def test_listing_url_parsing_never_raises_and_is_stable(url: str) -> None:
    ref = parse_listing_url(url)
    if ref.listing_id:
        again = parse_listing_url(ref.url)
        assert (again.marketplace, again.listing_id) == (ref.marketplace, ref.listing_id)


@FAST
@given(host=st.from_regex(r"[a-z]{3,12}\.(com|net|org)", fullmatch=True), path=text)
def test_off_marketplace_hosts_never_match(host: str, path: str) -> None:
    ref = parse_listing_url(f"https://{host}/item/1005006123456789.html?{path}")
    if ref.marketplace:  # only a marketplace's own host may name one
        assert any(part in host for part in ref.marketplace.split("_"))


def _line(t: str) -> TextLine:
    return TextLine(t, 1, (0.0, 0.0, 100.0, 10.0), 1.0)


@FAST
@given(mark=st.text(min_size=1, max_size=12), before=text, after=text)
def test_matching_never_raises_and_spans_index_the_text(mark: str, before: str, after: str) -> None:
    line_text = before + mark + after
    for m in find_mark(mark, [_line(line_text)]):
        a, b = m.span
        assert 0 <= a <= b <= len(line_text)
        assert m.line.text == line_text


@FAST
@given(mark=st.text("ABCDEFGHKLMNRSTXYZ", min_size=4, max_size=10))
def test_matching_folds_case_and_width(mark: str) -> None:
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in mark)
    for shown in (mark.lower(), fullwidth):
        found = find_mark(mark, [_line(f"genuine {shown} jacket")])
        assert found and found[0].score >= 0.99, shown
        assert find_mark(shown, [_line(f"genuine {mark} jacket")]), shown
