"""One plain-language sentence under a traceback: which line, and the likely cause.

Learners read "TypeError: unsupported operand type(s)" as noise. ``explain`` turns
the most common errors and every kind of stop into a sentence that names the line
and what probably went wrong; the Python message stays shown above it.
"""
from __future__ import annotations

import ast
import builtins
import difflib
import re
import sys

from ..core.i18n import N_, SPACE, _
from .explain_halt import explain_halt
from .missing_modules import missing_module, project_for
from .results import SYNTAX_ERRORS, RunResult, Status

TYPE_WORDS = {
    "int": N_("a whole number (int)"), "float": N_("a decimal number (float)"), "str": N_("text (str)"),
    "list": N_("a list"), "dict": N_("a dictionary"), "tuple": N_("a tuple"), "set": N_("a set"),
    "NoneType": N_("None (nothing)"), "bool": N_("True/False (bool)"), "function": N_("a function"),
}
BUILTIN_TYPES = {"str": str, "list": list, "dict": dict, "int": int, "float": float,
                 "tuple": tuple, "set": set, "bool": bool, "bytes": bytes}
def _words(type_name: str) -> str:
    known = TYPE_WORDS.get(type_name)
    return _(known) if known else _("a {type}").format(type=type_name)


def _parse(source: str) -> ast.AST | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _names_in(tree: ast.AST | None) -> set[str]:
    names: set[str] = set(dir(builtins))
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return {name for name in names if not name.startswith("__sprout")}


def _closest(word: str, candidates: set[str] | list[str]) -> str | None:
    options = [c for c in candidates if c != word and not c.startswith("_")]
    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.7)
    return matches[0] if matches else None


def explain(result: RunResult, source: str) -> str | None:
    """The friendly sentence for ``result``, or None when there is nothing to add."""
    if result.status is Status.FINISHED or not result.error_type:
        return None
    tree = _parse(source) if result.error_type not in SYNTAX_ERRORS else None
    if result.status is Status.HALTED:
        return explain_halt(result, tree)
    line = result.frames[-1].line if result.frames else None
    at = _("Line {line}").format(line=line) if line else _("Your program")
    if _while_drawing(result, source):
        return _("{at} shows or saves matplotlib figures, and drawing one of them failed: something "
                 "given to matplotlib before this line (a title or label, the data, a colour) cannot "
                 "be drawn. The message above names it.").format(at=at)
    handler = EXPLAINERS.get(result.error_type)
    if handler is None:
        return None
    return handler(result, at, tree)


DRAWING_CALLS = re.compile(r"\b(show|pause|savefig|draw|draw_idle|flush_events)\s*\(")


def _while_drawing(result: RunResult, source: str) -> bool:
    """An error that matplotlib raised while drawing, on the line that showed or saved."""
    return (bool(result.frames) and "matplotlib" in source and result.error_type in ("ValueError", "TypeError", "KeyError",
                                                                               "RuntimeError", "OverflowError")
            and DRAWING_CALLS.search(result.frames[-1].source or "") is not None)


def _name_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    match = re.search(r"name '(\w+)' is not defined", result.message)
    if not match:
        return _("{at} uses a name that does not exist.").format(at=at)
    name = match.group(1)
    text = _("{at} uses the name {name}, but nothing called {name} exists at that point.").format(at=at, name=name)
    suggestion = _closest(name, _names_in(tree))
    if suggestion:
        return text + SPACE() + _("Did you mean {suggestion}?").format(suggestion=suggestion)
    return text + SPACE() + _("If you meant the text {name}, put it in quotes: \"{name}\". "
                          "Otherwise give it a value before this line.").format(name=name)


def _unbound_local(result: RunResult, at: str, tree: ast.AST | None) -> str:
    match = re.search(r"local variable '(\w+)'|cannot access local variable '(\w+)'", result.message)
    name = next((group for group in match.groups() if group), "it") if match else "it"
    function = result.frames[-1].function if result.frames else "f"
    return _("{at} reads {name} before {function}() has given it a value. Because {function}() "
             "assigns to {name} somewhere, Python treats {name} as {function}()'s own variable "
             "everywhere inside it. Pass {name} in as a parameter, or write 'global {name}' "
             "at the top of {function}().").format(at=at, name=name, function=function)


def _type_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    message = result.message
    operands = re.search(r"unsupported operand type\(s\) for (.+?): '(\w+)' and '(\w+)'", message)
    if operands:
        op, left, right = operands.groups()
        text = _("{at} uses {op} on {left} and {right}, which Python cannot combine.").format(
            at=at, op=op, left=_words(left), right=_words(right))
        if "str" in (left, right) and {left, right} & {"int", "float"}:
            text += SPACE() + _("Turn the text into a number with int(...) or float(...), "
                            "or the number into text with str(...).")
        return text
    concat = re.search(r'can only concatenate (\w+) \(not "(\w+)"\) to (\w+)', message)
    if concat:
        kind, other, _joined = concat.groups()
        fix = SPACE() + _("Use str(...) around the number, or an f-string like f\"Score: {{score}}\".").format() \
            if kind == "str" else ""
        return _("{at} joins {left} and {right} with +, which does not work.").format(
            at=at, left=_words(kind), right=_words(other)) + fix
    compare = re.search(r"'(.+?)' not supported between instances of '(\w+)' and '(\w+)'", message)
    if compare:
        op, left, right = compare.groups()
        return _("{at} compares {left} with {right} using {op}. Convert one of them "
                 "first, e.g. int(...) for text that holds a number.").format(
            at=at, left=_words(left), right=_words(right), op=op)
    arguments = re.search(r"(\w+)\(\) (takes .+ given|missing \d+ required .+)", message)
    if arguments:
        return _("{at} calls {function}() with the wrong number of values: it {problem}. "
                 "Compare the call with the def line.").format(
            at=at, function=arguments.group(1), problem=arguments.group(2))
    not_callable = re.search(r"'(\w+)' object is not callable", message)
    if not_callable:
        return _("{at} uses brackets ( ) after {value}, as if it were a function. "
                 "Is a * missing, or does a variable have the same name as a function?").format(
            at=at, value=_words(not_callable.group(1)))
    other = re.search(r"'(\w+)' object is not (subscriptable|iterable)", message)
    if other:
        kind, what = other.groups()
        if what == "subscriptable":
            return _("{at} tries to use [ ] on {value}, which cannot do that.").format(at=at, value=_words(kind))
        return _("{at} tries to loop over {value}, which cannot do that.").format(at=at, value=_words(kind))
    return _("{at} used a value of the wrong type for what it was doing.").format(at=at)


def _index_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    return _("{at} asks for a position that the sequence does not have. Positions start at 0, "
             "so the last one is len(...) - 1.").format(at=at)


def _key_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    return _("{at} looks up the key {key} in a dictionary that does not contain it. "
             "Check the spelling, or use .get(key) to get None instead of an error.").format(at=at, key=result.message)


def _zero_division(result: RunResult, at: str, tree: ast.AST | None) -> str:
    return _("{at} divides by zero. Check that the number you divide by is not 0 before dividing.").format(at=at)


def _value_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    literal = re.search(r"invalid literal for (int|float)\(\) with base \d+: (.*)$|could not convert string to float: (.*)$",
                        result.message)
    if literal:
        kind = literal.group(1) or "float"
        text = literal.group(2) or literal.group(3)
        if kind == "int":
            sentence = _("{at} tries to turn the text {text} into a whole number, but it is not one.")
        else:
            sentence = _("{at} tries to turn the text {text} into a number, but it is not one.")
        return sentence.format(at=at, text=text) + SPACE() + _(
            "If it comes from input(), the person typed something else: check it, or use try/except ValueError.")
    return _("{at} got a value of the right type but an unusable content: {message}.").format(
        at=at, message=result.message)


def _attribute_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    message = result.message
    if message.startswith("'NoneType' object"):
        return _("{at} uses a value that is None. Often a function forgot to 'return' its result, "
                 "or a method like list.sort() returns None.").format(at=at)
    found = re.search(r"'(\w+)' object has no attribute '(\w+)'", message) or \
        re.search(r"module '([\w.]+)' has no attribute '(\w+)'", message)
    if found and message.startswith(("module", "partially initialized module")):
        owner, attribute = found.groups()
        real = sys.modules.get(owner)
        if owner in sys.stdlib_module_names and real is not None and hasattr(real, attribute):
            return _("{at} asks the module {owner} for {attribute}, and Python's own {owner} has it: "
                     "so this {owner} is probably a file of yours called {owner}.py, which Python "
                     "imports instead of its own. Rename your file (and delete any "
                     "__pycache__ folder beside it).").format(at=at, owner=owner, attribute=attribute)
    if not found:
        return _("{at} asks a value for something it does not have.").format(at=at)
    owner, attribute = found.groups()
    if message.startswith("module"):
        module = sys.modules.get(owner)
        suggestion = _closest(attribute, dir(module)) if module else None
        text = _("{at} asks the module {owner} for {attribute}, which it does not have.").format(
            at=at, owner=owner, attribute=attribute)
    else:
        kind = BUILTIN_TYPES.get(owner)
        suggestion = _closest(attribute, dir(kind)) if kind else None
        if owner == "list" and attribute in ("push", "add"):
            suggestion = "append"
        text = _("{at} asks {value} for {attribute}, which it does not have.").format(
            at=at, value=_words(owner), attribute=attribute)
    return text + (SPACE() + _("Did you mean {suggestion}?").format(suggestion=suggestion) if suggestion else "")


def _recursion_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    function = result.frames[-1].function if result.frames else "f"
    return _("The function {function}() kept calling itself and never stopped. Check that it has a "
             "case that returns without calling itself, and that each call gets closer to that case.").format(
        function=function)


def _syntax_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    message = result.message
    line = result.frames[0].line if result.frames else "?"
    if "expected ':'" in message:
        text = _("Line {line} needs a colon : at the end, as every if, elif, else, for, while, def and class line does.")
    elif opened := re.search(r"'(.)' was never closed", message):
        return _("A bracket {bracket} opened on line {line} is never closed. Add the matching closing bracket.").format(
            bracket=opened.group(1), line=line)
    elif "Maybe you meant '==' or ':='" in message or "cannot assign to" in message and "==" in message:
        text = _("Line {line} uses = (which stores a value) where a comparison needs == (is equal to).")
    elif "unterminated string" in message or "EOL while scanning" in message:
        text = _("The text (string) on line {line} starts with a quote but never ends. Add the closing quote.")
    elif "does not match" in message and "closing parenthesis" in message:
        text = _("Line {line} closes a bracket with the wrong kind: ( ) [ ] {{ }} must match in pairs.")
    elif result.error_type in ("IndentationError", "TabError"):
        if "expected an indented block" in message:
            text = _("Line {line} should be indented (moved right by 4 spaces) because the line before it ends with a colon.")
        elif "unexpected indent" in message:
            text = _("Line {line} is indented more than the lines around it. Line it up with the code before it.")
        else:
            text = _("Line {line} is not lined up with any block above it. Indent it exactly like the lines it belongs with.")
    else:
        text = _("Python could not understand line {line}: look for a missing bracket, quote, comma or colon "
                 "there or just before.")
    return text.format(line=line)


def _module_not_found(result: RunResult, at: str, tree: ast.AST | None) -> str | None:
    module = missing_module(result)
    if module is None:
        return None
    return _("{at} imports {module}, which is not installed for your programs. If it is a package from "
             "PyPI, Tools > Manage Packages installs it (its name there: {project}); if it is a file of yours, "
             "check that {module}.py is in the same folder as your program.").format(
        at=at, module=module, project=project_for(module))


def _turtle_error(result: RunResult, at: str, tree: ast.AST | None) -> str:
    colour = re.search(r"bad colou?r (?:string|arguments|sequence): (.*)$", result.message)
    if colour:
        return _("{at} gives turtle a colour it does not know: {colour}. Use a name such as "
                 "\"red\" or \"light blue\", a code such as \"#ff8800\", or three numbers from 0 to 1 "
                 "(0 to 255 after colormode(255)).").format(at=at, colour=colour.group(1))
    return _("{at} asks turtle for something it cannot do: {message}").format(at=at, message=result.message)


def _terminator(result: RunResult, at: str, tree: ast.AST | None) -> str:
    return _("{at} asks turtle to draw after its window was closed (by bye() or by closing the "
             "Drawing pane), so turtle ended the program. Leave bye() out: Sprout keeps the "
             "drawing on screen when the program ends.").format(at=at)


EXPLAINERS = {
    "TurtleGraphicsError": _turtle_error, "Terminator": _terminator,
    "NameError": _name_error, "UnboundLocalError": _unbound_local, "TypeError": _type_error,
    "IndexError": _index_error, "KeyError": _key_error, "ZeroDivisionError": _zero_division,
    "ValueError": _value_error, "AttributeError": _attribute_error,
    "RecursionError": _recursion_error, "ModuleNotFoundError": _module_not_found,
    **{name: _syntax_error for name in SYNTAX_ERRORS},
}
