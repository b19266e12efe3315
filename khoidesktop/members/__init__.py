"""The member list: records and history events, the Excel import and export, the structure figures, the member
list and structure PDFs."""
