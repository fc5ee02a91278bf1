"""Which encoding a script is saved in: the one its own coding line declares (PEP 263).

Python reads a file in the encoding named on its first or second line, so Sprout saves
in that encoding too, whatever the file was opened in: a learner who edits the coding
line changes how the file is written. Without a declaration the file is UTF-8, keeping
the byte-order mark it had when opened.
"""
from __future__ import annotations

import tokenize

from .i18n import tr


class EncodingProblem(Exception):
    """Why the text cannot be saved in its declared encoding, in words for the learner."""


def declared_encoding(text: str) -> str | None:
    """The encoding the text's coding line names (Python's spelling), or None without one."""
    head = [(line + "\n").encode("utf-8") for line in text.split("\n", 2)[:2]]
    lines = iter(head)
    try:
        encoding, _ = tokenize.detect_encoding(lambda: next(lines, b""))
    except SyntaxError:  # tokenize names only an unknown encoding here
        raise EncodingProblem(tr("The coding line names an encoding Python does not know. "
                                 "Correct it (for example to utf-8), then save again.")) from None
    return None if encoding == "utf-8" else encoding  # tokenize's answer when nothing is declared


def encoding_to_save(text: str, opened_in: str) -> str:
    """The encoding to write ``text`` in; ``EncodingProblem`` when it cannot hold the text."""
    encoding = declared_encoding(text) or ("utf-8-sig" if opened_in == "utf-8-sig" else "utf-8")
    try:
        text.encode(encoding)
    except UnicodeEncodeError as error:
        line = text.count("\n", 0, error.start) + 1
        raise EncodingProblem(tr("The file declares the encoding {encoding}, which cannot hold the "
                                 "character {character} on line {line}. Remove the character, or change "
                                 "the coding line to utf-8, then save again.").format(
            encoding=encoding, character=text[error.start], line=line)) from None
    return encoding
