"""A level above the cells (today: the bloc): its units, the figures their bundles carry summed, its reports."""
