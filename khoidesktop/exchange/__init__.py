"""The summary bundle a level sends the level above: the summary format (summary.py), the signed zip on disk
(bundle_format.py), making a cell's bundle (bundle_export.py) and importing bundles (bundle_import.py)."""
