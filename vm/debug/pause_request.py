"""A debugger's request to be called on the script thread at its next safe point."""
from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

AtSafePoint = Callable[[Any], None]


class PauseRequest:
    """One pending call, set from any thread and taken by the script thread.

    Both happen under one lock, so a request made while the script thread takes the
    one before is never cleared unseen. A newer request replaces an older one still
    waiting (pressing Pause twice pauses once).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._callback: AtSafePoint | None = None

    @property
    def pending(self) -> AtSafePoint | None:
        return self._callback

    def set(self, callback: AtSafePoint) -> None:
        with self._lock:
            self._callback = callback

    def take(self) -> AtSafePoint | None:
        with self._lock:
            callback, self._callback = self._callback, None
        return callback
