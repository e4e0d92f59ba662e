"""The wording of each model, from its data file (``osv/pv/models/<model>.toml``).

The texts of a process-verbaal are set by the Kiesregeling; they live in data, one file per
model, so they can be read and corrected without touching code. A text may contain ``{name}``
fields filled in at rendering.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["model_texts"]


@cache
def model_texts(model: str) -> dict[str, Any]:
    """The texts of ``model`` (``p22_2``, ``na31_2``)."""
    data = resources.files("osv.pv").joinpath("models", f"{model}.toml").read_bytes()
    return tomllib.loads(data.decode("utf-8"))
