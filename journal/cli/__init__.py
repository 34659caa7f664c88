"""The ``refill`` command line. Importing it never imports Qt or matplotlib."""
