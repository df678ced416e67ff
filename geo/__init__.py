"""conflictmap: find the places conflict reports name, classify incidents by jurisdiction, map them.

Importing ``geo`` loads no data and opens no connection; loaders are functions.
"""

from geo import errors, io, theatre
from geo.io import read_table, write_table
from geo.jurisdiction import classify, summarise
from geo.theatre import Theatre, load_theatre

__all__ = [
    "Theatre",
    "classify",
    "errors",
    "io",
    "jurisdiction",
    "load_theatre",
    "read_table",
    "summarise",
    "theatre",
    "write_table",
]
__version__ = "0.1.0"
