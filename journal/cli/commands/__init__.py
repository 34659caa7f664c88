"""One module per ``refill`` sub-command, discovered by ``journal.cli.main``.

Each module defines ``register(subparsers, common)`` adding its parser with
``set_defaults(run=...)``; ``run(args) -> int`` does the work. Heavy imports stay inside ``run``.
"""
