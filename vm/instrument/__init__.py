"""Compiling a learner's code with safe points: the AST pass (``compiler``) and what it relies on
(where safe points may be left out, folded literals, routed ``print`` calls), and code built at
run time (``exec``/``eval``/``compile``).
"""
