"""Reading a learner's script from disk, or saying in plain words why it cannot be read.

Shared by the IDE (open a file) and the terminal runner (``main.py run FILE``).
"""
from __future__ import annotations

import codecs
import io
import re
import tokenize
from pathlib import Path

from ..core.i18n import _

MAX_FILE_BYTES = 2_000_000   # a learner's script; anything bigger is almost surely not one


class UnreadableFile(Exception):
    """Why a file cannot be opened, in words for the learner."""


def read_source(path: str | Path) -> str:
    """The file's text, or ``UnreadableFile`` saying why not."""
    return read_source_and_encoding(path)[0]


def read_source_and_encoding(path: str | Path) -> tuple[str, str]:
    """The file's text and the encoding it was read in, or ``UnreadableFile`` saying why not."""
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
    text, encoding = decode_source(data)
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


# PEP 263's declaration, as tokenize matches it.
CODING_DECLARATION = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.MULTILINE)


def decode_source(data: bytes) -> tuple[str, str]:
    """Decode a script as Python does (``tokenize.open``'s rules): UTF-8, with or without a
    byte-order mark, unless a ``# -*- coding: ... -*-`` line (first or second) names another."""
    try:
        encoding, _lines = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        head = data.removeprefix(codecs.BOM_UTF8).split(b"\n", 2)[:2]
        declared = CODING_DECLARATION.search(b"\n".join(head))
        if declared is not None:
            name = declared.group(1).decode("ascii", "replace")
            try:
                codecs.lookup(name)
            except LookupError:
                raise UnreadableFile(_("it declares the encoding {name}, which Python does not know").format(
                    name=name)) from None
            raise UnreadableFile(_("it starts with a UTF-8 mark but declares the encoding {name}").format(
                name=name)) from None
        encoding = "utf-8"  # not UTF-8 and nothing declared: the decoding below says where
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        if encoding.startswith("utf-8"):
            raise UnreadableFile(_("it is not UTF-8 text: byte {position} cannot be read. "
                                   "Save it as UTF-8 in another editor first").format(position=error.start)) from None
        raise UnreadableFile(_("it declares the encoding {name}, but byte {position} is not {name} text").format(
            name=encoding, position=error.start)) from None
