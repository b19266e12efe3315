"""The data file itself: creating one, its identity (the names on every document), its kind (datafile/kinds.py:
a cell or a level above, with what each has) and the letterhead its documents carry."""
