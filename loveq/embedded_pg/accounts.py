"""Running the embedded PostgreSQL as an unprivileged account when the service runs as root.

PostgreSQL refuses to run as root, so the server runs as the owner of an existing
cluster, or, for a new one, as the system user ``loveq-pg`` (created with ``useradd`` when
missing), with its own group only. The cluster stays in the data directory, owned by that
user. Any ancestor directory that user cannot traverse (``/root`` is 0700, as are pytest and
mkdtemp directories) gets a POSIX ACL entry ``u:loveq-pg:--x``: that one user may pass
through, cannot list it, and nobody else gains anything. Only on a file system without ACL
support does it fall back to ``o+x`` (traverse, never read), with a warning. Moving the
cluster elsewhere was rejected: the data would no longer live (and be removed, backed up)
with the data directory. Limit: a later ``chmod`` of such an ancestor revokes the grant,
and PostgreSQL 18 opens ``global/pg_control`` by absolute path, so a running server then
PANICs. pytest resets ``/tmp/pytest-of-root`` to 0700 whenever a session starts, so as root
keep clusters out of pytest's basetemp; start and stop grant again.
"""

from __future__ import annotations

import errno
import logging
import os
import pwd
import shutil
import stat
import struct
import subprocess
import time
from contextlib import suppress
from pathlib import Path

log = logging.getLogger("loveq.embedded_pg")


class EmbeddedPostgresError(RuntimeError):
    """The embedded server could not be prepared, started or stopped."""


def ensure_system_user(name: str) -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(name)
    except KeyError:
        pass
    useradd = shutil.which("useradd") or "/usr/sbin/useradd"
    shell = "/usr/sbin/nologin" if os.path.exists("/usr/sbin/nologin") else "/bin/false"
    options = "--system --user-group --no-create-home --home-dir /nonexistent --comment loveq"
    for attempt in range(5):  # useradd fails while another one holds /etc/passwd's lock
        try:
            command = [useradd, *options.split(), "--shell", shell, name]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise EmbeddedPostgresError(
                f"PostgreSQL cannot run as root, and there is no useradd to create {name!r}"
            ) from None
        with suppress(KeyError):
            return pwd.getpwnam(name)  # also when a concurrent process created it first
        time.sleep(0.2 * (attempt + 1))
    raise EmbeddedPostgresError(
        f"PostgreSQL cannot run as root, and creating user {name!r} failed: "
        f"{result.stderr.strip() or result.returncode}"
    )


# POSIX ACL xattr format (linux/posix_acl_xattr.h): a version header, then (tag, perm, id).
_ACL_XATTR = "system.posix_acl_access"
_ACL_USER_OBJ, _ACL_USER, _ACL_GROUP_OBJ, _ACL_GROUP, _ACL_MASK, _ACL_OTHER = 1, 2, 4, 8, 16, 32
_ACL_NO_ID = 0xFFFFFFFF
_X = 1


def grant_traverse(path: Path, user: pwd.struct_passwd) -> None:
    """Let ``user`` traverse (never list) every existing ancestor of ``path``."""
    for directory in reversed(path.parents):
        if not directory.exists():
            break
        st = directory.stat()
        acl = _read_acl(directory)
        if _can_traverse(st, acl, user):
            continue
        try:
            _write_acl(directory, _acl_with_traverse(st, acl, user.pw_uid))
            log.warning("granted %s traverse-only access to %s (ACL)", user.pw_name, directory)
        except OSError as exc:
            if exc.errno not in (errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            os.chmod(directory, stat.S_IMODE(st.st_mode) | stat.S_IXOTH)
            log.warning("no ACL support: made %s traversable by others (o+x)", directory)


def _read_acl(directory: Path) -> list[tuple[int, int, int]] | None:
    try:
        raw = os.getxattr(directory, _ACL_XATTR)
    except OSError as exc:
        if exc.errno in (errno.ENODATA, errno.ENOTSUP, errno.EOPNOTSUPP):
            return None
        raise
    return [(tag, perm, uid) for tag, perm, uid in struct.iter_unpack("<HHI", raw[4:])]


def _write_acl(directory: Path, acl: list[tuple[int, int, int]]) -> None:
    entries = sorted(acl, key=lambda entry: (entry[0], entry[2]))  # by tag, then id
    raw = struct.pack("<I", 2) + b"".join(struct.pack("<HHI", *entry) for entry in entries)
    os.setxattr(directory, _ACL_XATTR, raw)


def _can_traverse(
    st: os.stat_result, acl: list[tuple[int, int, int]] | None, user: pwd.struct_passwd
) -> bool:
    if st.st_uid == user.pw_uid:
        return bool(st.st_mode & stat.S_IXUSR)
    if acl is not None:
        mask = next((perm for tag, perm, _ in acl if tag == _ACL_MASK), 7)
        for tag, perm, uid in acl:
            if tag == _ACL_USER and uid == user.pw_uid:
                return bool(perm & mask & _X)
    if st.st_gid == user.pw_gid:
        return bool(st.st_mode & stat.S_IXGRP)
    return bool(st.st_mode & stat.S_IXOTH)


def _acl_with_traverse(
    st: os.stat_result, acl: list[tuple[int, int, int]] | None, uid: int
) -> list[tuple[int, int, int]]:
    mode = st.st_mode
    if acl is None:  # the ACL equivalent to the mode bits
        acl = [
            (_ACL_USER_OBJ, (mode >> 6) & 7, _ACL_NO_ID),
            (_ACL_GROUP_OBJ, (mode >> 3) & 7, _ACL_NO_ID),
            (_ACL_OTHER, mode & 7, _ACL_NO_ID),
        ]
    perm = next((p for tag, p, i in acl if tag == _ACL_USER and i == uid), 0) | _X
    entries = [e for e in acl if e[0] != _ACL_MASK and not (e[0] == _ACL_USER and e[2] == uid)]
    entries.append((_ACL_USER, perm, uid))
    # The mask caps every named entry and the owning group: keep what it allowed, add x.
    old_mask = next((p for tag, p, _ in acl if tag == _ACL_MASK), None)
    if old_mask is None:
        old_mask = 0
        for tag, p, _ in entries:
            if tag in (_ACL_USER, _ACL_GROUP_OBJ, _ACL_GROUP):
                old_mask |= p
    entries.append((_ACL_MASK, old_mask | _X, _ACL_NO_ID))
    return entries
