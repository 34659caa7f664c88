"""The one object that owns a journal's SQLCipher connection.

Opening follows the rules in DESIGN.md §2: check the file before blaming the passphrase, key the
connection with the raw-key form (the passphrase never enters SQL), prove the file is encrypted,
refuse newer schemas without touching them, and only then switch on WAL and migrate.
"""

from __future__ import annotations

import glob
import os
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import sqlcipher3

from journal.files import fsync_dir, fsync_file, partial_file, remove_stale_partials
from journal.store import keys
from journal.store.errors import (
    CorruptJournal,
    DiskFull,
    JournalError,
    JournalExists,
    JournalMissing,
    JournalTooNew,
    LockedByAnotherProgram,
    NotAJournal,
    NotWritable,
    WrongPassphrase,
    typed_os_errors,
)

#: Written at creation into the SQLite header so that another SQLCipher database with the same
#: passphrase is recognised as "not a Refill journal" (ASCII "RFL1").
APPLICATION_ID = 0x52464C31
PAGE_SIZE = 4096
_PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_BUSY_TIMEOUT_MS = 15_000


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_BUSY = 5
_SQLITE_READONLY = 8
_SQLITE_FULL = 13


def _is_corruption(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "malformed" in text or "corrupt" in text or "disk i/o" in text


def _primary_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def typed_error(
    exc: sqlcipher3.Error, path: Path, written: Path | None = None
) -> JournalError | None:
    """The store's typed error for an SQLite failure on ``path``, or None when the failure is
    not about the file (a programming error, a constraint) and should propagate as it is.

    ``written`` names the file being written when that is not ``path`` (a backup): a full disk
    or a read-only place is about it.
    """
    text = str(exc)
    code = _primary_code(exc)
    if code == _SQLITE_FULL or "database or disk is full" in text:
        return DiskFull(written or path, text)
    if code == _SQLITE_READONLY or "readonly database" in text:
        return NotWritable(written or path, "the file or its folder is read-only")
    if code == _SQLITE_BUSY or "database is locked" in text:
        # Past the busy timeout: another connection holds SQLite's lock. Refill's own windows
        # are kept apart by the instance lock, so this is another program (or a Refill command
        # in the middle of a long write).
        return LockedByAnotherProgram(path, text)
    if _is_corruption(exc):
        return CorruptJournal(path, text)
    return None


class Database:
    """A keyed, checked connection with nested transactions.

    Use :meth:`open` or :meth:`create`; every write goes through :meth:`transaction`.
    """

    def __init__(self, conn: sqlcipher3.Connection, path: Path, key: bytes, salt: bytes) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = path
        self._key = bytearray(key)
        self.salt = salt
        self._depth = 0
        self._checkpoint_pending = False
        self._lock = threading.RLock()

    # ----------------------------------------------------------------- opening
    @classmethod
    def create(cls, path: Path | str, passphrase: str) -> Database:
        """Create a new, empty encrypted database (0600) keyed from ``passphrase``."""
        path = Path(path)
        if path.exists():
            raise JournalExists(path, "a file is already there")
        salt = os.urandom(keys.SALT_BYTES)
        key = keys.derive_key(passphrase, salt)
        with typed_os_errors(path):
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
        conn = None
        try:
            conn = _connect(path, "mode=rwc")
            conn.execute(f'PRAGMA key = "{keys.sql_key(key, salt)}"')
            conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db = cls(conn, path, key, salt)
            with db._reporting_errors():
                db._configure()
        except BaseException:
            if conn is not None:
                conn.close()
            path.unlink(missing_ok=True)
            raise
        return db

    @classmethod
    def open(
        cls, path: Path | str, *, passphrase: str | None = None, raw_key: bytes | None = None
    ) -> Database:
        """Open an existing journal; raises a typed ``JournalError`` and never modifies the file
        unless it opened cleanly."""
        path = Path(path)
        salt = inspect_file(path)
        if raw_key is None:
            if passphrase is None:
                raise ValueError("a passphrase or a raw key is needed")
            raw_key = keys.derive_key(passphrase, salt)
        _check_read_only(path, raw_key)
        _check_writable(path)
        conn = _connect(path, "mode=rw")
        try:
            conn.execute(f'PRAGMA key = "{keys.sql_key(raw_key)}"')
            _verify_keyed(conn, path)
        except BaseException:
            conn.close()
            raise
        db = cls(conn, path, raw_key, salt)
        try:
            db._configure()
        except sqlcipher3.DatabaseError as exc:
            db.close()
            raise typed_error(exc, path) or CorruptJournal(path, str(exc)) from None
        return db

    def _configure(self) -> None:
        conn = self.conn
        conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")

    # ------------------------------------------------------------- properties
    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise RuntimeError("the journal is closed")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @property
    def raw_key(self) -> bytes:
        """The derived 32-byte key (what "remember on this device" keeps in the keychain)."""
        return bytes(self._key)

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------ statements
    @contextmanager
    def _reporting_errors(self, written: Path | None = None) -> Iterator[None]:
        """Turn SQLite's failures about the file (see :func:`typed_error`) into typed errors
        naming the journal, or ``written`` for a full disk or a read-only place while writing
        another file (a backup).

        Corruption often surfaces while rows are fetched, not when the statement starts, so
        every fetch happens inside this too.
        """
        try:
            yield
        except sqlcipher3.DatabaseError as exc:
            typed = typed_error(exc, self.path, written)
            if typed is not None:
                raise typed from None
            raise

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with self._lock, self._reporting_errors():
            return self.conn.execute(sql, params)

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[Any]:
        """Run a SELECT and return every row."""
        with self._lock, self._reporting_errors():
            return list(self.conn.execute(sql, params).fetchall())

    def executemany(
        self, sql: str, rows: Sequence[Sequence[Any]] | Sequence[dict[str, Any]]
    ) -> None:
        with self._lock, self._reporting_errors():
            self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Commit on success, roll back on any exception; nests through savepoints.

        The outermost level is ``BEGIN IMMEDIATE`` so two writers queue on the busy timeout
        instead of failing halfway. A COMMIT that fails (a deferred constraint, a full disk)
        rolls back too, so the connection is never left inside a half-finished transaction.
        """
        with self._lock:
            depth = self._depth
            self.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
            self._depth += 1
            try:
                yield self
                self.execute("COMMIT" if depth == 0 else f"RELEASE sp{depth}")
            except BaseException:
                self._roll_back(depth)
                if depth == 0:
                    self._checkpoint_pending = False
                raise
            finally:
                self._depth = depth
            if depth == 0 and self._checkpoint_pending:
                self.checkpoint()

    def _roll_back(self, depth: int) -> None:
        # SQLite may already have rolled back by itself (e.g. after SQLITE_FULL); the original
        # error is the one worth reporting, so a failing ROLLBACK must not replace it.
        with suppress(sqlcipher3.Error):
            if depth == 0:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{depth}")
                self.conn.execute(f"RELEASE sp{depth}")

    # ------------------------------------------------------------ maintenance
    def checkpoint(self) -> None:
        """Fold the WAL into the main file and truncate it (after deletes, before backups).

        SQLite cannot checkpoint inside a transaction; there it happens after the outermost
        commit (and not at all if the transaction rolls back: nothing was deleted).
        """
        with self._lock:
            if self._depth:
                self._checkpoint_pending = True
                return
            self._checkpoint_pending = False
            with self._reporting_errors():
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def integrity_check(self) -> list[str]:
        """``["ok"]`` for a healthy journal, otherwise SQLite's list of problems."""
        rows = self.query("PRAGMA integrity_check")
        return [str(row[0]) for row in rows]

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-encrypt every page under a key derived from ``new_passphrase`` (same salt)."""
        new_key = keys.derive_key(new_passphrase, self.salt)
        with self._lock, self._reporting_errors():
            self.conn.execute(f'PRAGMA rekey = "{keys.sql_key(new_key)}"')
            self.checkpoint()
            self._key = bytearray(new_key)

    def copy_to(self, dest: Path) -> None:
        """Write a consistent encrypted snapshot (same key and salt) to ``dest`` atomically."""
        dest = Path(dest)
        if dest.resolve() == self.path.resolve():
            raise ValueError(f"a copy cannot replace the journal it copies: {dest}")
        tmp = dest.with_name(f".{dest.name}.partial")
        with typed_os_errors(dest):
            remove_stale_partials(dest.parent, glob.escape(tmp.name))
            with partial_file(tmp):
                with self._lock, self._reporting_errors(written=dest):
                    self.conn.execute("VACUUM INTO ?", (str(tmp),))
                fsync_file(tmp)
                os.replace(tmp, dest)
                fsync_dir(dest.parent)

    def close(self) -> None:
        """Checkpoint, close and drop the key from memory. Safe to call twice."""
        with self._lock:
            if self._conn is None:
                return
            with suppress(sqlcipher3.Error):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None
            for i in range(len(self._key)):
                self._key[i] = 0


# ---------------------------------------------------------------- helpers


def inspect_file(path: Path) -> bytes:
    """Check, without opening it as a database, that ``path`` can be an encrypted journal.

    Returns the 16-byte KDF salt SQLCipher keeps at the start of the file.
    """
    if not path.exists():
        raise JournalMissing(path)
    if path.is_dir():
        raise NotAJournal(path, "it is a folder, not a journal file")
    size = path.stat().st_size
    if size == 0:
        raise NotAJournal(path, "the file is empty")
    with path.open("rb") as handle:
        head = handle.read(len(_PLAIN_SQLITE_HEADER))
    if head == _PLAIN_SQLITE_HEADER:
        raise NotAJournal(path, "it is a plain, unencrypted SQLite database")
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise NotAJournal(
            path, "its size is not a whole number of pages (not a journal, or cut short)"
        )
    return head[: keys.SALT_BYTES]


def _connect(path: Path, query: str) -> sqlcipher3.Connection:
    uri = f"{path.resolve().as_uri()}?{query}"
    conn = sqlcipher3.connect(
        uri,
        uri=True,
        isolation_level=None,
        check_same_thread=False,
        timeout=_BUSY_TIMEOUT_MS / 1000,
    )
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def _check_read_only(path: Path, key: bytes) -> None:
    """Run the checks of :func:`_verify_keyed` through a read-only connection first.

    A read-write connection, even a wrongly keyed one, folds a crashed session's WAL into the
    file when it closes, so a refused journal would not stay byte-for-byte as it was. After a
    crash (``-wal`` and ``-shm`` left behind) the read-only connection reads the WAL but cannot
    write the file or the WAL; otherwise ``immutable`` stops SQLite creating ``-wal``/``-shm``.
    """
    crashed = all(path.with_name(path.name + side).exists() for side in ("-wal", "-shm"))
    conn = _connect(path, "mode=ro" if crashed else "mode=ro&immutable=1")
    try:
        conn.execute(f'PRAGMA key = "{keys.sql_key(key)}"')
        _verify_keyed(conn, path)
    finally:
        conn.close()


def _check_writable(path: Path) -> None:
    """Refuse now a journal Refill could only read, instead of failing at the first save.

    SQLite opens a file the OS will not let it write read-only, without a word, and needs to
    create ``-wal`` and ``-shm`` beside the journal. Both are checked here, before SQLite opens
    anything read-write, so a refused journal and its folder stay exactly as they were.
    (``os.access``, not a trial ``open``: closing another descriptor of a database this process
    has open would drop SQLite's POSIX locks on it.)
    """
    folder_writable = os.access(path.parent, os.W_OK | os.X_OK)
    if not os.access(path, os.W_OK):
        raise NotWritable(path, "the file is read-only" if folder_writable else "read-only folder")
    sides = [path.with_name(path.name + side) for side in ("-wal", "-shm")]
    if not folder_writable and not all(side.exists() for side in sides):
        raise NotWritable(path, "its folder is read-only")


def _verify_keyed(conn: sqlcipher3.Connection, path: Path) -> None:
    """Prove the key opens the file and that it is an encrypted Refill journal we understand."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        text = str(exc)
        if "file is not a database" in text:
            raise WrongPassphrase(path) from None
        raise typed_error(exc, path) or CorruptJournal(path, text) from None
    version = conn.execute("PRAGMA cipher_version").fetchone()
    if not version or not version[0]:
        raise NotAJournal(path, "SQLCipher is not active in this build; refusing to continue")
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id != APPLICATION_ID:
        raise NotAJournal(path, "it is an encrypted database, but not a Refill journal")
    from journal.store.migrations import LATEST_VERSION

    found = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if found > LATEST_VERSION:
        raise JournalTooNew(path, found, LATEST_VERSION)
