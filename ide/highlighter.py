"""Python highlighting from pygments, correct across multi-line strings.

Qt highlights one block (line) at a time. Pygments' lexer is a state machine, so the
lexer's state stack at the end of each line is stored as the block's state number;
the next line resumes from it. Editing inside a triple-quoted string changes that
line's end state, and Qt re-highlights the following lines until states agree again.

Opening a triple-quoted string in the middle of a long file turns every later line into
string: Qt would recolour all of them before the key shows (40 ms for 1,000 lines). Past
the edited lines, a recolouring pass stops after ``CASCADE_BUDGET_S`` (the screen's
lines come first, so they are right when drawn): that line keeps its old end state, which
ends Qt's pass, and the next event-loop pass carries on from it, a budget at a time,
with keys handled in between.
"""
from __future__ import annotations

import time

from pygments import unistring
from pygments.lexer import RegexLexer
from pygments.lexers import PythonLexer
from pygments.style import StyleMeta
from pygments.token import Error, Token, Whitespace, _TokenType
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextCursor, QTextDocument

from .text_positions import to_qt

CASCADE_BUDGET_S = 0.002  # recolouring past the edit, per event-loop pass

# pygments spells a Python name out as two Unicode classes of some 700 ranges each;
# compiling them was most of the lexer's 20 ms at start. Python's own word characters
# (the letters, digits and underscore of every script) find the same names, in 8 ms.
_PYGMENTS_NAME = f"[{unistring.xid_start}][{unistring.xid_continue}]*"
_NAME = r"[^\W\d]\w*"


def _with_quick_names(rule: object) -> object:
    if isinstance(rule, tuple) and isinstance(rule[0], str) and _PYGMENTS_NAME in rule[0]:
        return (rule[0].replace(_PYGMENTS_NAME, _NAME), *rule[1:])
    return rule


class QuickPythonLexer(PythonLexer):
    """pygments' Python lexer, with names matched by Python's word characters."""

    tokens = {state: [_with_quick_names(rule) for rule in rules] for state, rules in PythonLexer.tokens.items()}


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
        self._lexer = QuickPythonLexer()
        self._stacks: list[tuple[str, ...]] = [("root",)]
        self._stack_ids: dict[tuple[str, ...], int] = {("root",): 0}
        self._formats: dict[_TokenType, QTextCharFormat] = {}
        # Where the edit Qt is recolouring ends, and when its pass began (see the docstring).
        self._edit_end = 0
        self._pass_started = 0.0
        self._pending_pass = False
        self._resume: QTextCursor | None = None  # at the line a pass stopped at (kept through edits)
        # Connected after Qt's own recolouring slot: runs once an edit's pass is over.
        document.contentsChange.connect(self._after_pass)
        self.set_style(style)

    def set_style(self, style: StyleMeta) -> None:
        self._style = style
        self._formats.clear()
        self.rehighlight()

    def rehighlight(self) -> None:
        """Recolour the whole document now, with no budget (a new style)."""
        self._recolour_from(self.document().firstBlock(), whole=True)

    def _recolour_from(self, block: QTextBlock, whole: bool = False) -> None:
        """Recolour ``block`` (the document with ``whole``) and, a budget at a time, what follows."""
        self._edit_end = self.document().characterCount() if whole else block.position() + block.length()
        self._pass_started = time.perf_counter()
        self._pending_pass = True
        if whole:
            super().rehighlight()
        else:
            # Catching up is no edit: what listens for edits (the halted-line marker, the
            # saved-state check) does not hear it; the view still repaints.
            document = self.document()
            blocked = document.blockSignals(True)
            try:
                self.rehighlightBlock(block)
            finally:
                document.blockSignals(blocked)
        self._after_pass()

    def _after_pass(self, *_change: int) -> None:
        """A pass is over: the next one starts its own budget; a cut one resumes next time round."""
        self._pending_pass = False
        self._edit_end = 0
        resume, self._resume = self._resume, None
        if resume is not None:
            QTimer.singleShot(0, self, lambda: self._recolour_from(resume.block()))

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
        block = self.currentBlock()
        if not self._pending_pass:  # the first block of a pass Qt began (for an edit, mostly)
            self._pending_pass = True
            self._pass_started = time.perf_counter()
            self._edit_end = block.position() + block.length()
            QTimer.singleShot(0, self, self._after_pass)  # a pass no edit signal ends
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
        state = self._stack_id(end_stack)
        old = self.currentBlockState()
        if (state != old and old != -1 and block.position() >= self._edit_end and self._resume is None
                and time.perf_counter() - self._pass_started > CASCADE_BUDGET_S):
            # Out of budget past the edit: keep the old state (Qt's pass ends here) and
            # come back to this line in the next event-loop pass.
            self._resume = QTextCursor(block)
            state = old
        self.setCurrentBlockState(state)
