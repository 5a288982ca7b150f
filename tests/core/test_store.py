"""The store on a real SQLite file: schema versions, transactions, the vault and the audit log."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core.errors import EvidenceError, StoreError
from desktop_app.core.model import Case, CaseStatus, Complainant, Listing, Right, Role
from desktop_app.core.store import SCHEMA_VERSION, Store
from tests.core.files import write_pdf, write_png


def _case(store: Store, tmp_path: Path) -> Case:
    cert = store.add_file(write_pdf(tmp_path / "certificate.pdf"))
    shot = store.add_file(write_png(tmp_path / "listing.png"))
    return Case(
        complainant=Complainant("Kestreline Apparel Inc.", Role.RIGHTS_HOLDER, email="legal@example.com"),
        title="Jackets",
        filing_date=dt.date(2026, 11, 20),
        rights=[Right("USPTO", "6123456", "KESTRELINE", "Kestreline Apparel Inc.", [25], certificate=cert)],
        listings=[
            Listing(
                "https://www.aliexpress.com/item/1005006123456789.html",
                "aliexpress",
                "1005006123456789",
                screenshots=[shot],
            )
        ],
    )


def test_round_trip_of_a_case(store: Store, tmp_path: Path) -> None:
    case = _case(store, tmp_path)
    case_id = store.save_case(case)
    loaded = store.get_case(case_id)
    assert loaded.reference == f"ED-2026-{case_id:05d}"
    assert loaded.complainant.email == "legal@example.com"
    assert loaded.rights[0].certificate == case.rights[0].certificate
    assert loaded.listings[0].screenshots == case.listings[0].screenshots
    assert store.get_case(loaded.reference).id == case_id
    [summary] = store.list_cases()
    assert summary.marks == ("KESTRELINE",) and summary.marketplaces == ("aliexpress",)
    assert store.list_cases("no such thing") == []


def test_database_settings(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version == SCHEMA_VERSION


def test_same_bytes_are_stored_once_and_original_untouched(store: Store, tmp_path: Path) -> None:
    src = write_png(tmp_path / "a.png")
    before = (src.read_bytes(), src.stat().st_mtime_ns)
    first = store.add_file(src)
    copy = tmp_path / "b.png"
    copy.write_bytes(src.read_bytes())
    second = store.add_file(copy)
    assert first.sha256 == second.sha256
    assert list(store.vault.all_hashes()) == [first.sha256]
    assert store.vault.verify(first.sha256)
    assert (src.read_bytes(), src.stat().st_mtime_ns) == before
    imports = [e for e in store.audit_entries() if e["action"] == "file.import"]
    assert [e["sha256"] for e in imports] == [first.sha256, first.sha256]
    assert list((store.vault.root / "tmp").iterdir()) == []


def test_bad_file_leaves_no_trace(store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "broken.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    dump = list(store.db.conn.iterdump())
    with pytest.raises(EvidenceError, match="broken.png"):
        store.add_file(bad)
    assert list(store.db.conn.iterdump()) == dump
    assert list(store.vault.all_hashes()) == []


def test_audit_log_is_append_only(store: Store) -> None:
    store.audit("test.event", detail="x")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("UPDATE audit_log SET action = 'forged'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        store.db.execute("DELETE FROM audit_log")
    assert store.audit_entries()[-1]["action"] == "test.event"


def test_failed_save_rolls_back_every_row(store: Store, tmp_path: Path) -> None:
    case = _case(store, tmp_path)
    store.save_case(case)
    broken = _case(store, tmp_path)
    broken.listings.append(Listing(url=None))  # type: ignore[arg-type]  # NOT NULL violation mid-save
    dump = list(store.db.conn.iterdump())
    with pytest.raises(sqlite3.IntegrityError):
        store.save_case(broken)
    assert list(store.db.conn.iterdump()) == dump


def test_newer_database_is_refused_and_not_modified(data_dir: Path) -> None:
    Store(data_dir).close()
    db = data_dir / "cases.db"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = db.read_bytes()
    with pytest.raises(StoreError, match="newer version of Evidence Desk"):
        Store(data_dir)
    assert db.read_bytes() == before


def test_not_a_database_is_refused(data_dir: Path) -> None:
    (data_dir / "cases.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not an Evidence Desk database"):
        Store(data_dir)


def test_reopen_keeps_data_and_schema(data_dir: Path, tmp_path: Path) -> None:
    with Store(data_dir) as s:
        case_id = s.save_case(_case(s, tmp_path))
    with Store(data_dir) as s:
        assert s.get_case(case_id).rights[0].mark == "KESTRELINE"


def test_delete_keeps_files_used_elsewhere(store: Store, tmp_path: Path) -> None:
    a = store.save_case(_case(store, tmp_path))
    b = store.duplicate_case(a)
    shared = store.get_case(b).listings[0].screenshots[0].sha256
    assert store.delete_case(a) == []
    assert store.vault.contains(shared)
    removed = store.delete_case(b)
    assert shared in removed and not store.vault.contains(shared)


def test_check_and_export_records_update_status(store: Store, tmp_path: Path) -> None:
    case_id = store.save_case(_case(store, tmp_path))
    store.record_check(case_id, "digest", "not_ready", 2, 1, {"findings": []})
    assert store.get_case(case_id).status is CaseStatus.NOT_READY
    assert store.list_cases()[0].blockers == 2
    store.record_export(case_id, tmp_path / "p.zip", "ab" * 32, "cd" * 32, allow_blockers=True)
    assert store.get_case(case_id).status is CaseStatus.EXPORTED
    assert store.audit_entries(case_id)[-1]["sha256"] == "ab" * 32
    store.set_status(case_id, CaseStatus.SUBMITTED, complaint_number="IPP-1", submitted_at="2026-11-21")
    assert store.get_case(case_id).outcome.complaint_number == "IPP-1"


def test_reading_cache(store: Store) -> None:
    sha = "0" * 64
    assert store.cache_get(sha, "pdf_text", "1") is None
    store.cache_put(sha, "pdf_text", "1", {"lines": ["商标注册证"]})
    assert store.cache_get(sha, "pdf_text", "1") == {"lines": ["商标注册证"]}
    assert store.cache_get(sha, "pdf_text", "2") is None


def test_reference_numbers_are_never_reused_after_deletion(store: Store, tmp_path: Path) -> None:
    first = store.cases.save(_case(store, tmp_path))
    second = store.cases.save(_case(store, tmp_path))
    gone = store.cases.get(second)
    store.cases.delete(second)
    third = store.cases.save(_case(store, tmp_path))
    assert third != second and third > second
    assert store.cases.get(third).reference != gone.reference
    assert store.cases.get(third).reference == f"ED-2026-{third:05d}"
    # the deleted case's history is not handed to the new case either
    assert all(e["action"] != "case.delete" for e in store.audit.entries(third))
    assert first < second


def test_failed_save_does_not_spend_a_number(store: Store, tmp_path: Path) -> None:
    first = store.cases.save(_case(store, tmp_path))
    broken = _case(store, tmp_path)
    broken.listings.append(Listing(url=None))  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.cases.save(broken)
    assert store.cases.save(_case(store, tmp_path)) == first + 1


def test_migration_counts_past_cases_deleted_before_the_counter_existed(data_dir: Path) -> None:
    from desktop_app.core.store.schema import MIGRATIONS

    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(data_dir / "cases.db")
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    conn.execute("PRAGMA user_version = 1")
    conn.execute("INSERT INTO complainants (id, name, role) VALUES (1, 'K', 'rights_holder')")
    conn.execute(
        "INSERT INTO cases (id, reference, filing_date, complainant_id, created_at, updated_at)"
        " VALUES (1, 'ED-2026-00001', '2026-01-01', 1, 'x', 'x')"
    )
    # cases 2 and 3 existed and were deleted: only the log remembers them
    for n in (2, 3):
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, case_id, detail)"
            " VALUES ('x', 'a', 'case.create', ?, ?)",
            (n, f'{{"reference": "ED-2026-{n:05d}"}}'),
        )
    conn.commit()
    conn.close()
    with Store(data_dir) as store:
        assert store.next_number("case") == 4
