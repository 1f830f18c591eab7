"""plankit's version, in the base layer so that any module may print it (SARIF, ``--version``).

>>> from plankit.version import __version__
>>> __version__.count(".")
2
"""

__version__ = "0.1.0"
