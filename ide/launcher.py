"""Sprout's command line: the IDE, or ``run FILE`` in the terminal (``--help`` for usage).

Behind both ``python main.py`` in a checkout and the installed ``sprout`` command. Only
the terminal runner's engine is imported for ``run``: Qt loads when a window opens.
"""
from __future__ import annotations

import os
import sys

from vm.core.i18n import N_

USAGE = N_("""Sprout: a Python IDE for learners whose Stop button always works.

usage:
    {command} [FILE]
        open the IDE (with FILE, or the welcome example)
    {command} run [--time-limit S] FILE [ARG...]
        run FILE in the terminal; ARGs become its sys.argv[1:]; Ctrl+C stops it
    {command} --install-desktop
        add Sprout to this user's application menu (it then opens .py files)
    {command} --uninstall-desktop
        take it out of the menu again
    {command} --help
        show this text""")


def command_name(program: str | None = None) -> str:
    """How the learner started Sprout, so messages name the command they know."""
    path = sys.argv[0] if program is None else program
    return "python main.py" if os.path.basename(path) in ("main.py", "__main__.py") else "sprout"


def _usage(command: str) -> str:
    from vm.core.i18n import _
    return _(USAGE).format(command=command)


def _no_display_reason() -> str | None:
    """Why Qt could not open a window here, or None (then let Qt try)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    if os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return N_("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)")


def _desktop_entry(install: bool) -> int:
    from ide import desktop_entry
    from vm.core.i18n import _
    try:
        if install:
            written = desktop_entry.install()
            print(_("Sprout is in the application menu now. Files written:"))
            print(desktop_entry.describe(written))
        else:
            removed = desktop_entry.uninstall()
            print(_("Sprout is out of the application menu. Files removed:") if removed else
                  _("Sprout was not in this user's application menu."))
            if removed:
                print(desktop_entry.describe(removed))
    except OSError as problem:
        print(_("sprout: cannot change the application menu: {reason}").format(reason=problem), file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    from vm.process.script_path import launched_plainly
    # Scripts' sys.path: this process's own, as Python set it when it started main.py or
    # the sprout command (the launcher's folder first, then the interpreter's entries).
    launched_plainly()
    args = sys.argv[1:] if argv is None else argv
    command = command_name()
    if args[:1] in (["--help"], ["-h"]):
        print(_usage(command))
        return 0
    if args[:1] in (["--install-desktop"], ["--uninstall-desktop"]):
        return _desktop_entry(install=args[0] == "--install-desktop")
    if args[:1] == ["run"]:
        from vm.separate.terminal import main as run_separately
        from vm.separate.terminal import wants_separate
        if wants_separate(args[1:]):
            return run_separately(args[1:], command=command)
        from vm.terminal import main as run_in_terminal
        return run_in_terminal(args[1:], command=command)
    reason = _no_display_reason()
    if reason is not None:
        from vm.core.i18n import _
        print(_("Sprout cannot start its window: {reason}. To run a script in this terminal: "
                "{command} run FILE").format(reason=_(reason), command=command), file=sys.stderr)
        return 1
    from ide.app import main as start_ide
    return start_ide(args)
