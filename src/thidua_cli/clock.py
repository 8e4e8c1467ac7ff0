"""The time a made file says it was made: now, or ``SOURCE_DATE_EPOCH`` when set.

``SOURCE_DATE_EPOCH`` is the reproducible-builds convention (seconds since 1970, UTC):
with it the same registry gives the same bytes (DOCX properties and members, the ICS
DTSTAMP). One reading of it for every writer.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime


def made_at() -> datetime:
    """``SOURCE_DATE_EPOCH`` as an aware UTC time when it holds whole seconds that a date
    can carry, else now (UTC, whole seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isascii() and epoch.isdigit():
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except (OverflowError, OSError, ValueError):
            pass  # beyond year 9999: not a time a file can say it was made
    return datetime.now(UTC).replace(microsecond=0)
