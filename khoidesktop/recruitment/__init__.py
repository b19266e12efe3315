"""Recruitment files from candidate to official member: steps with their checks and deadlines, targets, the
recruitment report and the admission resolution (6-KNĐ) PDFs."""
