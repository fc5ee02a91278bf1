"""Sprout entry point.

    python main.py              open the IDE with a welcome example
    python main.py FILE         open FILE in the IDE
    python main.py run FILE     run FILE in the terminal (Ctrl+C stops it)
"""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["run"]:
        from vm.terminal import main as run_in_terminal
        return run_in_terminal(args[1:])
    from ide.app import main as start_ide
    return start_ide(args)


if __name__ == "__main__":
    sys.exit(main())
