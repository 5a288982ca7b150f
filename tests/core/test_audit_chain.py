"""The custody log is a hash chain: `audit verify` passes on a real data directory and names the first
entry that does not fit after the database is edited with another tool (the sqlite3 command line)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from pathlib import Path

import sqlite_utils

from desktop_app.core.store import Store
from desktop_app.core.store.audit import GENESIS, entry_hash
from desktop_app.core.store.schema import MIGRATIONS
from tests.core.test_case_folder import make_folder
from tests.core.test_cli import run

DROP_TRIGGERS = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"


def sqlite_tool(db: Path, sql: str) -> None:
    """Edit the database as someone with the sqlite3 command-line tool would."""
    r = subprocess.run(["sqlite3", str(db), sql], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr


def _store_with_history(data: Path) -> Store:
    store = Store(data)
    for i in range(6):
        store.audit.record("test.event", n=i, text="café")
    return store


def test_cli_audit_verify_on_a_real_data_dir_then_after_an_edit(tmp_path: Path) -> None:
    data = tmp_path / "data"
    r = run("import", str(make_folder(tmp_path)), data_dir=data)
    assert r.returncode == 0, r.stderr
    r = run("audit", "verify", data_dir=data)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.startswith("INTACT")
    with Store(data) as store:
        victim = [e for e in store.audit.entries() if e["action"] == "file.import"][1]["id"]
    sqlite_tool(
        data / "cases.db", DROP_TRIGGERS + f"UPDATE audit_log SET actor = 'mallory@x' WHERE id = {victim};"
    )
    r = run("audit", "verify", data_dir=data)
    assert r.returncode == 1
    assert f"audit entry {victim} (file.import" in r.stdout and "was changed" in r.stdout
    r = run("audit", "verify", "--format", "json", data_dir=data)
    doc = json.loads(r.stdout)
    assert r.returncode == 1 and doc["intact"] is False and doc["entry_id"] == victim


def test_removed_inserted_reordered_and_truncated_entries_are_named(tmp_path: Path) -> None:
    cases = {
        # a removed entry: the next one no longer follows the one before it
        "removed": ("DELETE FROM audit_log WHERE id = 3;", 4, "does not follow entry 2"),
        # an entry inserted with a forged link to its predecessor but no valid hash of its own
        "inserted": (
            "UPDATE audit_log SET id = id + 100 WHERE id > 4;"
            " UPDATE audit_log SET id = id - 99 WHERE id > 100;"
            " INSERT INTO audit_log (id, at, actor, action, detail, prev_hash, entry_hash)"
            " SELECT 5, at, actor, 'forged', '{}', entry_hash, entry_hash FROM audit_log WHERE id = 4;",
            5,
            "was changed",
        ),
        # two entries swapped (content moved to the other's id)
        "reordered": (
            "UPDATE audit_log SET id = 100 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;"
            " UPDATE audit_log SET id = 3 WHERE id = 100;",
            2,
            "does not follow entry 1",
        ),
        # the last entries dropped: the counter remembers how many were written
        "truncated": ("DELETE FROM audit_log WHERE id > 4;", 5, "removed from its end"),
    }
    for name, (sql, entry, words) in cases.items():
        data = tmp_path / name
        _store_with_history(data).close()
        sqlite_tool(data / "cases.db", DROP_TRIGGERS + sql)
        with Store(data) as store:
            report = store.audit.verify()
        assert not report.ok, name
        assert report.entry_id == entry, (name, report)
        assert words in report.problem, (name, report.problem)


def test_untouched_chain_verifies_and_links(tmp_path: Path) -> None:
    with _store_with_history(tmp_path / "d") as store:
        chain = list(store.audit.chain())
        report = store.audit.verify()
    assert report.ok and report.entries == len(chain) == 6
    assert chain[0]["prev"] == GENESIS
    assert all(b["prev"] == a["hash"] for a, b in zip(chain, chain[1:], strict=False))
    assert report.head_hash == chain[-1]["hash"] == entry_hash(chain[-1])


def test_existing_logs_are_chained_at_migration(tmp_path: Path) -> None:
    data = tmp_path / "old"
    data.mkdir()
    conn = sqlite3.connect(data / "cases.db")
    db = sqlite_utils.Database(conn)
    for migrate in MIGRATIONS[:2]:  # a database from before the chain
        migrate(db)
    conn.execute("PRAGMA user_version = 2")
    for i in range(3):
        conn.execute(
            "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, 'a', 'old', '{}')",
            [f"2026-01-0{i + 1}T00:00:00Z"],
        )
    conn.commit()
    conn.close()
    with Store(data) as store:
        chain = list(store.audit.chain())
        assert [e["action"] for e in chain] == ["old", "old", "old", "audit.chain"]
        assert chain[-1]["detail"]["chained_entries"] == 3
        assert store.audit.verify().ok
        store.audit.record("new.event")
        assert store.audit.verify().ok
        # and the triggers are back
        try:
            store.db.execute("UPDATE audit_log SET actor = 'x'")
        except sqlite3.DatabaseError as exc:
            assert "append-only" in str(exc)
        else:
            raise AssertionError("the audit log accepted an UPDATE")
