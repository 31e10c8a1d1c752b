"""The embedded gazetteer: GeoNames places, countries, divisions and a curated overlay in SQLite."""

from newstrace.gazetteer.build import build_gazetteer
from newstrace.gazetteer.place import Place
from newstrace.gazetteer.store import Gazetteer

__all__ = ["Gazetteer", "Place", "build_gazetteer"]
