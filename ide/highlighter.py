"""Python highlighting from pygments, correct across multi-line strings.

Qt highlights one block (line) at a time. Pygments' lexer is a state machine, so the
lexer's state stack at the end of each line is stored as the block's state number;
the next line resumes from it. Editing inside a triple-quoted string changes that
line's end state, and Qt re-highlights the following lines until states agree again.
"""
from __future__ import annotations

from pygments.lexer import RegexLexer
from pygments.lexers import PythonLexer
from pygments.style import StyleMeta
from pygments.token import Error, Token, Whitespace, _TokenType
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from .text_positions import to_qt


def lex_line(lexer: RegexLexer, text: str, stack: tuple[str, ...]):
    """Tokens of ``text`` starting from ``stack``; returns (tokens, end stack).

    The loop is pygments' ``RegexLexer.get_tokens_unprocessed``, kept so the final
    state stack can be returned (the original keeps it local).
    """
    tokens: list[tuple[int, _TokenType, str]] = []
    pos = 0
    tokendefs = lexer._tokens
    statestack = list(stack)
    statetokens = tokendefs[statestack[-1]]
    while True:
        for rexmatch, action, new_state in statetokens:
            match = rexmatch(text, pos)
            if not match:
                continue
            if action is not None:
                if type(action) is _TokenType:
                    tokens.append((pos, action, match.group()))
                else:
                    tokens.extend(action(lexer, match))
            pos = match.end()
            if new_state is not None:
                _apply_transition(statestack, new_state)
                statetokens = tokendefs[statestack[-1]]
            break
        else:
            if pos >= len(text):
                break
            if text[pos] == "\n":
                statestack = ["root"]
                statetokens = tokendefs["root"]
                tokens.append((pos, Whitespace, "\n"))
            else:
                tokens.append((pos, Error, text[pos]))
            pos += 1
    return tokens, tuple(statestack)


def _apply_transition(statestack: list[str], new_state: object) -> None:
    if isinstance(new_state, tuple):
        for state in new_state:
            if state == "#pop":
                if len(statestack) > 1:
                    statestack.pop()
            elif state == "#push":
                statestack.append(statestack[-1])
            else:
                statestack.append(state)
    elif isinstance(new_state, int):
        if abs(new_state) >= len(statestack):
            del statestack[1:]
        else:
            del statestack[new_state:]
    elif new_state == "#push":
        statestack.append(statestack[-1])


class PythonHighlighter(QSyntaxHighlighter):
    """Colours Python source with a pygments style."""

    def __init__(self, document: QTextDocument, style: StyleMeta) -> None:
        super().__init__(document)
        self._lexer = PythonLexer()
        self._stacks: list[tuple[str, ...]] = [("root",)]
        self._stack_ids: dict[tuple[str, ...], int] = {("root",): 0}
        self._formats: dict[_TokenType, QTextCharFormat] = {}
        self.set_style(style)

    def set_style(self, style: StyleMeta) -> None:
        self._style = style
        self._formats.clear()
        self.rehighlight()

    def _stack_id(self, stack: tuple[str, ...]) -> int:
        if stack not in self._stack_ids:
            self._stack_ids[stack] = len(self._stacks)
            self._stacks.append(stack)
        return self._stack_ids[stack]

    def _format(self, token: _TokenType) -> QTextCharFormat:
        cached = self._formats.get(token)
        if cached is not None:
            return cached
        char_format = QTextCharFormat()
        style = self._style.style_for_token(token) if token is not Token else {}
        if style.get("color"):
            char_format.setForeground(QColor("#" + style["color"]))
        if style.get("bold"):
            char_format.setFontWeight(QFont.Weight.Bold)
        if style.get("italic"):
            char_format.setFontItalic(True)
        self._formats[token] = char_format
        return char_format

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        previous = self.previousBlockState()
        stack = self._stacks[previous] if 0 <= previous < len(self._stacks) else ("root",)
        tokens, end_stack = lex_line(self._lexer, text + "\n", stack)
        for start, token, value in tokens:
            if start >= len(text):
                break
            end = min(start + len(value), len(text))
            # Qt counts UTF-16 units: an emoji before this token shifts it by one.
            qt_start = to_qt(text, start)
            self.setFormat(qt_start, to_qt(text, end) - qt_start, self._format(token))
        self.setCurrentBlockState(self._stack_id(end_stack))
