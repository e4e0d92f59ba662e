"""Adding counts up the election tree and checking them: polling station → municipality (510b)
→ district (510c) → total (510d)."""

from __future__ import annotations

from results.tally.findings import Finding, Severity

__all__ = ["Finding", "Severity"]
