"""Which package to install for a module a program could not import.

The name in ``import`` is a module's, and the package index knows projects: ``cv2`` is
``opencv-python``, ``PIL`` is ``Pillow``. The common cases in courses are listed; any
other module is looked up under its own name.
"""
from __future__ import annotations

import re
import sys

from .results import RunResult

PROJECTS = {
    "cv2": "opencv-python", "PIL": "Pillow", "sklearn": "scikit-learn", "skimage": "scikit-image",
    "yaml": "PyYAML", "bs4": "beautifulsoup4", "dateutil": "python-dateutil", "serial": "pyserial",
    "usb": "pyusb", "Crypto": "pycryptodome", "dotenv": "python-dotenv", "docx": "python-docx",
    "pptx": "python-pptx", "magic": "python-magic", "attr": "attrs", "jwt": "PyJWT", "wx": "wxPython",
    "OpenGL": "PyOpenGL", "gi": "PyGObject", "Levenshtein": "python-Levenshtein", "fitz": "PyMuPDF",
}
_NO_MODULE = re.compile(r"No module named '([^']+)'")


def missing_module(result: RunResult) -> str | None:
    """The top-level module a ``ModuleNotFoundError`` names, unless Python ships it."""
    if result.error_type != "ModuleNotFoundError":
        return None
    found = _NO_MODULE.search(result.message or "")
    if not found:
        return None
    top = found.group(1).split(".")[0]
    return None if top in sys.stdlib_module_names else top


def project_for(module: str) -> str:
    """The package index's name for the project that provides ``module``."""
    return PROJECTS.get(module, module)
