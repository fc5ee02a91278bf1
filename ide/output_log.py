"""Everything a console has shown, in full, in a temporary file: what Save Output… writes.

The console keeps only its last lines in view and squeezes very long ones; the text it
trims or hides stays here, on disk rather than in memory, so a program that prints
gigabytes costs disk space, never the window's memory, and Save Output… still writes
every character. A squeezed line refers to its text here by the byte offset where the
line begins, so expanding or copying it reads it back from the file.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

ENCODING, ERRORS = "utf-8", "backslashreplace"  # a lone surrogate is kept as Python shows it
READ_CHUNK = 1 << 20


def byte_length(text: str) -> int:
    """How many bytes ``text`` takes in the log (an ASCII string answers at once)."""
    return len(text) if text.isascii() else len(text.encode(ENCODING, ERRORS))


class OutputLog:
    """An append-only text file, emptied when its console is cleared (UI thread only)."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        # Bytes given since the last clear: where the next text begins. It counts on
        # after a failed write, so what was kept before stays where lines point to.
        self.size = 0
        self.error: str | None = None      # why some text could not be kept (a full disk)

    def write(self, text: str) -> None:
        if not text:
            return
        data = text.encode(ENCODING, ERRORS)
        self.size += len(data)
        if self.error is not None:
            return
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile(prefix="sprout-output-")
            self._file.write(data)
        except OSError as failure:
            self.error = failure.strerror or str(failure)

    def clear(self) -> None:
        self.size, self.error = 0, None
        if self._file is not None:
            try:
                self._file.seek(0)
                self._file.truncate()
            except OSError:
                self._file.close()
                self._file = None

    def line_from(self, start: int, limit: int) -> tuple[str, bool]:
        """The line that begins at byte ``start``, up to ``limit`` characters, and
        whether it goes on past them."""
        if self._file is None or start >= self.size:
            return "", False
        self._file.flush()
        wanted = limit * 4 + 4  # bytes that hold ``limit`` characters and one more
        data = bytearray()
        try:
            self._file.seek(start)
            while len(data) < wanted:
                chunk = self._file.read(min(READ_CHUNK, wanted - len(data)))
                if not chunk:
                    break
                end = chunk.find(b"\n")
                if end != -1:
                    data += chunk[:end]
                    break
                data += chunk
        finally:
            self._file.seek(0, os.SEEK_END)
        line = data.decode(ENCODING, "replace")
        return line[:limit], len(line) > limit

    def save_to(self, path: str | Path) -> None:
        """Copy everything to ``path``, through a temporary file beside it (never half a file)."""
        path = Path(path)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as target:
                if self._file is not None:
                    self._file.flush()
                    self._file.seek(0)
                    shutil.copyfileobj(self._file, target, READ_CHUNK)
                    self._file.seek(0, os.SEEK_END)
                target.flush()
                os.fsync(target.fileno())
            mask = os.umask(0o022)
            os.umask(mask)
            os.chmod(temporary, (path.stat().st_mode & 0o7777) if path.exists() else 0o666 & ~mask)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
