"""Slowing down password guessing: failed sign-ins counted per user name and client address.

:class:`LoginThrottle` is kept by the web application for the life of its process and given to
:func:`osv.service.users.sign_in` and :func:`osv.service.users.change_own_password`;
:func:`client_label` is a client address as it is logged and stored.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = ["LoginThrottle", "client_label"]


@dataclass
class LoginThrottle:
    """Failed sign-ins per user name and per client address, in this process.

    :meth:`admit` counts an attempt *before* its password is checked, under a lock, so
    attempts sent at once cannot all pass before the first failure is counted; a right password
    takes the attempt back (:meth:`succeeded`). Per user name, after ``free`` counted attempts
    each next one must wait ``base`` seconds after the last, doubling up to ``longest``. Per
    address the same holds only after ``address_free`` attempts: a generous ceiling, so that
    typists behind one address (NAT, a proxy) do not lock each other out. Counts are forgotten
    ``forget`` seconds after their last attempt. Attempts refused for waiting are not counted.
    """

    free: int = 5
    base: float = 2.0
    longest: float = 300.0
    forget: float = 900.0
    address_free: int = 100
    clock: Callable[[], float] = time.monotonic
    _names: dict[str, tuple[int, float]] = field(default_factory=dict)
    _addresses: dict[str, tuple[int, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def admit(self, name: str | None, client: str) -> float:
        """Count an attempt for ``name`` (``None``: a name that cannot exist) from ``client``.

        :returns: 0 when the attempt may go on to the password check (it is counted), else
            the seconds to wait (it is not counted).
        """
        now = self.clock()
        with self._lock:
            wait = self._wait(self._addresses, client, self.address_free, now)
            if name is not None:
                wait = max(wait, self._wait(self._names, name, self.free, now))
            if wait > 0:
                return wait
            self._count(self._addresses, client, now)
            if name is not None:
                self._count(self._names, name, now)
            return 0.0

    def succeeded(self, name: str, client: str) -> None:
        """The attempt's password was right: forget the name's failures, and take the attempt
        off the address's count."""
        with self._lock:
            self._names.pop(name, None)
            count, last = self._addresses.get(client, (0, 0.0))
            if count > 1:
                self._addresses[client] = (count - 1, last)
            else:
                self._addresses.pop(client, None)

    def _wait(self, table: dict[str, tuple[int, float]], key: str, free: int, now: float) -> float:
        count, last = table.get(key, (0, 0.0))
        if count and now - last > self.forget:
            del table[key]
            return 0.0
        if count < free:
            return 0.0
        delay: float = min(self.longest, self.base * float(2 ** min(count - free, 32)))
        return max(0.0, last + delay - now)

    def _count(self, table: dict[str, tuple[int, float]], key: str, now: float) -> None:
        count, _ = table.get(key, (0, 0.0))
        table[key] = (count + 1, now)
        if len(table) > 10_000:  # many names or addresses: drop the forgotten ones
            for old in [k for k, (_, last) in table.items() if now - last > self.forget]:
                del table[old]


def client_label(client: str) -> str:
    """The client address as it is logged and stored: printable, at most 64 characters."""
    clean = "".join(c for c in client if c.isprintable())[:64]
    return clean or "?"
