"""``python -m pst_core``: the same as the ``pst-core`` command."""

from pst_core.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
