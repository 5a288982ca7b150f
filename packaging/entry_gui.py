"""Frozen entry point of the windowed executable ``evidence-desk-gui``."""

from desktop_app.gui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
