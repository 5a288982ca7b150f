"""Frozen entry point of the console executable ``evidence-desk`` (the CLI; no command opens the window)."""

from desktop_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
