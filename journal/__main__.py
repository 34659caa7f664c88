"""Allow ``python -m journal``."""

from journal.cli.main import main

raise SystemExit(main())
