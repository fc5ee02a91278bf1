"""Reading, saving and recovering the learner's files without ever losing text."""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from vm.report.source_files import MAX_FILE_BYTES, UnreadableFile, read_source, read_source_and_encoding

__all__ = ["MAX_FILE_BYTES", "UnreadableFile", "read_source", "read_source_and_encoding", "save_atomically",
           "RecoveryStore", "Recovered"]


def _user_file_mode() -> int:
    """What a new file gets from an ordinary editor: 0o666 less the user's umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def save_atomically(path: str | Path, text: str, private: bool = False, encoding: str = "utf-8") -> None:
    """Write to a temporary file beside ``path``, then swap it in: never half a file.

    An existing file keeps its mode; a new one gets the user's usual mode, or stays
    readable by its owner only when ``private`` (recovery copies of unsaved work).
    """
    path = Path(path)
    data = text.encode(encoding)  # before anything is created: a text the encoding cannot hold changes nothing
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        elif not private:
            os.chmod(temporary, _user_file_mode())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Recovered:
    """An unsaved buffer found after a crash."""

    text: str
    original_path: str | None
    saved_at: float
    entry: Path


class RecoveryStore:
    """Autosaved copies of unsaved buffers; removed on save and on a clean exit."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _entry(self, session_key: str) -> Path:
        digest = hashlib.sha1(session_key.encode()).hexdigest()[:16]
        return self.folder / f"{digest}.json"

    def store(self, session_key: str, text: str, original_path: str | None) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        payload = {"text": text, "original_path": original_path, "saved_at": time.time()}
        save_atomically(self._entry(session_key), json.dumps(payload), private=True)

    def discard(self, session_key: str) -> None:
        try:
            self._entry(session_key).unlink(missing_ok=True)
        except OSError:
            pass  # an unwritable recovery folder holds nothing to discard; closing must not fail

    def pending(self) -> list[Recovered]:
        found = []
        for entry in sorted(self.folder.glob("*.json")) if self.folder.exists() else []:
            try:
                payload = json.loads(entry.read_text(encoding="utf-8"))
                found.append(Recovered(text=payload["text"], original_path=payload.get("original_path"),
                                       saved_at=float(payload.get("saved_at", 0)), entry=entry))
            except (OSError, ValueError, KeyError, TypeError):
                continue  # a damaged entry must not stop the IDE from starting
        return found

    @staticmethod
    def forget(recovered: Recovered) -> None:
        recovered.entry.unlink(missing_ok=True)
