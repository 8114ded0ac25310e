"""The history store: SQLite with versioned migrations behind one API.

Nothing here opens a database at import time; call :meth:`Store.open`.
"""

from cs_daily.store.bulk import InteractionData
from cs_daily.store.interactions import UNSET
from cs_daily.store.store import Store

__all__ = ["UNSET", "InteractionData", "Store"]
