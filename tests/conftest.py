import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests read Sprout's English texts; a developer's Chinese desktop must not change them.
# (Tests of the Chinese catalogues choose their language explicitly.)
os.environ["LANGUAGE"] = "en"
