"""Dutch texts the pages show for data that the pure packages keep in English.

``results`` and ``candidacy`` speak English (codes, messages for the command line and the log);
the interface speaks Dutch. The modules here turn their structured values into Dutch sentences:
:mod:`ui.texts.findings` the consistency findings of counts, :mod:`ui.texts.result` the status,
warnings and lot kinds of a computed result, :mod:`ui.texts.coverage` whether a stage's counts
cover the units of its election definition, :mod:`ui.texts.stages` the messages of the HSB and
CSB pages. Templates reach them as Jinja globals (``ui/app.py``).
"""

from __future__ import annotations

__all__: list[str] = []
