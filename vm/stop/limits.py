"""Optional per-run limits; each one ends a run as a halt with its own reason."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """``None`` means unlimited. Times in seconds, sizes in characters and bytes."""

    time: float | None = None
    output: int | None = None
    memory: int | None = None
    recursion: int | None = None

    def merged(self, override: Limits | None) -> Limits:
        """Values set in ``override`` win over this one's."""
        if override is None:
            return self
        return Limits(
            time=override.time if override.time is not None else self.time,
            output=override.output if override.output is not None else self.output,
            memory=override.memory if override.memory is not None else self.memory,
            recursion=override.recursion if override.recursion is not None else self.recursion,
        )
