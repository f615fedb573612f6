"""Everything between a YAML file (on disk or uploaded) and the in-memory Atlas."""

from loaders.atlas import Atlas
from loaders.issues import Issue
from loaders.limits import Limits
from loaders.load import build_atlas, load_atlas
from loaders.sources import DataFolderError, SourceFile

__all__ = ["Atlas", "DataFolderError", "Issue", "Limits", "SourceFile", "build_atlas", "load_atlas"]
