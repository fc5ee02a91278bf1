"""The file a script's standard output is written to, and how the engine reads it back.

``print`` in plain Python is as fast as it is because ``sys.stdout`` sits on a real file
descriptor: CPython then checks "is it closed?" by reading one field, where a
Python-level stream costs three attribute lookups per piece written. So the script's
stdout is a ``FileIO`` too, over a file that lives in memory (``memfd`` on Linux, an
unlinked temporary file elsewhere). Nothing reads it on another thread, so nothing
competes with the script or the window for the interpreter lock: the engine takes
what was written when it hands output over (at safe points, before waits, at the end).

Taking is safe against other threads that are writing: the descriptor ``FileIO``
writes to is switched to a second, empty file first; a write that began before the
switch holds the buffered writer's lock, so flushing once more waits for it; only
then is the first file read and emptied for the next switch. When the script's own
thread takes and it has no other thread, nothing else can write: the file is simply
read and emptied.
"""
from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable

_spare: list[int] = []  # emptied files of ended runs: their memory is already there
_spare_lock = threading.Lock()


def _memory_file() -> int:
    """An empty, unnamed read-write file descriptor, in memory where the system allows."""
    with _spare_lock:
        if _spare:
            return _spare.pop()
    if hasattr(os, "memfd_create"):
        return os.memfd_create("sprout-stdout")
    with tempfile.TemporaryFile() as file:  # unlinked at once where the system allows
        return os.dup(file.fileno())


def _written(fd: int) -> int:
    """Bytes written since the file was last emptied: where writing has got to."""
    return os.lseek(fd, 0, os.SEEK_CUR)


def _read_start(fd: int, size: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(fd, size, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while size > 0:
        chunk = os.read(fd, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


KEEP_BYTES = 8 << 20  # memory an emptied file may keep for the next writes


class OutputFile:
    """Two in-memory files; ``fd`` (what the script's ``FileIO`` writes to) points at one."""

    def __init__(self) -> None:
        self._files = [_memory_file(), _memory_file()]
        self._writing = 0
        self.fd = os.dup(self._files[0])
        self._ended = False

    def take(self, switch: bool, wait_for_writers: Callable[[], None]) -> bytes:
        """Everything written since the last take; the caller has flushed the buffered
        writer just before. ``switch``: other threads may be writing (and the writer is
        open), so the descriptor moves to the other file first and ``wait_for_writers``
        flushes again (taking the writer's lock) before this one is read."""
        full = self._files[self._writing]
        if self._ended or _written(full) == 0:
            return b""
        if switch:
            os.dup2(self._files[1 - self._writing], self.fd, inheritable=False)
            self._writing = 1 - self._writing
            wait_for_writers()
        data = _read_start(full, _written(full))
        # Emptied by moving back to the start: the next writes reuse the same memory,
        # which costs half as much as giving it back and faulting it in again.
        os.lseek(full, 0, os.SEEK_SET)
        if os.fstat(full).st_size > KEEP_BYTES:
            os.ftruncate(full, 0)
        return data

    def end(self, writer_closed: bool) -> None:
        """After the last take: later writes (a thread that outlived its run) go nowhere."""
        if self._ended:
            return
        self._ended = True
        if not writer_closed:
            sink = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(sink, self.fd, inheritable=False)
            finally:
                os.close(sink)
        for fd in self._files:
            os.lseek(fd, 0, os.SEEK_SET)
            if os.fstat(fd).st_size > KEEP_BYTES:
                os.ftruncate(fd, 0)
            with _spare_lock:
                keep = len(_spare) < 2
                if keep:
                    _spare.append(fd)
            if not keep:
                os.close(fd)
