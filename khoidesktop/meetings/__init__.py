"""Cell meetings: regular and thematic meetings with attendance and votes, the year's figures, the minutes and the
meetings report PDFs."""
