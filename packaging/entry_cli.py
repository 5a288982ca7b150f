"""Frozen entry point of the console executable ``evidence-desk`` (the CLI; no command opens the window)."""

from desktop_app.cli import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # reader workers are spawned processes of this executable
    raise SystemExit(main())
