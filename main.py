"""Sprout from a checkout: ``python main.py [FILE]``, ``python main.py run FILE`` (``--help``).

The installed ``sprout`` command runs the same ``ide.launcher.main``.
"""
import sys

from ide.launcher import main

if __name__ == "__main__":
    sys.exit(main())
