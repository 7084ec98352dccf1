"""Which time zone names the API accepts: the keys of the IANA database that zoneinfo lists.

`ZoneInfo(name)` alone is too lenient and too curious: it accepts `posix/…` and `right/…`
variants, turns names into file paths to probe (a name too long for the file system raised
`OSError`), and its errors differ by platform. A name is accepted only when it is one of
`zoneinfo.available_timezones()`, read once; nothing else touches the file system.
"""

from __future__ import annotations

import zoneinfo
from functools import cache

MAX_ZONE_NAME = 64  # the longest IANA key is about 30 characters
ZONE_HINT = "use an IANA time zone name like Asia/Seoul"


@cache
def _known() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def known_zone(name: str) -> zoneinfo.ZoneInfo | None:
    """The zone called `name`, or None when that is not a zone name we accept."""
    if not isinstance(name, str) or len(name) > MAX_ZONE_NAME or name not in _known():
        return None
    return zoneinfo.ZoneInfo(name)
