"""PDF reports (reportlab): the shared document frame (HD 36-HD/VPTW) and one module per report. No Qt.

reportlab is imported by the report modules only, never by this package's __init__, so importing
`khoidesktop.reports` (for ReportCancelled) stays cheap."""

from khoidesktop.reports.output import ReportCancelled, ReportWriteError

__all__ = ["ReportCancelled", "ReportWriteError"]
