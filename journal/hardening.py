"""Process hardening at start: no core dumps that could hold decrypted text or the key."""

from __future__ import annotations

import sys


def disable_core_dumps() -> None:
    """RLIMIT_CORE = 0 everywhere it exists; PR_SET_DUMPABLE = 0 on Linux."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_dumpable = 4
            libc.prctl(pr_set_dumpable, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass
