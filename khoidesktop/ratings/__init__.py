"""The yearly rating of members under the rule set of each year: ratings, the rating sheet import, the year's
figures, the rating report and the list of proposed levels PDFs."""
