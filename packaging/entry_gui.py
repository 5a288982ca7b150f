"""Frozen entry point of the windowed executable ``evidence-desk-gui``."""

from desktop_app.gui.app import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # reader workers are spawned processes of this executable
    raise SystemExit(main())
