"""The overview page's figures and charts, for a cell from its records, for a level above from its units."""
