"""What Find and Replace look for: plain text or a regular expression, with its options.

Plain Python strings and indices here; the find bar converts to Qt's positions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

MAX_MATCHES = 100_000   # counting beyond this would only slow the window down


@dataclass(frozen=True)
class Query:
    """The find bar's field and its three options."""

    text: str
    match_case: bool = False
    whole_word: bool = False
    regex: bool = False

    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern; ``re.error`` for an unfinished regular expression."""
        body = self.text if self.regex else re.escape(self.text)
        if self.whole_word:
            # Not \b: a search for "+=" or "(x" as a whole word must still work.
            body = rf"(?<!\w)(?:{body})(?!\w)"
        return re.compile(body, 0 if self.match_case else re.IGNORECASE)


def find_all(text: str, query: Query) -> list[re.Match[str]]:
    """Every non-empty match in ``text``, in order (an empty match finds nothing to show)."""
    if not query.text:
        return []
    matches = []
    for match in query.pattern().finditer(text):
        if match.end() > match.start():
            matches.append(match)
            if len(matches) >= MAX_MATCHES:
                break
    return matches


def replacement_for(match: re.Match[str], query: Query, replace: str) -> str:
    """What replaces ``match``: the text as typed, or with ``\\1``/``\\g<name>`` filled in for a regex."""
    return match.expand(replace) if query.regex else replace

