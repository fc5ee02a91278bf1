"""Reading a learner's script from disk, or saying in plain words why it cannot be read.

Shared by the IDE (open a file) and the terminal runner (``main.py run FILE``).
"""
from __future__ import annotations

from pathlib import Path

from .i18n import _

MAX_FILE_BYTES = 2_000_000   # a learner's script; anything bigger is almost surely not one


class UnreadableFile(Exception):
    """Why a file cannot be opened, in words for the learner."""


def read_source(path: str | Path) -> str:
    """The file's text, or ``UnreadableFile`` saying why not."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise UnreadableFile(_("it is {size:.1f} MB; Sprout opens scripts up to {most:.0f} MB").format(
                size=size / 1e6, most=MAX_FILE_BYTES / 1e6))
        data = path.read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(_("the file does not exist (was it moved or deleted?)")) from None
    except IsADirectoryError:
        raise UnreadableFile(_("it is a folder, not a file")) from None
    except PermissionError:
        raise UnreadableFile(_("you do not have permission to read it")) from None
    except OSError as error:
        raise UnreadableFile(error.strerror or str(error)) from None
    if b"\x00" in data[:8192] or b"\x00" in data:
        raise UnreadableFile(_("it looks like a binary file (an image or a program?), not a Python script"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(_("it is not UTF-8 text: byte {position} cannot be read. "
                               "Save it as UTF-8 in another editor first").format(position=error.start)) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
