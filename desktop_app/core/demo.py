"""The bundled demo case: imported once on first launch, then reopened rather than duplicated."""

from __future__ import annotations

import json

from desktop_app.core.errors import NotFoundError
from desktop_app.core.progress import NEVER_CANCELLED, CancelToken, ProgressFn, no_progress
from desktop_app.core.resources import demo_case_dir
from desktop_app.core.store import Store


def find_demo_case(store: Store) -> int | None:
    """The id of the newest case imported from the bundled demo folder that still exists, if any."""
    folder = str(demo_case_dir().resolve())
    rows = list(
        store.db.query(
            "SELECT case_id, detail FROM audit_log WHERE action = 'case.import_folder' ORDER BY id DESC"
        )
    )
    for row in rows:
        if json.loads(row["detail"]).get("folder") == folder and row["case_id"] is not None:
            try:
                return store.cases.resolve_id(int(row["case_id"]))
            except NotFoundError:
                continue
    return None


def ensure_demo_case(
    store: Store, *, progress: ProgressFn = no_progress, cancel: CancelToken = NEVER_CANCELLED
) -> int:
    """Return the demo case's id, importing the bundled demo folder if it is not in the store."""
    existing = find_demo_case(store)
    if existing is not None:
        return existing
    from desktop_app.core.case_folder import import_case_folder

    return import_case_folder(store, demo_case_dir(), progress=progress, cancel=cancel)
