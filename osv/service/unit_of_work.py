"""The one way a service is given its database: a factory of units of work.

Every use case takes a :data:`UowFactory` and opens one :class:`~osv.store.UnitOfWork` per
transaction with it; the entry points pass
:class:`~osv.service.bootstrap.UnitOfWorkFactory` (or, in tests, any callable that makes units of
work on a database of their own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from osv.store import UnitOfWork

__all__ = ["UowFactory"]

#: Makes a new unit of work each time it is called; the service commits or it rolls back.
UowFactory: TypeAlias = Callable[[], UnitOfWork]
