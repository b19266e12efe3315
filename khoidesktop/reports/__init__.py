"""PDF reports (reportlab): the shared document frame (HD 36-HD/VPTW) and one module per report. No Qt.

reportlab is imported by the report modules only, never by this package's __init__, so importing
`khoidesktop.reports` (for ReportWriteError) stays cheap."""

from khoidesktop.reports.output import ReportWriteError

__all__ = ["ReportWriteError"]
