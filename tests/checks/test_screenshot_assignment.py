"""Many screenshots dropped at once: each attached to the listing whose id it shows; the rest kept with
the case, unassigned, with the reason."""

from __future__ import annotations

from pathlib import Path

from desktop_app.core.model import Case, Complainant, Listing
from desktop_app.core.screenshot_assignment import assign_screenshots
from desktop_app.core.store import Store
from tests.core.test_cli import run
from tests.factories.screenshots import ScreenshotSpec, make_listing_screenshot

IDS = ["1005006123456789", "1005006999888777", "1005006555444333"]


def _shots(tmp_path: Path) -> list[Path]:
    shots = []
    for n, lid in enumerate([IDS[2], IDS[0], "1005001111222233"]):
        spec = ScreenshotSpec(url=f"https://www.aliexpress.com/item/{lid}.html", shown_id=lid)
        shots.append(make_listing_screenshot(spec, tmp_path / f"shot-{n}.png"))
    return shots


def _case(store: Store) -> int:
    return store.save_case(
        Case(
            complainant=Complainant("Kestreline Apparel Inc."),
            listings=[Listing(f"https://www.aliexpress.com/item/{lid}.html") for lid in IDS],
        )
    )


def test_each_screenshot_goes_to_the_listing_it_shows(store: Store, tmp_path: Path) -> None:
    case_id = _case(store)
    shots = _shots(tmp_path)
    result = assign_screenshots(store, case_id, [*shots, tmp_path / "missing.png"])
    assert [(f.original_name, i) for f, i in result.attached] == [("shot-0.png", 2), ("shot-1.png", 0)]
    [(f, why)] = result.unassigned
    assert f.original_name == "shot-2.png" and "shows no id of this case's listings" in why
    assert "1005001111222233" in why
    assert len(result.refused) == 1 and "missing.png" in result.refused[0]
    case = store.cases.get(case_id)
    assert [[s.original_name for s in li.screenshots] for li in case.listings] == [
        ["shot-1.png"],
        [],
        ["shot-0.png"],
    ]
    assert [o.original_name for o in case.other_files] == ["shot-2.png"]  # kept, not lost


def test_cli_attach_screenshots(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data) as store:
        case_id = _case(store)
    shots = _shots(tmp_path)
    out = run("attach-screenshots", str(case_id), *map(str, shots), data_dir=data)
    assert out.returncode == 1, out.stderr  # one left to assign
    assert f"shot-0.png -> listing 3 ({IDS[2]})" in out.stdout and "shot-2.png: not attached" in out.stdout
    assert "2 attached, 1 left to assign" in out.stdout
