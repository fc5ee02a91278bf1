"""Does a correct program behave as under plain Python? CPython's own tests answer.

    python bench/conformance.py [--jobs N] [MODULE ...]

Runs each of CPython's regression-test modules (the interpreter's ``test`` package)
as a script, plainly (``python FILE``) and through Sprout (``python main.py run
FILE``), side by side, and compares what a learner would see: the exit code, the
number of tests run and the verdict line (``OK`` / ``FAILED (...)``). Modules that
do not pass plainly are left out of the count. The default list is what courses
touch: built-in types, the standard library learners import, the language itself.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import test

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(test.__file__).parent
TIMEOUT = 300
COURSE_MODULES = """
test_abc test_argparse test_augassign test_base64 test_binop test_bisect test_bool test_builtin
test_bytes test_calendar test_class test_cmath test_collections test_colorsys test_compare
test_complex test_contains test_contextlib test_copy test_csv test_dataclasses test_datetime
test_decorators test_defaultdict test_deque test_descr test_dict test_dictviews test_difflib
test_dynamic test_enum test_enumerate test_exception_variations test_exceptions test_float
test_fnmatch test_format test_fractions test_fstring test_funcattrs test_functools test_generators
test_genexps test_getopt test_global test_grammar test_hash test_heapq test_index test_int
test_int_literal test_isinstance test_iter test_itertools test_keywordonlyarg test_list
test_listcomps test_long test_math test_opcodes test_operator test_ordered_dict test_pow
test_pprint test_print test_property test_random test_range test_raise test_re test_reprlib
test_richcmp test_scope test_set test_setcomps test_shlex test_slice test_sort test_statistics
test_string test_string_literals test_strtod test_struct test_super test_textwrap test_time
test_tuple test_types test_typing test_unary test_unicode test_str test_userdict test_userlist
test_userstring test_with test_zip test_doctest test_unittest test_json test_bigmem test_uuid
""".split()
SUMMARY = re.compile(r"^(Ran \d+ tests?)|^(OK.*|FAILED.*)$", re.M)


def target(name: str) -> Path | None:
    module = TESTS / f"{name}.py"
    if module.is_file():
        return module
    package_main = TESTS / name / "__main__.py"
    return package_main if package_main.is_file() else None


def outcome(command: list[str]) -> tuple[int, str]:
    env = {**os.environ, "PYTHONHASHSEED": "0", "QT_QPA_PLATFORM": "offscreen"}
    try:
        completed = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT,
                                   env=env, stdin=subprocess.DEVNULL, cwd=str(TESTS.parent))
    except subprocess.TimeoutExpired:
        return -1, "timed out"
    found = SUMMARY.findall(completed.stderr + completed.stdout)
    words = " / ".join(part for pair in found for part in pair if part)
    return completed.returncode, re.sub(r" \(\d+\.\d+s\)", "", words) or "(no summary)"


def compare(name: str) -> tuple[str, tuple[int, str], tuple[int, str]] | None:
    path = target(name)
    if path is None:
        return None
    plain = outcome([sys.executable, str(path)])
    engine = outcome([sys.executable, str(ROOT / "main.py"), "run", str(path)])
    return name, plain, engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("modules", nargs="*", default=COURSE_MODULES)
    args = parser.parse_args()
    with ThreadPoolExecutor(args.jobs) as pool:
        results = [result for result in pool.map(compare, args.modules) if result is not None]
    passing = [r for r in results if r[1][0] == 0]
    agree = [r for r in passing if r[1] == r[2]]
    print(f"Python {sys.version.split()[0]}: {len(results)} modules found, {len(passing)} pass plainly")
    for name, plain, engine in passing:
        mark = "same" if plain == engine else "DIFFERENT"
        if plain != engine:
            print(f"  {name:28} {mark}: plain {plain} | sprout {engine}")
    print(f"agree in {len(agree)} of {len(passing)} modules that pass plainly")


if __name__ == "__main__":
    main()
