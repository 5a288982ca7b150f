"""The store under concurrency and hostile conditions, with real processes and threads: writers wait on
the lock instead of failing, a locked or read-only data folder is one clear sentence, an export racing a
delete keeps nothing."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from desktop_app.core.errors import StoreError, UserError
from desktop_app.core.model import Case, Complainant, Listing
from desktop_app.core.store import Store
from tests.core.test_case_folder import make_folder
from tests.core.test_cli import run

HOLD_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


@contextlib.contextmanager
def lock_held_by_another_process(db: Path, seconds: float):  # noqa: ANN201
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    ) as p:
        try:
            assert p.stdout is not None and p.stdout.readline().strip() == "locked"
            yield p
        finally:
            p.wait(timeout=60)


def test_a_write_waits_for_another_process_instead_of_failing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).close()
    with lock_held_by_another_process(data / "cases.db", 1.5) as locker:
        r = run("import", str(make_folder(tmp_path)), data_dir=data)
        assert locker.poll() is not None  # the import could only finish after the lock was released
    assert r.returncode == 0, r.stderr
    assert "locked" not in r.stderr


def test_concurrent_imports_in_real_processes_all_succeed_and_chain_stays_whole(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).close()
    folders = []
    for i in range(3):
        root = tmp_path / f"src{i}"
        root.mkdir()
        folders.append(make_folder(root))
    cmd = [sys.executable, "-m", "desktop_app", "--data-dir", str(data), "import"]
    procs = [
        subprocess.Popen([*cmd, str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in folders
    ]
    results = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _out, err in results]
    ids = sorted(int(out.strip()) for out, _err in results)
    assert len(set(ids)) == 3
    r = run("audit", "verify", data_dir=data)
    assert r.returncode == 0, r.stdout  # three writers, one unbroken chain


def test_threads_with_their_own_connections_do_not_collide(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).close()
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            with Store(data) as store:
                for i in range(15):
                    store.cases.save(
                        Case(Complainant(f"Brand {n}"), title=f"t{n}-{i}", listings=[Listing("https://x/1")])
                    )
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with Store(data) as store:
        assert len(store.cases.summaries()) == 45
        assert store.audit.verify().ok


def test_a_database_locked_past_the_timeout_is_one_sentence_and_nothing_is_written(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Store(data, busy_timeout=0.2) as store:
        with lock_held_by_another_process(data / "cases.db", 2):
            with pytest.raises(StoreError, match="in use by another Evidence Desk window or command"):
                store.cases.save(Case(Complainant("Acme"), title="while locked"))
        assert store.cases.summaries() == []
        assert not store.db.conn.in_transaction


def _make_read_only(path: Path) -> bool:
    """chmod, and as root (whom permissions do not stop) the immutable attribute; False if neither holds."""
    path.chmod(0o555)
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    try:
        (path / "probe").touch()
    except OSError:
        return True
    (path / "probe").unlink()
    return False


def _undo_read_only(path: Path) -> None:
    if shutil.which("chattr"):
        subprocess.run(["chattr", "-i", str(path)], capture_output=True)
    path.chmod(0o755)


def test_a_read_only_data_folder_is_named_as_such(tmp_path: Path) -> None:
    data = tmp_path / "data"
    Store(data).close()
    if not _make_read_only(data):
        _undo_read_only(data)
        pytest.skip("this file system lets the test write to a read-only folder")
    try:
        with pytest.raises(StoreError, match="is read-only or cannot be written"):
            Store(data)
        r = run("cases", data_dir=data)
        assert r.returncode == 2
        assert "read-only" in r.stderr and "not an Evidence Desk database" not in r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
    finally:
        _undo_read_only(data)


def test_an_export_racing_a_delete_says_so_and_keeps_nothing(store: Store, tmp_path: Path) -> None:
    from desktop_app.core.package import signing
    from desktop_app.core.package.export import export_case
    from tests.package.builders import PASSPHRASE, make_case, report_for

    case = make_case(store, tmp_path / "src", genuine=False, cjk=False)
    signing.create_identity(store.data_dir, "Li Wei", "Acme", PASSPHRASE)
    ident = signing.load_identity(store.data_dir, None, PASSPHRASE)
    out = tmp_path / "out"
    out.mkdir()

    def delete_midway(fraction: float, _label: str) -> None:
        if fraction >= 0.45 and store.db.execute("SELECT 1 FROM cases").fetchone():
            with Store(store.data_dir) as other:  # another window or command deletes the case
                other.cases.delete(case.id)

    with pytest.raises(UserError, match="was deleted while it was being exported; no package was kept"):
        export_case(store, case.id, out, ident, report=report_for(case), progress=delete_midway)
    assert list(out.iterdir()) == []  # no package, no temporary file
    assert store.exports.for_case(case.id) == []
