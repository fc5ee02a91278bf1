"""Update and compile Sprout's translations.

    python tools/translations.py update    # collect new strings into the catalogues
    python tools/translations.py compile   # build what Sprout loads (.mo and .qm)

Two catalogues per language. The engine (``vm/``, no Qt) uses ``gettext``: every
``_("...")``/``ngettext(...)`` in ``vm/`` goes into ``vm/locale/<lang>/LC_MESSAGES/
sprout.po``, compiled here to ``sprout.mo``. The IDE uses Qt's system: ``tr("...")`` in
``ide/`` go into ``resources/translations/sprout_<lang>.ts`` through
PySide6's own ``pyside6-lupdate`` and are compiled by ``pyside6-lrelease`` to ``.qm``.
Translators edit the ``.po`` and ``.ts`` files (Qt Linguist opens the latter); new
strings arrive with an empty translation, and the tests fail until they are filled.
"""
from __future__ import annotations

import ast
import shutil
import struct
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN",)
PO_HEADER = ("Project-Id-Version: Sprout\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
             "Content-Transfer-Encoding: 8bit\nLanguage: {language}\nPlural-Forms: nplurals=1; plural=0;\n")


@dataclass
class Message:
    msgid: str
    plural: str | None = None
    translations: list[str] = field(default_factory=lambda: [""])
    places: list[str] = field(default_factory=list)


def po_path(language: str) -> Path:
    return ROOT / "vm" / "locale" / language / "LC_MESSAGES" / "sprout.po"


def ts_path(language: str) -> Path:
    return ROOT / "resources" / "translations" / f"sprout_{language}.ts"


# ---- the engine's strings (gettext) --------------------------------------------------
def engine_messages() -> dict[str, Message]:
    """Every ``_("...")``, ``N_("...")`` and ``ngettext("...", "...", n)`` literal in ``vm/``
    and ``ide/launcher.py`` (what the terminal shows before any window exists)."""
    found: dict[str, Message] = {}
    for path in [*sorted((ROOT / "vm").rglob("*.py")), ROOT / "ide" / "launcher.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [arg.value for arg in node.args if isinstance(arg, ast.Constant) and isinstance(arg.value, str)]
            if node.func.id in ("_", "N_") and texts:
                message = found.setdefault(texts[0], Message(texts[0]))
            elif node.func.id == "ngettext" and len(texts) >= 2:
                message = found.setdefault(texts[0], Message(texts[0], texts[1]))
            else:
                continue
            message.places.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def _unquote(parts: list[str]) -> str:
    text = "".join(part[1:-1] for part in parts)
    out, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            nxt = text[index + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def read_po(path: Path) -> dict[str, Message]:
    """The messages of a ``.po`` file (the header entry left out)."""
    messages: dict[str, Message] = {}
    if not path.exists():
        return messages
    fields: dict[str, list[str]] = {}
    current: str | None = None

    def finish() -> None:
        if "msgid" in fields:
            msgid = _unquote(fields["msgid"])
            plural = _unquote(fields["msgid_plural"]) if "msgid_plural" in fields else None
            keys = sorted(key for key in fields if key.startswith("msgstr"))
            translations = [_unquote(fields[key]) for key in keys]
            if msgid:
                messages[msgid] = Message(msgid, plural, translations)
        fields.clear()

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = line.strip()
        if not line or line.startswith("#"):
            if not line:
                finish()
                current = None
            continue
        if line.startswith('"'):
            if current is not None:
                fields[current].append(line)
            continue
        keyword, _, rest = line.partition(" ")
        current = keyword.replace("[", "").replace("]", "")
        fields[current] = [rest]
    finish()
    return messages


def write_po(path: Path, language: str, messages: dict[str, Message]) -> None:
    lines = ["# Sprout's engine messages. Edit the msgstr lines; keep {placeholders} as they are.",
             'msgid ""', "msgstr " + _quote(PO_HEADER.format(language=language)), ""]
    for message in messages.values():
        lines += [f"#: {place}" for place in message.places[:3]]
        lines.append("msgid " + _quote(message.msgid))
        if message.plural is None:
            lines.append("msgstr " + _quote(message.translations[0]))
        else:
            lines.append("msgid_plural " + _quote(message.plural))
            lines += [f"msgstr[{index}] " + _quote(text) for index, text in enumerate(message.translations)]
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def mo_bytes(language: str, messages: dict[str, Message]) -> bytes:
    """A GNU ``.mo`` catalogue of the translated messages (what ``gettext`` reads)."""
    entries = {"": PO_HEADER.format(language=language)}
    for message in messages.values():
        if not all(message.translations):
            continue
        key = message.msgid if message.plural is None else f"{message.msgid}\0{message.plural}"
        entries[key] = "\0".join(message.translations)
    keys = sorted(entries)
    ids = [key.encode("utf-8") for key in keys]
    strs = [entries[key].encode("utf-8") for key in keys]
    start = 7 * 4 + 16 * len(keys)
    id_table, str_table, blob = [], [], b""
    for data in ids:
        id_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    for data in strs:
        str_table += [len(data), start + len(blob)]
        blob += data + b"\0"
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return header + struct.pack(f"{len(id_table)}i", *id_table) + struct.pack(f"{len(str_table)}i", *str_table) + blob


# ---- the IDE's strings (Qt) -----------------------------------------------------------
def qt_tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install PySide6 (pip install -e .)")
    return found


def ide_sources() -> list[str]:
    return [str(path.relative_to(ROOT)) for path in sorted((ROOT / "ide").glob("*.py"))]


def update() -> None:
    found = engine_messages()
    for language in LANGUAGES:
        known = read_po(po_path(language))
        for msgid, message in found.items():
            if msgid in known:
                message.translations = known[msgid].translations
        write_po(po_path(language), language, found)
        ts_path(language).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *ide_sources(),
                        "-ts", str(ts_path(language).relative_to(ROOT))], cwd=ROOT, check=True)
    print(f"{len(found)} engine messages; run 'compile' after translating")


def compile_all() -> None:
    for language in LANGUAGES:
        messages = read_po(po_path(language))
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(language, messages))
        subprocess.run([qt_tool("lrelease"), str(ts_path(language).relative_to(ROOT)), "-qm",
                        str(ts_path(language).with_suffix(".qm").relative_to(ROOT))], cwd=ROOT, check=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    else:
        sys.exit(__doc__)
