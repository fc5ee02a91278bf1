"""Qt key presses named as Tk names them (``"Up"``, ``"space"``, ``"a"``, ``"A"``), so
``turtle.onkey(jump, "space")`` hears the key the learner means."""
from __future__ import annotations

from PySide6.QtCore import Qt

Key = Qt.Key
NAMED_KEYS = {
    Key.Key_Up: "Up", Key.Key_Down: "Down", Key.Key_Left: "Left", Key.Key_Right: "Right",
    Key.Key_Space: "space", Key.Key_Return: "Return", Key.Key_Enter: "Return",
    Key.Key_Escape: "Escape", Key.Key_Backspace: "BackSpace", Key.Key_Tab: "Tab",
    Key.Key_Delete: "Delete", Key.Key_Insert: "Insert", Key.Key_Home: "Home", Key.Key_End: "End",
    Key.Key_PageUp: "Prior", Key.Key_PageDown: "Next", Key.Key_Shift: "Shift_L",
    Key.Key_Control: "Control_L", Key.Key_Alt: "Alt_L", Key.Key_Meta: "Super_L",
    Key.Key_CapsLock: "Caps_Lock",
    **{getattr(Key, f"Key_F{number}"): f"F{number}" for number in range(1, 13)},
}
PUNCTUATION = {
    " ": "space", "!": "exclam", '"': "quotedbl", "#": "numbersign", "$": "dollar",
    "%": "percent", "&": "ampersand", "'": "apostrophe", "(": "parenleft",
    ")": "parenright", "*": "asterisk", "+": "plus", ",": "comma", "-": "minus",
    ".": "period", "/": "slash", ":": "colon", ";": "semicolon", "<": "less", "=": "equal",
    ">": "greater", "?": "question", "@": "at", "[": "bracketleft", "\\": "backslash",
    "]": "bracketright", "^": "asciicircum", "_": "underscore", "`": "grave",
    "{": "braceleft", "|": "bar", "}": "braceright", "~": "asciitilde",
}


def keysym(key: int, text: str) -> str | None:
    """Tk's name for a key, or None for keys Tk programs cannot bind by a simple name."""
    try:
        named = NAMED_KEYS.get(Key(key))
    except ValueError:
        named = None
    if named is not None:
        return named
    if len(text) == 1 and text.isprintable():
        return PUNCTUATION.get(text, text)
    return None
