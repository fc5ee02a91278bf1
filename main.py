"""Sprout: a Python IDE for learners whose Stop button always works (``--help`` for usage)."""
from __future__ import annotations

import os
import sys

from vm.i18n import N_

USAGE = N_("""Sprout: a Python IDE for learners whose Stop button always works.

usage:
    python main.py [FILE]                        open the IDE (with FILE, or the welcome example)
    python main.py run [--time-limit S] FILE [ARG...]
                                                 run FILE in the terminal; ARGs become its
                                                 sys.argv[1:]; Ctrl+C stops it
    python main.py --help                        show this text""")


def _no_display_reason() -> str | None:
    """Why Qt could not open a window here, or None (then let Qt try)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return N_("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)")


def main(argv: list[str] | None = None) -> int:
    from vm.script_path import launched_plainly
    launched_plainly()  # scripts' sys.path: this process's own, as Python set it at start
    args = sys.argv[1:] if argv is None else argv
    if args[:1] in (["--help"], ["-h"]):
        from vm.i18n import _
        print(_(USAGE))
        return 0
    if args[:1] == ["run"]:
        from vm.terminal import main as run_in_terminal
        return run_in_terminal(args[1:])
    reason = _no_display_reason()
    if reason is not None:
        from vm.i18n import _
        print(_("Sprout cannot start its window: {reason}. To run a script in this terminal: "
                "python main.py run FILE").format(reason=_(reason)), file=sys.stderr)
        return 1
    from ide.app import main as start_ide
    return start_ide(args)


if __name__ == "__main__":
    sys.exit(main())
