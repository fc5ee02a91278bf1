"""Bracket matching: which bracket pairs with the one beside the cursor."""
from __future__ import annotations

BRACKETS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {close: open_ for open_, close in BRACKETS.items()}
BRACKET_SCAN_LIMIT = 20_000


def find_matching_bracket(text: str, position: int) -> int | None:
    """Index of the bracket matching ``text[position]`` (strings are not skipped)."""
    if not 0 <= position < len(text) or (text[position] not in BRACKETS and text[position] not in CLOSERS):
        return None
    char = text[position]
    if char in BRACKETS:
        step, opener, closer = 1, char, BRACKETS[char]
    else:
        step, opener, closer = -1, char, CLOSERS[char]
    depth = 0
    index = position
    for _ in range(BRACKET_SCAN_LIMIT):
        if not 0 <= index < len(text):
            return None
        if text[index] == opener:
            depth += 1
        elif text[index] == closer:
            depth -= 1
            if depth == 0:
                return index
        index += step
    return None
