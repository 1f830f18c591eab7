"""What ships inside the package and is read at run time, loaded with importlib.resources.

The Word template of :func:`plankit.render_docx`, the notebooks ``plankit report`` runs and the
five sample plans ``plankit demo`` reads when given no folder all live inside ``plankit/``, so an
installed wheel behaves like the checkout. The repository's top-level ``plans/``, ``notebooks/``
and ``templates/ke-hoach.docx`` are symlinks into these folders: one copy, found the same way
from an editable install, a wheel or an sdist (``docs/packaging.md``).

>>> sorted(p.name for p in sample_plans_dir().iterdir() if p.is_dir())
['can-tho', 'hai-duong', 'hung-yen', 'thua-thien-hue']
>>> template_path().name, len(list(notebooks_dir().glob("*.ipynb")))
('ke-hoach.docx', 6)
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

__all__ = ["notebooks_dir", "sample_plans_dir", "template_path"]

_EXTRACTED = contextlib.ExitStack()
atexit.register(_EXTRACTED.close)


def _resource(name: str) -> Path:
    """A file or folder of the package as a real path (extracted once when zipped)."""
    item = resources.files("plankit").joinpath(name)
    if isinstance(item, Path):
        return item
    return _EXTRACTED.enter_context(resources.as_file(item))


def template_path() -> Path:
    """The default Word template, ``plankit/templates/ke-hoach.docx``."""
    return _resource("templates/ke-hoach.docx")


def notebooks_dir() -> Path:
    """The folder of the notebooks ``plankit report`` runs, ``plankit/notebooks``."""
    return _resource("notebooks")


def sample_plans_dir() -> Path:
    """The five sample plans (the repository's ``plans/``), ``plankit/plans``."""
    return _resource("plans")
