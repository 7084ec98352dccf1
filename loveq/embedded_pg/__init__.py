"""The private PostgreSQL of the zero-config local mode.

- `cluster`: `EmbeddedPostgres`, which creates, starts, reuses and stops the cluster.
- `processes`: the server binaries, process checks and the cluster lock.
- `accounts`: running the server as an unprivileged account when started as root.
"""

from loveq.embedded_pg.accounts import EmbeddedPostgresError
from loveq.embedded_pg.cluster import SERVER_USER, SUPERUSER, EmbeddedPostgres

__all__ = ["SERVER_USER", "SUPERUSER", "EmbeddedPostgres", "EmbeddedPostgresError"]
