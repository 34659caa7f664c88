"""Services over an open journal that both the CLI and the window use (no Qt)."""
